/**
 * A Service as validation sees it after defaulting and normalisation (service-validation.md §1, §3):
 * `type` defaults to ClusterIP, a port's protocol to TCP, `sessionAffinity` to None, and
 * `clusterIPs` is filled from `clusterIP` when only the latter is written. Where `clusterIPs` came
 * from `clusterIP`, findings about `spec.clusterIPs[0]` go on the `clusterIP` node (§9).
 */
import type { FieldPath, KubeObject } from '../../manifests/types';
import { parseIPSloppy } from './ip';
import { goInt, goList, goMap, goString, goStringList, intOrString, isMap, optString, type JsonMap } from './raw';
import { at, keyOf, type Where } from './report';

/** The annotation that predates spec.loadBalancerSourceRanges (a comma-separated CIDR list). */
export const ANNOTATION_LB_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** Topology-aware routing (Auto, …). */
export const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
/** Deprecated in favour of ANNOTATION_TOPOLOGY_MODE. */
export const ANNOTATION_TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';

/** The Service types, sorted as the API server lists them. */
export const SERVICE_TYPES: readonly string[] = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** One entry of `spec.ports`, fields as Go decodes them (`null`: wrong type, skip). */
export interface PortView {
  readonly index: number;
  readonly path: FieldPath;
  readonly raw: JsonMap;
  /** `''` when absent. */
  readonly name: string | null;
  /** `0` when absent. */
  readonly port: number | null;
  /** As written, `'TCP'` when absent or empty (the API default). */
  readonly protocol: string | null;
  readonly targetPort: number | string | undefined | null;
  /** `0` when absent. */
  readonly nodePort: number | null;
  readonly appProtocol: string | undefined | null;
}

/** The fields of a Service the rules read, defaulted and normalised. */
export interface ServiceView {
  readonly spec: JsonMap;
  /** After defaulting (`ClusterIP` when absent or empty). */
  readonly type: string;
  /** As written, `''` when absent. */
  readonly clusterIP: string;
  /** After normalisation; `null` when malformed. */
  readonly clusterIPs: readonly string[] | null;
  /** `clusterIPs` was filled from `clusterIP` (the manifest has no `clusterIPs`). */
  readonly ipsFromClusterIP: boolean;
  /** validation.go `isHeadlessService`: `clusterIPs[0] == "None"`. */
  readonly headless: boolean;
  readonly ipFamilies: readonly string[] | null;
  readonly ipFamilyPolicy: string | undefined | null;
  readonly externalIPs: readonly string[] | null;
  /** `null` when `spec.ports` is not a list; items that are not maps are left out. */
  readonly ports: readonly PortView[] | null;
  /** After defaulting (`None` when absent or empty). */
  readonly sessionAffinity: string | null;
  /** As written, `''` when absent. */
  readonly externalTrafficPolicy: string | null;
  /** LoadBalancer, NodePort, or ClusterIP with externalIPs (SVCUTIL ExternallyAccessible). */
  readonly externallyAccessible: boolean;
}

function readPorts(spec: JsonMap): PortView[] | null {
  const list = goList(spec['ports']);
  if (!list) return null;
  const out: PortView[] = [];
  list.forEach((item, index) => {
    if (!isMap(item)) return;
    const protocol = goString(item['protocol']);
    out.push({
      index,
      path: ['spec', 'ports', index],
      raw: item,
      name: goString(item['name']),
      port: goInt(item['port']),
      protocol: protocol === '' ? 'TCP' : protocol,
      targetPort: intOrString(item['targetPort']),
      nodePort: goInt(item['nodePort']),
      appProtocol: optString(item['appProtocol']),
    });
  });
  return out;
}

const cache = new WeakMap<object, ServiceView>();

/** The view of a Service object (computed once per object). */
export function serviceView(object: KubeObject): ServiceView {
  const hit = cache.get(object.raw);
  if (hit) return hit;
  const spec = goMap(object.raw['spec']) ?? {};
  const type = goString(spec['type']) || 'ClusterIP';
  const clusterIP = goString(spec['clusterIP']) ?? '';
  const written = goStringList(spec['clusterIPs']);
  const fromSingle = written !== null && written.length === 0 && clusterIP !== '';
  const clusterIPs = fromSingle ? [clusterIP] : written;
  const externalIPs = goStringList(spec['externalIPs']);
  const affinity = goString(spec['sessionAffinity']);
  const view: ServiceView = {
    spec,
    type,
    clusterIP,
    clusterIPs,
    ipsFromClusterIP: fromSingle,
    headless: clusterIPs !== null && clusterIPs[0] === 'None',
    ipFamilies: goStringList(spec['ipFamilies']),
    ipFamilyPolicy: optString(spec['ipFamilyPolicy']),
    externalIPs,
    ports: readPorts(spec),
    sessionAffinity: affinity === '' ? 'None' : affinity,
    externalTrafficPolicy: goString(spec['externalTrafficPolicy']),
    externallyAccessible: type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (externalIPs?.length ?? 0) > 0),
  };
  cache.set(object.raw, view);
  return view;
}

/** The metadata.annotations map (`{}` when absent or malformed). */
export function annotationsOf(object: KubeObject): JsonMap {
  return goMap((goMap(object.raw['metadata']) ?? {})['annotations']) ?? {};
}

/** Where `spec.clusterIPs[i]` is written: the `clusterIP` node when the list came from it. */
export function clusterIPAt(v: ServiceView, index: number): Where {
  return v.ipsFromClusterIP ? at(['spec', 'clusterIP']) : at(['spec', 'clusterIPs', index]);
}

/** Where `spec.clusterIPs` as a whole is written. */
export function clusterIPsAt(v: ServiceView): Where {
  return v.ipsFromClusterIP ? at(['spec', 'clusterIP']) : keyOf(['spec', 'clusterIPs']);
}

/**
 * Whether `clusterIPs` holds a non-IP entry or a misplaced "None" (CIP-4, CIP-5). Validation then
 * stops before the family checks (CIP-7, CIP-8), "to not skew the error messages".
 */
export function hasInvalidClusterIPs(v: ServiceView): boolean {
  const ips = v.clusterIPs ?? [];
  return ips.some((ip, i) => !(i === 0 && ip === 'None') && !parseIPSloppy(ip)) || (ips[0] === 'None' && ips.length > 1);
}
