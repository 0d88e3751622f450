/**
 * Definition and references for Ingress and route backends, the same graph as DNS names: a
 * backend's Service name goes to the Service, a route's parentRef to its Gateway, and a Service's
 * references include every backend naming it (so rename updates them).
 */
import { serviceKey, type Cluster } from '../dns/cluster';
import type { FieldPath, KubeObject, Service } from '../manifests/types';
import { backendRefAt, backendRefs, isServiceRef } from '../refs/backends';
import { gatewaysNamed, parentRefs } from '../refs/gatewayRefs';

const eq = (a: FieldPath, b: FieldPath): boolean => a.length === b.length && a.every((p, i) => b[i] === p);

/** The object and path a cursor's definition leads to, if it is on a backend or parentRef name. */
export function backendDefinition(cluster: Cluster, o: KubeObject, path: FieldPath): { object: KubeObject; path: FieldPath } | undefined {
  const ref = backendRefAt(o, path);
  if (ref && isServiceRef(ref) && (eq(path, ref.namePath) || (ref.namespacePath && eq(path, ref.namespacePath)))) {
    const entry = cluster.services.get(serviceKey(ref.namespace, ref.name));
    return entry ? { object: entry.service, path: ['metadata', 'name'] } : undefined;
  }
  const parent = parentRefs(o).find((p) => eq(path, p.namePath));
  const gateway = parent && gatewaysNamed(cluster, parent.namespace, parent.name)[0];
  return gateway ? { object: gateway, path: ['metadata', 'name'] } : undefined;
}

/** The backend names in `o` that refer to `svc`: the paths of their `name` nodes. */
export function backendReferencesTo(o: KubeObject, svc: Service): FieldPath[] {
  const out: FieldPath[] = [];
  for (const ref of backendRefs(o)) {
    if (isServiceRef(ref) && ref.name === svc.meta.name && ref.namespace === svc.meta.namespace) out.push(ref.namePath);
  }
  return out;
}
