/**
 * An object's identity as the API server keys it: group-qualified kind, namespace and name. Two
 * manifests with one identity are one object at apply time: the one applied last replaces the
 * other. Indexed once per namespace part, like the address index, so an edit re-indexes only its
 * own namespace.
 */
import { partKey, type Cluster, type NamespacePart } from '../dns/cluster';
import { groupKind } from '../manifests/apiGroups';
import { isNamespace, type KubeObject } from '../manifests/types';
import { hasPlaceholder } from './validation/placeholder';

/**
 * `Kind.group/namespace/name`, or `undefined` for objects whose name is not known before apply:
 * none written (`generateName` makes one per create) or a template placeholder.
 */
export function objectIdentity(o: KubeObject): string | undefined {
  const name = o.meta.name;
  if (!name || hasPlaceholder(name)) return undefined;
  // A Namespace is cluster-scoped: a `metadata.namespace` written on it means nothing.
  const ns = isNamespace(o) ? '' : o.meta.namespace;
  return `${groupKind(o.kind, o.apiVersion)}/${ns}/${name}`;
}

const cache = new WeakMap<NamespacePart, ReadonlyMap<string, readonly KubeObject[]>>();

function partIndex(part: NamespacePart): ReadonlyMap<string, readonly KubeObject[]> {
  let idx = cache.get(part);
  if (idx) return idx;
  const map = new Map<string, KubeObject[]>();
  for (const o of part.objects) {
    const id = objectIdentity(o);
    if (id === undefined) continue;
    const list = map.get(id);
    if (list) list.push(o);
    else map.set(id, [o]);
  }
  cache.set(part, (idx = map));
  return idx;
}

/** The folder of a file (a path or a URI), for telling kustomize trees apart. */
export function folderOf(file: string): string {
  const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return at < 0 ? '' : file.slice(0, at);
}

/** Whether `o` is a kustomize Kustomization or Component (`kustomize.config.k8s.io`). */
export function isKustomization(o: KubeObject): boolean {
  return (o.kind === 'Kustomization' || o.kind === 'Component') && o.apiVersion.startsWith('kustomize.config.k8s.io/');
}

const kustomizeCache = new WeakMap<NamespacePart, ReadonlySet<string>>();

/** Whether a Kustomization object sits in `folder` (a kustomization.yaml that writes its `kind`). */
export function hasKustomization(cluster: Cluster, folder: string): boolean {
  for (const part of cluster.parts) {
    let dirs = kustomizeCache.get(part);
    if (!dirs) kustomizeCache.set(part, (dirs = new Set(part.objects.filter(isKustomization).map((o) => folderOf(o.source.file)))));
    if (dirs.has(folder)) return true;
  }
  return false;
}

/** Every object of the cluster with `o`'s identity (`o` included), in the part's (text) order. */
export function objectsLike(cluster: Cluster, o: KubeObject): readonly KubeObject[] {
  const id = objectIdentity(o);
  if (id === undefined) return [];
  const key = partKey(o);
  const part = key ? cluster.partOf(key) : cluster.parts.find((p) => p.key === '');
  return (part && partIndex(part).get(id)) ?? [];
}
