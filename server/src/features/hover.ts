/** LSP hover: finds what the cursor is on and asks `explain/` for the text. */
import { isPod, isService, isStatefulSet, isWorkload, type FieldPath, type KubeObject, type Service } from '../manifests/types';
import type { WorkspaceIndex } from '../workspace';
import { externalNameHover, headlessHover, podNameHover, portHover, statefulSetHover, typeHover } from '../explain/fields';
import { entryOf, serviceHover } from '../explain/service';
import { dnsNameHover } from '../explain/dnsName';
import { useAt } from './navigation';
import { backendHover, reachedBy } from '../explain/backend';
import { joinSections } from '../explain/markdown';
import { backendRefAt } from '../refs/backends';
import { parentHover } from '../explain/gateway';
import { parentRefs } from '../refs/gatewayRefs';

/** The object at an offset of a file, and the path of the node under the cursor. */
export function objectAt(index: WorkspaceIndex, uri: string, offset: number): { object: KubeObject; path: FieldPath; onKey: boolean } | undefined {
  const doc = index.file(uri)?.documentAt(offset);
  if (!doc) return undefined;
  for (const object of doc.objects) {
    const r = object.source.range;
    if (offset < r.start || offset > r.end) continue;
    const at = object.source.pathAt(offset);
    if (at) return { object, path: at.path, onKey: at.onKey };
  }
  return undefined;
}

const eq = (path: FieldPath, ...want: (string | number)[]): boolean => path.length === want.length && want.every((w, i) => path[i] === w);

function serviceFieldHover(index: WorkspaceIndex, svc: Service, path: FieldPath): string | undefined {
  const cluster = index.cluster();
  const entry = entryOf(cluster, svc);
  if (!entry || entry.service !== svc) return undefined;
  if (eq(path, 'metadata', 'name') || eq(path, 'kind')) return joinSections(serviceHover(cluster, entry), reachedBy(cluster, svc));
  if (path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number') {
    const port = svc.spec.ports.find((p) => p.index === path[2]);
    return port ? portHover(cluster, entry, port) : undefined;
  }
  if (eq(path, 'spec', 'clusterIP') || (path[0] === 'spec' && path[1] === 'clusterIPs')) return entry.headless ? headlessHover(cluster, entry) : serviceHover(cluster, entry);
  if (eq(path, 'spec', 'externalName') && entry.externalName) return externalNameHover(cluster, entry);
  if (eq(path, 'spec', 'type')) return entry.externalName ? externalNameHover(cluster, entry) : typeHover(entry);
  return undefined;
}

/** The hover markdown at an offset, or `undefined`. */
export function hoverAt(index: WorkspaceIndex, uri: string, offset: number): string | undefined {
  const hit = objectAt(index, uri, offset);
  if (!hit) return undefined;
  const use = useAt(index, uri, offset);
  if (use) return dnsNameHover(index.cluster(), use);
  const { object, path } = hit;
  if (isService(object)) return serviceFieldHover(index, object, path);
  const backend = backendRefAt(object, path);
  if (backend) return backendHover(index.cluster(), backend);
  const parent = parentRefs(object).find((p) => p.path.every((s, i) => path[i] === s));
  if (parent) return parentHover(index.cluster(), parent);
  if (isStatefulSet(object) && eq(path, 'spec', 'serviceName')) return statefulSetHover(index.cluster(), object);
  if (isPod(object) || isWorkload(object) || isStatefulSet(object)) {
    const spec = object.template.specPath;
    const last = path[path.length - 1];
    if (path.length === spec.length + 1 && spec.every((p, i) => path[i] === p) && (last === 'hostname' || last === 'subdomain')) {
      return podNameHover(index.cluster(), object.template, object.meta.namespace);
    }
  }
  return undefined;
}
