/** What the backend rules share: the Service references to look up and how to speak of them. */
import { serviceKey, type Cluster, type ServiceEntry } from '../../../dns/cluster';
import type { KubeObject } from '../../../manifests/types';
import { backendRefs, isServiceRef, type BackendRef } from '../../../refs/backends';
import { hasPlaceholder } from '../../validation/placeholder';
import type { Reporter } from '../../types';

/** The references of `o` to core Services, leaving out templated names (known only once rendered). */
export function serviceBackends(o: KubeObject): BackendRef[] {
  return backendRefs(o).filter((r) => isServiceRef(r) && r.name !== '' && !hasPlaceholder(r.name) && !hasPlaceholder(r.namespace));
}

/** The Service a reference names, if the workspace holds it. Declares the watch either way. */
export function targetOf(cluster: Cluster, ref: BackendRef, report: Pick<Reporter, 'watch'>): ServiceEntry | undefined {
  // Any Service of that name coming or going (or changing) can change the answer.
  report.watch({ servicesNamed: ref.name });
  return cluster.services.get(serviceKey(ref.namespace, ref.name));
}

/**
 * Whether the workspace describes the Services of a namespace (it holds at least one): then a
 * missing one is a mistake; otherwise the Services are deployed from elsewhere (another
 * repository, a chart) and the workspace cannot tell.
 */
export function describesServicesOf(cluster: Cluster, namespace: string, report: Pick<Reporter, 'watch'>): boolean {
  report.watch({ servicesIn: namespace });
  return (cluster.partOf(namespace)?.services.size ?? 0) > 0;
}

/** `HTTPRoute docs`, `Ingress web`: the referrer as messages name it. */
export function referrer(ref: BackendRef): string {
  return `${ref.object.kind} ${ref.object.meta.name || '(unnamed)'}`;
}

/** What happens to traffic sent to a backend that cannot be used, by the referrer's kind. */
export function brokenTraffic(ref: BackendRef): string {
  if (ref.role === 'ingress') return 'the Ingress controller has no endpoints for it and answers 503 (ingress-nginx: 503 Service Temporarily Unavailable)';
  if (ref.role === 'mirror') return 'the Gateway drops the mirror (ResolvedRefs: False on the route)';
  const kind = ref.object.kind;
  if (kind === 'HTTPRoute') return 'the Gateway sets ResolvedRefs: False on the route and answers the requests that would go to it with 500';
  if (kind === 'GRPCRoute') return 'the Gateway sets ResolvedRefs: False on the route and answers the calls that would go to it with UNAVAILABLE';
  return 'the Gateway sets ResolvedRefs: False on the route and rejects the connections that would go to it';
}
