/**
 * The backends Ingresses and Gateway API routes send traffic to: each reference with its
 * effective namespace, group and kind (the API defaults applied) and the paths of its fields, so
 * rules, hovers and rename point at the exact node. Read from the object's JSON; no cluster.
 *
 * Sources: networking.k8s.io/v1 IngressBackend / IngressServiceBackend / ServiceBackendPort (and
 * v1beta1's serviceName/servicePort); gateway-api apis/v1 shared_types.go BackendObjectReference
 * (group "" and kind Service by default, namespace the route's), httproute_types.go BackendRef
 * (weight, default 1) and HTTPRequestMirrorFilter.
 */
import type { FieldPath, KubeObject } from '../manifests/types';
import { isIngress, isRoute, MIRRORING_ROUTE_KINDS } from './routeKinds';

export interface BackendPort {
  readonly number?: number;
  readonly name?: string;
  /** The path of the node holding the number or the name. */
  readonly path: FieldPath;
}

export interface BackendRef {
  /** The Ingress or route that writes the reference. */
  readonly object: KubeObject;
  /** An Ingress backend, a route rule's backendRef, or a request mirror's backendRef. */
  readonly role: 'ingress' | 'route' | 'mirror';
  /** The path of the reference (the map holding `name`). */
  readonly path: FieldPath;
  readonly namePath: FieldPath;
  readonly name: string;
  /** The namespace of the referent: the one written (routes only), else the object's. */
  readonly namespace: string;
  /** The path of `namespace` when written. */
  readonly namespacePath?: FieldPath;
  /** The API group of the referent (`''` is core). */
  readonly group: string;
  readonly kind: string;
  /** The port, when written. */
  readonly port?: BackendPort;
  /** Route backendRefs: `weight` as written (the API defaults it to 1). */
  readonly weight?: number;
}

type Json = Record<string, unknown>;

function map(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** An Ingress backend: v1 `service: {name, port: {name|number}}`, or v1beta1 `serviceName`/`servicePort`. */
function ingressBackend(o: KubeObject, backend: Json, path: FieldPath): BackendRef | undefined {
  const base = { object: o, role: 'ingress' as const, namespace: o.meta.namespace, group: '', kind: 'Service' };
  const service = map(backend['service']);
  if (service) {
    const name = str(service['name']);
    if (name === undefined) return undefined;
    const p = [...path, 'service'];
    const port = map(service['port']);
    const number = port && int(port['number']);
    const portName = port && str(port['name']);
    const portRef: BackendPort | undefined =
      number !== undefined ? { number, path: [...p, 'port', 'number'] } : portName ? { name: portName, path: [...p, 'port', 'name'] } : undefined;
    return { ...base, path: p, namePath: [...p, 'name'], name, ...(portRef ? { port: portRef } : {}) };
  }
  // networking.k8s.io/v1beta1 and extensions/v1beta1 (removed in 1.22): an IntOrString port.
  const name = str(backend['serviceName']);
  if (name === undefined) return undefined;
  const sp = backend['servicePort'];
  const portPath = [...path, 'servicePort'];
  const portRef: BackendPort | undefined = int(sp) !== undefined ? { number: sp as number, path: portPath } : typeof sp === 'string' ? { name: sp, path: portPath } : undefined;
  return { ...base, path, namePath: [...path, 'serviceName'], name, ...(portRef ? { port: portRef } : {}) };
}

function ingressBackends(o: KubeObject): BackendRef[] {
  const out: BackendRef[] = [];
  const spec = map(o.raw['spec']);
  if (!spec) return out;
  // `resource` backends (a custom resource, e.g. a storage bucket) are not Services: left out.
  for (const key of ['defaultBackend', 'backend']) {
    const b = map(spec[key]);
    const ref = b && ingressBackend(o, b, ['spec', key]);
    if (ref) out.push(ref);
  }
  list(spec['rules']).forEach((rule, i) => {
    const http = map(map(rule)?.['http']);
    list(http?.['paths']).forEach((p, j) => {
      const b = map(map(p)?.['backend']);
      const ref = b && ingressBackend(o, b, ['spec', 'rules', i, 'http', 'paths', j, 'backend']);
      if (ref) out.push(ref);
    });
  });
  return out;
}

/** A Gateway API BackendObjectReference with the API's defaults applied. */
function routeBackend(o: KubeObject, ref: Json, path: FieldPath, role: 'route' | 'mirror'): BackendRef | undefined {
  const name = str(ref['name']);
  if (name === undefined) return undefined;
  const ns = str(ref['namespace']);
  const port = int(ref['port']);
  const weight = int(ref['weight']);
  return {
    object: o,
    role,
    path,
    namePath: [...path, 'name'],
    name,
    namespace: ns || o.meta.namespace,
    ...(ns ? { namespacePath: [...path, 'namespace'] } : {}),
    group: str(ref['group']) ?? '',
    kind: str(ref['kind']) ?? 'Service',
    ...(port !== undefined ? { port: { number: port, path: [...path, 'port'] } } : {}),
    ...(role === 'route' && weight !== undefined ? { weight } : {}),
  };
}

/** `requestMirror.backendRef`s of a list of filters. */
function mirrors(o: KubeObject, filters: unknown, path: FieldPath, out: BackendRef[]): void {
  list(filters).forEach((f, k) => {
    const ref = map(map(map(f)?.['requestMirror'])?.['backendRef']);
    const b = ref && routeBackend(o, ref, [...path, k, 'requestMirror', 'backendRef'], 'mirror');
    if (b) out.push(b);
  });
}

function routeBackends(o: KubeObject): BackendRef[] {
  const out: BackendRef[] = [];
  const mirroring = MIRRORING_ROUTE_KINDS.has(o.kind);
  list(map(o.raw['spec'])?.['rules']).forEach((rule, i) => {
    const r = map(rule);
    if (!r) return;
    list(r['backendRefs']).forEach((b, j) => {
      const m = map(b);
      const path = ['spec', 'rules', i, 'backendRefs', j];
      const ref = m && routeBackend(o, m, path, 'route');
      if (ref) out.push(ref);
      if (m && mirroring) mirrors(o, m['filters'], [...path, 'filters'], out);
    });
    if (mirroring) mirrors(o, r['filters'], ['spec', 'rules', i, 'filters'], out);
  });
  return out;
}

const cache = new WeakMap<KubeObject, readonly BackendRef[]>();

/** The backend references of an Ingress or route (none for other objects), in text order. */
export function backendRefs(o: KubeObject): readonly BackendRef[] {
  let refs = cache.get(o);
  if (!refs) cache.set(o, (refs = isIngress(o) ? ingressBackends(o) : isRoute(o) ? routeBackends(o) : []));
  return refs;
}

/** Whether a reference names a core Service (group `""`, kind `Service`). */
export function isServiceRef(ref: BackendRef): boolean {
  return ref.group === '' && ref.kind === 'Service';
}

const startsWith = (path: FieldPath, prefix: FieldPath): boolean => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

/** The backend reference whose fields hold `path` (the cursor's node), if any. */
export function backendRefAt(o: KubeObject, path: FieldPath): BackendRef | undefined {
  // The innermost reference wins: a mirror's backendRef sits inside a backendRef's filters.
  let best: BackendRef | undefined;
  for (const ref of backendRefs(o)) if (startsWith(path, ref.path) && (!best || ref.path.length > best.path.length)) best = ref;
  return best;
}
