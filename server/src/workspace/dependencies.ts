/**
 * Which objects a change can affect. Each object provides keys (what it is) and depends on keys
 * (what its checks and records read); when an edit adds or removes objects, only objects that
 * depend on their keys are re-checked.
 */
import { isEndpointSlice, isEndpoints, isPod, isService, isStatefulSet, isWorkload, type KubeObject } from '../manifests/types';
import type { Watch } from '../checks/types';
import { folderOf, isKustomization, objectIdentity } from '../checks/identity';
import { hostTokens } from '../refs/hostTokens';
import { usesControllerLabels } from '../dns/controllerLabels';

const svcKey = (ns: string, name: string): string => `svc:${ns}/${name}`;
const slicesKey = (ns: string, name: string): string => `slices:${ns}/${name}`;
const labelKey = (ns: string, k: string, v: string): string => `label:${ns}:${k}=${v}`;
/** The key of a namespace's existence. */
export const nsKey = (ns: string): string => `ns:${ns}`;
const svcNameKey = (name: string): string => `svcname:${name}`;
/** Keys of whole sets, for findings that watch them (`Watch`): `*` is every namespace. */
const servicesInKey = (ns: string): string => `svcs:${ns}`;
const templatesInKey = (ns: string): string => `templates:${ns}`;
const objectsInKey = (ns: string): string => `objects:${ns}`;
const identityKey = (id: string): string => `id:${id}`;
const kustomizationKey = (folder: string): string => `kustomization:${folder}`;

/** The key of what a finding watches. */
export function watchKey(w: Watch): string {
  if ('servicesIn' in w) return servicesInKey(w.servicesIn);
  if ('servicesNamed' in w) return svcNameKey(w.servicesNamed);
  if ('templatesIn' in w) return templatesInKey(w.templatesIn);
  if ('identity' in w) return identityKey(w.identity);
  if ('kustomizationIn' in w) return kustomizationKey(w.kustomizationIn);
  return objectsInKey(w.objectsIn);
}

/**
 * The Services a written host could name, read syntactically (the cluster decides later):
 * `a` → any Service `a`; `a.b` → Service `a` in namespace `b`, or endpoint `a` of Service `b`
 * here; `[…]a.b.svc[.zone]` → Service `a` in `b`.
 */
function hostKeys(host: string, ns: string): string[] {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter((l) => !l.startsWith('_'));
  const svc = labels.indexOf('svc');
  // The rules speak only of namespaces the workspace holds: the namespace's existence counts too.
  if (svc >= 2) return [svcKey(labels[svc - 1]!, labels[svc - 2]!), nsKey(labels[svc - 1]!)];
  if (labels.length === 1) return [svcNameKey(labels[0]!)];
  // `a.b` may also be endpoint `a` of a Service `b` elsewhere (written without a namespace).
  if (labels.length === 2) return [svcKey(labels[1]!, labels[0]!), svcKey(ns, labels[1]!), nsKey(labels[1]!), svcNameKey(labels[1]!)];
  return [];
}

/** The keys an object provides. */
export function providedKeys(o: KubeObject): string[] {
  const ns = o.meta.namespace;
  // A namespace's existence changes only with a Namespace object, or when its first object comes
  // or its last one goes (the index adds that key itself).
  const keys = o.kind === 'Namespace' ? [nsKey(o.meta.name)] : [];
  keys.push(objectsInKey(ns), objectsInKey('*'));
  const id = objectIdentity(o);
  if (id !== undefined) keys.push(identityKey(id));
  if (isKustomization(o)) keys.push(kustomizationKey(folderOf(o.source.file)));
  if (isService(o)) keys.push(svcKey(ns, o.meta.name), svcNameKey(o.meta.name), servicesInKey(ns), servicesInKey('*'));
  else if (isEndpointSlice(o)) keys.push(slicesKey(ns, o.serviceName ?? ''));
  else if (isEndpoints(o)) keys.push(slicesKey(ns, o.meta.name));
  if (isPod(o) || isWorkload(o) || isStatefulSet(o)) {
    keys.push(templatesInKey(ns), templatesInKey('*'));
    for (const [k, v] of Object.entries(o.template.labels)) keys.push(labelKey(ns, k, v));
  }
  return keys;
}

/** The keys an object's checks and records read. */
export function dependencyKeys(o: KubeObject): string[] {
  const ns = o.meta.namespace;
  const keys: string[] = [];
  if (isService(o)) {
    keys.push(svcKey(ns, o.meta.name), slicesKey(ns, o.meta.name));
    for (const [k, v] of Object.entries(o.spec.selector ?? {})) keys.push(labelKey(ns, k, v));
    // Labels controllers add (job-name, pod-name, hashes) are no template's own: any template may match.
    if (usesControllerLabels(o.spec.selector)) keys.push(templatesInKey(ns));
    // An ExternalName into the cluster zone is answered from the Service it names.
    if (o.spec.externalName) keys.push(...hostKeys(o.spec.externalName, ns));
  } else if (isEndpointSlice(o)) {
    if (o.serviceName) keys.push(svcKey(ns, o.serviceName));
  } else if (isEndpoints(o)) {
    keys.push(svcKey(ns, o.meta.name));
  } else if (isStatefulSet(o)) {
    if (o.serviceName) keys.push(svcKey(ns, o.serviceName));
  }
  if ((isPod(o) || isWorkload(o) || isStatefulSet(o)) && o.template.subdomain) keys.push(svcKey(ns, o.template.subdomain));
  // DNS names written in values depend on the Services they may name.
  for (const t of hostTokens(o)) keys.push(...hostKeys(t.host, ns));
  return keys;
}

/** A reverse index from keys to the objects that depend on them. */
export class DependencyIndex {
  private readonly byKey = new Map<string, Set<KubeObject>>();

  add(o: KubeObject, keys: readonly string[] = dependencyKeys(o)): void {
    for (const k of keys) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(o);
    }
  }

  remove(o: KubeObject, keys: readonly string[] = dependencyKeys(o)): void {
    for (const k of keys) {
      const set = this.byKey.get(k);
      if (!set) continue;
      set.delete(o);
      if (set.size === 0) this.byKey.delete(k);
    }
  }

  /** Every object that depends on one of `keys`. */
  dependents(keys: Iterable<string>): Set<KubeObject> {
    const out = new Set<KubeObject>();
    for (const k of keys) for (const o of this.byKey.get(k) ?? []) out.add(o);
    return out;
  }
}
