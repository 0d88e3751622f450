/**
 * Cluster DNS names written in manifests: which host tokens are names in the cluster zone, what
 * they resolve to from the namespace of the object that holds them (the pod search path,
 * dns-rules.md §9), and which Service they mean.
 */
import { builtinCluster, builtinOrigin } from '../dns/builtins';
import { serviceKey, servicesNamed, type Cluster, type ServiceEntry } from '../dns/cluster';
import { resolveFromPod, type SearchResolution } from '../dns/search';
import type { KubeObject } from '../manifests/types';
import { hostTokens, type HostToken } from './hostTokens';

export interface DnsNameUse {
  readonly object: KubeObject;
  readonly token: HostToken;
  /** The Service the name is about (the one it resolves to, or the one it tries to name). */
  readonly serviceName: string;
  readonly serviceNamespace: string;
  /** The index of the Service label within the host's labels (for rename and fixes). */
  readonly serviceLabel: number;
  /** Whether the name is an SRV name (`_port._proto.…`). */
  readonly srv: boolean;
  readonly resolution: SearchResolution;
  /** The Service it resolves to, if any. */
  readonly target?: ServiceEntry;
  /** Set when the target is a built-in Service the workspace does not describe: why it exists. */
  readonly builtin?: string;
}

/** The parts of a name relative to the cluster: [endpoint.][_port._proto.]svc.ns[.svc[.zone]]. */
interface NameShape {
  readonly service: string;
  readonly namespace: string;
  readonly serviceLabel: number;
  readonly srv: boolean;
}

function lower(labels: string[]): string[] {
  return labels.map((l) => l.toLowerCase());
}

/**
 * Reads a host as a cluster name written in `ns`, or `undefined` when it is not one. Bare words
 * count only when a Service of that name exists; `a.b` only when `b` is a namespace, or a Service
 * of the writer's namespace (then `a` is one of its endpoints), or, for a writer that names no
 * namespace, a Service of one other namespace where `a.b` resolves.
 */
function shapeOf(token: HostToken, ns: string, nsExplicit: boolean, cluster: Cluster): NameShape | undefined {
  const zone = cluster.config.zone;
  let h = token.host.toLowerCase().replace(/\.$/, '');
  const inZone = h.endsWith(`.${zone}`);
  if (inZone) h = h.slice(0, -(zone.length + 1));
  let labels = lower(h.split('.'));
  const explicitSvc = labels[labels.length - 1] === 'svc';
  if (explicitSvc) labels = labels.slice(0, -1);
  else if (inZone) return undefined; // `*.pod.<zone>` and others are not Service names
  const srv = labels.length >= 2 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_');
  const rest = srv ? labels.slice(2) : labels;
  if (explicitSvc || inZone) {
    if (rest.length < 2) return undefined;
    return { service: rest[rest.length - 2]!, namespace: rest[rest.length - 1]!, serviceLabel: labels.length - 2, srv };
  }
  if (rest.length === 1) {
    if (!token.bareAllowed && token.port === undefined && !token.scheme) return undefined;
    if (!cluster.serviceNames.has(rest[0]!)) return undefined;
    return { service: rest[0]!, namespace: ns, serviceLabel: labels.length - 1, srv };
  }
  if (rest.length === 2) {
    const [a, b] = rest as [string, string];
    if (cluster.namespaces.has(b) && cluster.namespacesWithObjects.has(b)) return { service: a, namespace: b, serviceLabel: labels.length - 2, srv };
    if (cluster.services.has(serviceKey(ns, b))) return { service: b, namespace: ns, serviceLabel: labels.length - 1, srv };
    // An endpoint of a Service of another namespace (`web-0.db`), written in a manifest without a
    // namespace: it resolves only where it is applied (`kubectl apply -n`), so it is a name too.
    if (!nsExplicit) {
      const homes = servicesNamed(cluster, b);
      // Only when it does resolve there: otherwise `a.b` is more likely not a host at all.
      if (homes.length === 1 && resolveFromPod(cluster, token.host, homes[0]!.service.meta.namespace, srv ? 'SRV' : 'A').hit) {
        return { service: b, namespace: ns, serviceLabel: labels.length - 1, srv };
      }
    }
  }
  return undefined;
}

/** Uses per cluster, then per object: an old cluster (and all it holds) can be collected. */
const cache = new WeakMap<Cluster, WeakMap<KubeObject, DnsNameUse[]>>();

/** The cluster DNS names written in an object, resolved (cached per object and cluster). */
export function dnsNameUses(o: KubeObject, cluster: Cluster): DnsNameUse[] {
  let perCluster = cache.get(cluster);
  if (!perCluster) cache.set(cluster, (perCluster = new WeakMap()));
  const hit = perCluster.get(o);
  if (hit) return hit;
  const uses: DnsNameUse[] = [];
  const ns = o.meta.namespace;
  for (const token of hostTokens(o)) {
    const shape = shapeOf(token, ns, o.meta.namespaceExplicit, cluster);
    if (!shape) continue;
    const type = shape.srv ? 'SRV' : 'A';
    let found = resolve(cluster, token.host, ns, type, shape.srv);
    let builtin: string | undefined;
    if (!found.resolution.hit) {
      // `kubernetes.default.svc` and the cluster DNS Service exist in every cluster; a workspace
      // Service of the same name answered above (it wins), so only undescribed built-ins count.
      const b = resolve(builtinCluster(cluster.config), token.host, ns, type, shape.srv);
      const origin = b.target && !cluster.services.has(serviceKey(b.target.service.meta.namespace, b.target.service.meta.name)) ? builtinOrigin(b.target) : undefined;
      if (origin) {
        found = b;
        builtin = origin;
      }
    }
    const { resolution, target } = found;
    uses.push({
      object: o,
      token,
      serviceName: target?.service.meta.name ?? shape.service,
      serviceNamespace: target?.service.meta.namespace ?? shape.namespace,
      serviceLabel: shape.serviceLabel,
      srv: shape.srv,
      resolution,
      ...(target ? { target } : {}),
      ...(builtin ? { builtin } : {}),
    });
  }
  perCluster.set(o, uses);
  return uses;
}

/** Resolves `host` from a pod of `ns`, and finds the Service the answer belongs to. */
function resolve(cluster: Cluster, host: string, ns: string, type: string, srv: boolean): { resolution: SearchResolution; target?: ServiceEntry } {
  let resolution = resolveFromPod(cluster, host, ns, type);
  // An IPv6-only Service answers AAAA; try it before calling the name unresolved.
  if (!resolution.hit && !srv) {
    const six = resolveFromPod(cluster, host, ns, 'AAAA');
    if (six.hit) resolution = six;
  }
  const hitName = resolution.hit?.name.toLowerCase();
  const suffix = `.svc.${cluster.config.zone}.`;
  if (!hitName?.endsWith(suffix)) return { resolution };
  // The Service is the two labels before `svc`: `[endpoint.|_p._t.]<svc>.<ns>.svc.<zone>.`
  const labels = hitName.slice(0, -suffix.length).split('.');
  const target = labels.length >= 2 ? cluster.services.get(serviceKey(labels[labels.length - 1]!, labels[labels.length - 2]!)) : undefined;
  return target ? { resolution, target } : { resolution };
}

/** The names of the Services of a namespace. */
export function serviceNamesIn(cluster: Cluster, namespace: string): readonly string[] {
  const part = cluster.partOf(namespace);
  return part ? [...part.services.values()].map((e) => e.service.meta.name) : [];
}
