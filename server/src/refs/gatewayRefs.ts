/**
 * A route's `parentRefs` (the Gateways it attaches to) and the ReferenceGrants that let it reach
 * into another namespace. Sources: gateway-api apis/v1 shared_types.go ParentReference (group
 * gateway.networking.k8s.io and kind Gateway by default, namespace the route's);
 * apis/v1beta1 referencegrant_types.go (a grant lives in the referent's namespace; `from` names
 * group, kind and namespace of the referrer; `to` names group, kind and optionally the name of the
 * referent, all of that kind in the namespace when no name is given).
 */
import type { Cluster } from '../dns/cluster';
import type { FieldPath, KubeObject } from '../manifests/types';
import type { BackendRef } from './backends';
import { GATEWAY_GROUP, isGatewayKind, isRoute } from './routeKinds';

export interface ParentRef {
  readonly object: KubeObject;
  readonly path: FieldPath;
  readonly namePath: FieldPath;
  readonly name: string;
  readonly namespace: string;
  readonly group: string;
  readonly kind: string;
  readonly sectionName?: string;
}

type Json = Record<string, unknown>;
const map = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The parentRefs of a route, with the API's defaults applied. */
export function parentRefs(o: KubeObject): ParentRef[] {
  if (!isRoute(o)) return [];
  const out: ParentRef[] = [];
  list(map(o.raw['spec'])?.['parentRefs']).forEach((p, i) => {
    const m = map(p);
    const name = m && str(m['name']);
    if (!m || name === undefined) return;
    const path = ['spec', 'parentRefs', i];
    const sectionName = str(m['sectionName']);
    out.push({
      object: o,
      path,
      namePath: [...path, 'name'],
      name,
      namespace: str(m['namespace']) || o.meta.namespace,
      group: str(m['group']) ?? GATEWAY_GROUP,
      kind: str(m['kind']) ?? 'Gateway',
      ...(sectionName ? { sectionName } : {}),
    });
  });
  return out;
}

export interface GrantFrom {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

export interface GrantTo {
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
}

export interface ReferenceGrant {
  readonly object: KubeObject;
  readonly from: readonly GrantFrom[];
  readonly to: readonly GrantTo[];
}

/** Reads a ReferenceGrant (any served version), or `undefined` for other objects. */
export function referenceGrant(o: KubeObject): ReferenceGrant | undefined {
  if (!isGatewayKind(o, 'ReferenceGrant')) return undefined;
  const spec = map(o.raw['spec']);
  const from: GrantFrom[] = [];
  for (const f of list(spec?.['from'])) {
    const m = map(f);
    if (m) from.push({ group: str(m['group']) ?? '', kind: str(m['kind']) ?? '', namespace: str(m['namespace']) ?? '' });
  }
  const to: GrantTo[] = [];
  for (const t of list(spec?.['to'])) {
    const m = map(t);
    const name = m && str(m['name']);
    if (m) to.push({ group: str(m['group']) ?? '', kind: str(m['kind']) ?? '', ...(name ? { name } : {}) });
  }
  return { object: o, from, to };
}

/** The ReferenceGrants in a namespace of the cluster, in text order. */
export function grantsIn(cluster: Cluster, namespace: string): ReferenceGrant[] {
  const out: ReferenceGrant[] = [];
  for (const o of cluster.partOf(namespace)?.objects ?? []) {
    const g = referenceGrant(o);
    if (g && o.meta.namespace === namespace) out.push(g);
  }
  return out;
}

/** Whether `grant` lets `ref`'s route (its kind, in its namespace) refer to `ref`'s target. */
export function grantAllows(grant: ReferenceGrant, ref: BackendRef): boolean {
  const route = ref.object;
  const from = grant.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.meta.namespace);
  const to = grant.to.some((t) => t.group === ref.group && t.kind === ref.kind && (t.name === undefined || t.name === ref.name));
  return from && to;
}

/** The Gateway objects of a name in a namespace of the cluster. */
export function gatewaysNamed(cluster: Cluster, namespace: string, name: string): KubeObject[] {
  return (cluster.partOf(namespace)?.objects ?? []).filter((o) => isGatewayKind(o, 'Gateway') && o.meta.name === name && o.meta.namespace === namespace);
}
