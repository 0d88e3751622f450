/** What the backend rules share: the Service references to look up and how to speak of them. */
import { serviceKey, type Cluster, type ServiceEntry } from '../../../dns/cluster';
import type { KubeObject } from '../../../manifests/types';
import { backendRefs, isServiceRef, type BackendRef } from '../../../refs/backends';
import { hasPlaceholder } from '../../validation/placeholder';
import { folderOf } from '../../identity';
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
 * How sure the workspace is that the Service a backend names should be in it:
 * - `here`: a Service of that namespace sits in the referrer's folder (deployed together);
 * - `elsewhere`: the workspace holds Services of that namespace in other folders only (a
 *   repository of independent examples often shares `default`);
 * - `unknown`: it holds none, or the namespace is `kube-system` (add-ons the cluster installs,
 *   even where the repository adds one of its own): the workspace cannot tell.
 */
export type Expectation = 'here' | 'elsewhere' | 'unknown';

/** The {@link Expectation} for Services of `namespace`, seen from `referrer`. Declares the watch. */
export function expectation(cluster: Cluster, namespace: string, referrer: KubeObject, report: Pick<Reporter, 'watch'>): Expectation {
  report.watch({ servicesIn: namespace });
  // Even beside a Service of kube-system, a backend there is usually an add-on (the dashboard).
  if (namespace === 'kube-system') return 'unknown';
  const services = [...(cluster.partOf(namespace)?.services.values() ?? [])];
  const folder = folderOf(referrer.source.file);
  if (services.some((e) => folderOf(e.service.source.file) === folder)) return 'here';
  return services.length > 0 ? 'elsewhere' : 'unknown';
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
