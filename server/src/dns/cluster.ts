/**
 * The cluster as CoreDNS sees it, built from model objects: Services, the EndpointSlices that
 * serve them (written by hand, mirrored from Endpoints, or derived as the EndpointSlice controller
 * would), Namespaces and Pods (dns-rules.md §1).
 */
import {
  isEndpointSlice,
  isEndpoints,
  isNamespace,
  isPod,
  isService,
  isStatefulSet,
  isWorkload,
  type EndpointPort,
  type Endpoints,
  type KubeObject,
  type Pod,
  type PodTemplate,
  type Service,
  type ServicePort,
  type StatefulSet,
  type Workload,
} from '../manifests/types';
import type { ClusterConfig } from './config';
import { selectedPods } from './controllerLabels';
import { ipFamily, isPlaceholder } from './names';

/** Where the endpoints of a slice come from. */
export type SliceOrigin = 'manifest' | 'mirrored' | 'pods' | 'workload';

export interface EffectiveEndpoint {
  /** Addresses; a value in angle brackets is a placeholder for an address known only at run time. */
  readonly addresses: readonly string[];
  /** `conditions.ready`; CoreDNS serves the endpoint unless this is `false`. */
  readonly ready: boolean | undefined;
  readonly hostname?: string;
  /** The pod's name (`targetRef.name`), used by `endpoint_pod_names`. */
  readonly podName?: string;
  /** The object this endpoint was read or derived from. */
  readonly origin: KubeObject;
}

export interface EffectiveSlice {
  readonly origin: SliceOrigin;
  /** The object that holds or implies this slice. */
  readonly object: KubeObject;
  readonly ports: readonly EndpointPort[];
  readonly endpoints: readonly EffectiveEndpoint[];
}

export interface ServiceEntry {
  readonly service: Service;
  /** `None` as first cluster IP (service.go `Headless`). */
  readonly headless: boolean;
  readonly externalName: boolean;
  /** Cluster IPs to serve: `clusterIPs`, else `[clusterIP]`; a placeholder when the API assigns it. */
  readonly clusterIPs: readonly string[];
  readonly slices: readonly EffectiveSlice[];
}

/** The objects of one cluster, indexed for DNS questions. */
export interface Cluster {
  readonly config: ClusterConfig;
  readonly objects: readonly KubeObject[];
  /** Namespaces that exist: named by a Namespace object or holding any object, plus the built-in ones. */
  readonly namespaces: ReadonlySet<string>;
  /** Namespaces that hold at least one object of the input (built-in ones only if they do). */
  readonly namespacesWithObjects: ReadonlySet<string>;
  /** The names of all Services, in any namespace (for bare-word references). */
  readonly serviceNames: ReadonlySet<string>;
  /** Services by `namespace/name`. */
  readonly services: ReadonlyMap<string, ServiceEntry>;
  readonly pods: readonly Pod[];
  /** Workloads and StatefulSets, for placeholders and references. */
  readonly workloads: readonly (Workload | StatefulSet)[];
  /** The parts the cluster was combined from, one per namespace (and one for Namespace objects). */
  readonly parts: readonly NamespacePart[];
  /**
   * The part of one namespace: questions that stay inside a namespace (selectors, slices) read
   * only it, and what is derived from a part survives edits to other namespaces.
   */
  partOf(namespace: string): NamespacePart | undefined;
}

/** Namespaces every cluster has. */
export const BUILTIN_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export const ASSIGNED_CLUSTER_IP = '<cluster IP assigned on creation>';
export const ASSIGNED_CLUSTER_IPV6 = '<cluster IPv6 assigned on creation>';

export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Whether `labels` carry every key/value of `selector` (an empty selector selects nothing). */
export function selects(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  for (const k of keys) if (labels[k] !== selector[k]) return false;
  return true;
}

function clusterIPsOf(svc: Service): string[] {
  const s = svc.spec;
  if (s.type === 'ExternalName') return [];
  const ips = s.clusterIPs.length > 0 ? [...s.clusterIPs] : s.clusterIP ? [s.clusterIP] : [];
  if (ips.length > 0) return ips;
  // The API server assigns one per family when the manifest leaves it out.
  const families = s.ipFamilies.length > 0 ? s.ipFamilies : ['IPv4'];
  const wantsDual = s.ipFamilyPolicy === 'RequireDualStack' || s.ipFamilyPolicy === 'PreferDualStack';
  const fams = wantsDual && families.length === 1 ? [families[0]!, families[0] === 'IPv6' ? 'IPv4' : 'IPv6'] : families;
  return fams.map((f) => (f === 'IPv6' ? ASSIGNED_CLUSTER_IPV6 : ASSIGNED_CLUSTER_IP));
}

/**
 * Resolves a Service port's target port in a pod, as the EndpointSlice controller's `FindPort`
 * does: a number is used as is; a name must match a container port of the same protocol.
 */
export function resolveTargetPort(port: ServicePort, template: PodTemplate): number | undefined {
  const tp = port.targetPort;
  if (tp === undefined || tp === 0 || tp === '') return port.port;
  if (typeof tp === 'number') return tp;
  // Init containers count only as native sidecars (`restartPolicy: Always`): they keep running.
  const sidecars = template.initContainers.filter((c) => c.restartPolicy === 'Always');
  for (const c of [...template.containers, ...sidecars]) {
    for (const cp of c.ports) if (cp.name === tp && cp.protocol === port.protocol) return cp.containerPort;
  }
  return undefined;
}

/** Slice ports for one pod (eps-ctl `getEndpointPorts`): unresolvable named ports are left out. */
function portsForPod(svc: Service, template: PodTemplate): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const p of svc.spec.ports) {
    const n = resolveTargetPort(p, template);
    if (n === undefined) continue;
    out.push({ ...(p.name ? { name: p.name } : {}), protocol: p.protocol, port: n });
  }
  return out;
}

/** The hostname the controller writes for a pod (ep-util `ShouldSetHostname`). */
function hostnameFor(template: PodTemplate, svc: Service, podNamespace: string): string | undefined {
  if (template.hostname && template.subdomain === svc.meta.name && podNamespace === svc.meta.namespace) return template.hostname;
  return undefined;
}

function podIsRunning(pod: Pod): boolean {
  const phase = pod.status.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** Slices derived from Pods in the input, as the EndpointSlice controller writes them. */
function slicesFromPods(svc: Service, pods: readonly Pod[]): EffectiveSlice[] {
  const slices: EffectiveSlice[] = [];
  for (const pod of pods) {
    if (!podIsRunning(pod)) continue;
    const ips = pod.status.podIPs.length ? pod.status.podIPs : [];
    // The controller skips pods without an IP; a manifest Pod without status will get one.
    const addresses = ips.length ? ips : [`<IP of pod ${pod.meta.name}>`];
    // A manifest without a Ready condition describes a pod that is expected to become ready.
    const podReadyNow = pod.status.ready ?? true;
    const ready = svc.spec.publishNotReadyAddresses || (podReadyNow && !pod.meta.deletionTimestamp);
    const hostname = hostnameFor(pod.template, svc, pod.meta.namespace);
    slices.push({
      origin: 'pods',
      object: pod,
      ports: portsForPod(svc, pod.template),
      endpoints: [{ addresses, ready, ...(hostname ? { hostname } : {}), podName: pod.meta.name, origin: pod }],
    });
  }
  return slices;
}

/**
 * Placeholder endpoints for the pods a workload will create, once they are ready; `ordinals`
 * narrows a StatefulSet's pods to those a selector on their pod name or index picks.
 */
function slicesFromWorkload(svc: Service, w: Workload | StatefulSet, ordinals?: readonly number[]): EffectiveSlice {
  const endpoints: EffectiveEndpoint[] = [];
  if (isStatefulSet(w)) {
    const all = Array.from({ length: w.replicas }, (_, i) => w.ordinalStart + i);
    for (const ordinal of ordinals ?? all) {
      const podName = `${w.meta.name}-${ordinal}`;
      // The StatefulSet controller sets hostname = pod name and subdomain = serviceName.
      const tmpl = { ...w.template, hostname: podName, ...(w.serviceName ? { subdomain: w.serviceName } : {}) };
      const hostname = hostnameFor(tmpl, svc, w.meta.namespace);
      endpoints.push({ addresses: [`<IP of pod ${podName}>`], ready: true, ...(hostname ? { hostname } : {}), podName, origin: w });
    }
  } else {
    const count = w.replicas ?? 1;
    for (let i = 0; i < count; i++) {
      const label = w.replicas === undefined ? `a pod of ${w.kind} ${w.meta.name}` : `pod ${i + 1} of ${w.kind} ${w.meta.name}`;
      endpoints.push({ addresses: [`<IP of ${label}>`], ready: true, origin: w });
    }
  }
  return { origin: 'workload', object: w, ports: portsForPod(svc, w.template), endpoints };
}

const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const EPS_CONTROLLER = 'endpointslice-controller.k8s.io';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

/**
 * What one namespace contributes to the cluster: its Services with their effective slices, its
 * pods and workloads. Selectors and slices never cross namespaces, so a part depends only on its
 * own objects, and an edit rebuilds only the part of the namespace it touched.
 */
export interface NamespacePart {
  /** Its {@link partKey}: the namespace, or `''` for the part of Namespace objects. */
  readonly key: string;
  readonly objects: readonly KubeObject[];
  /** Namespaces this part makes exist (its own; for Namespace objects, the ones they name). */
  readonly namespaces: ReadonlySet<string>;
  readonly services: ReadonlyMap<string, ServiceEntry>;
  readonly pods: readonly Pod[];
  readonly workloads: readonly (Workload | StatefulSet)[];
}

/** The key of the part an object belongs to: its namespace, or one part for all Namespace objects. */
export function partKey(o: KubeObject): string {
  return isNamespace(o) ? '' : o.meta.namespace;
}

/** The part a namespace had before some of its objects were added or removed. */
export interface PreviousPart {
  readonly part: NamespacePart;
  /** Every object added to or removed from the namespace since `part` was built. */
  readonly changed: ReadonlySet<KubeObject>;
}

/**
 * The Services whose entries the changed objects can alter: a Service's slices read only the
 * EndpointSlices and Endpoints named after it and the pods and workloads its selector selects
 * (the Service itself changed is a new object, never reused).
 */
function affectedServices(changed: ReadonlySet<KubeObject>, services: ReadonlyMap<string, Service>): Set<string> {
  const out = new Set<string>();
  const selecting = [...services].filter(([, svc]) => svc.spec.selector);
  for (const c of changed) {
    if (isEndpointSlice(c)) {
      if (c.serviceName) out.add(serviceKey(c.meta.namespace, c.serviceName));
    } else if (isEndpoints(c)) {
      out.add(serviceKey(c.meta.namespace, c.meta.name));
    } else if (isPod(c) || isWorkload(c) || isStatefulSet(c)) {
      for (const [key, svc] of selecting) {
        if (selects(svc.spec.selector, c.template.labels) || selectedPods(svc.spec.selector, c)) out.add(key);
      }
    }
  }
  return out;
}

/**
 * Builds one part from the objects of one namespace (or the Namespace objects); callers group by
 * {@link partKey}. Given the part it had before and what changed since, the entries of Services
 * the change cannot reach are reused: a file read or an edit costs what it touched, not the
 * whole namespace's selector matching.
 */
export function buildNamespacePart(objects: readonly KubeObject[], config: ClusterConfig, previous?: PreviousPart): NamespacePart {
  const key = objects.length ? partKey(objects[0]!) : '';
  const namespaces = new Set<string>();
  const services = new Map<string, Service>();
  const manualSlices = new Map<string, EffectiveSlice[]>();
  const endpointsObjs = new Map<string, Endpoints>();
  const pods: Pod[] = [];
  const workloads: (Workload | StatefulSet)[] = [];

  for (const o of objects) {
    if (isNamespace(o)) {
      if (o.meta.name) namespaces.add(o.meta.name);
      continue;
    }
    namespaces.add(o.meta.namespace);
    if (isService(o)) {
      if (o.meta.name) services.set(serviceKey(o.meta.namespace, o.meta.name), o);
    } else if (isEndpointSlice(o)) {
      if (!o.serviceName) continue; // a slice without the label belongs to nothing
      const key = serviceKey(o.meta.namespace, o.serviceName);
      const list = manualSlices.get(key) ?? [];
      list.push({
        origin: 'manifest',
        object: o,
        ports: o.ports,
        endpoints: o.endpoints.map((e) => ({
          addresses: e.addresses,
          ready: e.ready,
          ...(e.hostname ? { hostname: e.hostname } : {}),
          ...(e.targetRef?.name ? { podName: e.targetRef.name } : {}),
          origin: o,
        })),
      });
      manualSlices.set(key, list);
    } else if (isEndpoints(o)) {
      if (o.meta.name) endpointsObjs.set(serviceKey(o.meta.namespace, o.meta.name), o);
    } else if (isPod(o)) {
      pods.push(o);
    } else if (isWorkload(o) || isStatefulSet(o)) {
      workloads.push(o);
    }
  }

  const entries = new Map<string, ServiceEntry>();
  const affected = previous && affectedServices(previous.changed, services);
  for (const [key, svc] of services) {
    const before = previous?.part.services.get(key);
    if (before && before.service === svc && !affected!.has(key)) {
      entries.set(key, before);
      continue;
    }
    const externalName = svc.spec.type === 'ExternalName';
    const clusterIPs = clusterIPsOf(svc);
    const headless = !externalName && clusterIPs[0] === 'None';
    let slices: EffectiveSlice[] = [];
    if (!externalName) {
      slices = [...(manualSlices.get(key) ?? [])];
      const eps = endpointsObjs.get(key);
      const kubeDns = config.flavor === 'kube-dns';
      if (kubeDns) slices = []; // kube-dns reads core/v1 Endpoints only
      if (eps && (kubeDns || (!svc.spec.selector && eps.meta.labels[SKIP_MIRROR_LABEL] !== 'true' && !(LEADER_ANNOTATION in eps.meta.annotations)))) {
        slices.push(...mirrorEndpoints(eps));
      }
      // Slices the controller wrote (as `kubectl get` exports them) already hold the pods;
      // hand-written slices are served beside the ones the controller derives from pods.
      const controllerSlices = slices.some((sl) => sl.object.meta.labels[MANAGED_BY_LABEL] === EPS_CONTROLLER);
      if (!controllerSlices && svc.spec.selector) {
        // The part holds one namespace, and selectors look nowhere else.
        const matching = pods.filter((p) => selects(svc.spec.selector, p.template.labels));
        slices.push(...slicesFromPods(svc, matching));
        // A workload's future pods count unless the input already holds its pods (named after it).
        for (const w of workloads) {
          // With the labels the controller adds (job-name, pod-name, …); a hash may match.
          const selected = selectedPods(svc.spec.selector, w);
          if (!selected) continue;
          if (matching.some((p) => p.meta.name.startsWith(`${w.meta.name}-`))) continue;
          slices.push(slicesFromWorkload(svc, w, selected.ordinals));
        }
      }
    }
    entries.set(key, { service: svc, headless, externalName, clusterIPs: headless ? ['None'] : clusterIPs, slices });
  }
  return { key, objects, namespaces, services: entries, pods, workloads };
}

/**
 * Services by `namespace/name`, read through the parts: combining them costs nothing, so an edit
 * that rebuilt one namespace does not copy the Services of all the others.
 */
class PartedServices implements ReadonlyMap<string, ServiceEntry> {
  constructor(private readonly byNamespace: ReadonlyMap<string, NamespacePart>, private readonly parts: readonly NamespacePart[]) {}

  private partFor(key: string): NamespacePart | undefined {
    const slash = key.indexOf('/');
    return slash < 0 ? undefined : this.byNamespace.get(key.slice(0, slash));
  }

  get(key: string): ServiceEntry | undefined {
    return this.partFor(key)?.services.get(key);
  }

  has(key: string): boolean {
    return this.partFor(key)?.services.has(key) ?? false;
  }

  get size(): number {
    let n = 0;
    for (const p of this.parts) n += p.services.size;
    return n;
  }

  *entries(): MapIterator<[string, ServiceEntry]> {
    for (const p of this.parts) yield* p.services.entries();
  }

  *keys(): MapIterator<string> {
    for (const p of this.parts) yield* p.services.keys();
  }

  *values(): MapIterator<ServiceEntry> {
    for (const p of this.parts) yield* p.services.values();
  }

  [Symbol.iterator](): MapIterator<[string, ServiceEntry]> {
    return this.entries();
  }

  forEach(fn: (value: ServiceEntry, key: string, map: ReadonlyMap<string, ServiceEntry>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

/** The cluster over its parts; what spans every namespace is gathered only when first asked for. */
class PartedCluster implements Cluster {
  readonly namespaces: ReadonlySet<string>;
  readonly namespacesWithObjects: ReadonlySet<string>;
  readonly services: ReadonlyMap<string, ServiceEntry>;
  private readonly byNamespace = new Map<string, NamespacePart>();
  private objectsValue: KubeObject[] | undefined;
  private podsValue: Pod[] | undefined;
  private workloadsValue: (Workload | StatefulSet)[] | undefined;
  private serviceNamesValue: ServiceNames | undefined;

  constructor(readonly parts: readonly NamespacePart[], readonly config: ClusterConfig) {
    const namespaces = new Set<string>(BUILTIN_NAMESPACES);
    const withObjects = new Set<string>();
    for (const part of parts) {
      if (part.key) this.byNamespace.set(part.key, part);
      for (const n of part.namespaces) {
        namespaces.add(n);
        withObjects.add(n);
      }
    }
    this.namespaces = namespaces;
    this.namespacesWithObjects = withObjects;
    this.services = new PartedServices(this.byNamespace, parts);
  }

  partOf(namespace: string): NamespacePart | undefined {
    return this.byNamespace.get(namespace);
  }

  get objects(): readonly KubeObject[] {
    return (this.objectsValue ??= this.parts.flatMap((p) => p.objects));
  }

  get pods(): readonly Pod[] {
    return (this.podsValue ??= this.parts.flatMap((p) => p.pods));
  }

  get workloads(): readonly (Workload | StatefulSet)[] {
    return (this.workloadsValue ??= this.parts.flatMap((p) => p.workloads));
  }

  get serviceNames(): ReadonlySet<string> {
    return (this.serviceNamesValue ??= new ServiceNames(this.parts));
  }
}

/** The names of all Services: a lookup asks each namespace's part, without gathering the names first. */
class ServiceNames implements ReadonlySet<string> {
  private all: Set<string> | undefined;
  constructor(readonly parts: readonly NamespacePart[]) {}

  has(name: string): boolean {
    return servicesNamed(this, name).length > 0;
  }

  private gathered(): Set<string> {
    if (!this.all) {
      this.all = new Set();
      for (const p of this.parts) for (const e of p.services.values()) this.all.add(e.service.meta.name);
    }
    return this.all;
  }

  get size(): number {
    return this.gathered().size;
  }

  entries(): SetIterator<[string, string]> {
    return this.gathered().entries();
  }

  keys(): SetIterator<string> {
    return this.gathered().keys();
  }

  values(): SetIterator<string> {
    return this.gathered().values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.gathered().values();
  }

  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const v of this.gathered()) fn.call(thisArg, v, v, this);
  }
}

/** The Services of a given name in every namespace, in part order (one lookup per namespace). */
export function servicesNamed(cluster: { readonly parts: readonly NamespacePart[] }, name: string): ServiceEntry[] {
  const out: ServiceEntry[] = [];
  for (const part of cluster.parts) {
    const e = part.key ? part.services.get(serviceKey(part.key, name)) : undefined;
    if (e) out.push(e);
  }
  return out;
}

/** Combines parts into the cluster view (cheap: the parts are shared, not copied). */
export function combineParts(parts: Iterable<NamespacePart>, config: ClusterConfig): Cluster {
  return new PartedCluster([...parts], config);
}

/** Builds the cluster view of a set of objects. */
export function buildCluster(objects: readonly KubeObject[], config: ClusterConfig): Cluster {
  const groups = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const key = partKey(o);
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return combineParts([...groups.values()].map((g) => buildNamespacePart(g, config)), config);
}

/** The mirroring controller's copy of an Endpoints object (mirror-ctl `addressToEndpoint`). */
function mirrorEndpoints(eps: Endpoints): EffectiveSlice[] {
  return eps.subsets.map((s) => ({
    origin: 'mirrored' as const,
    object: eps,
    ports: s.ports,
    endpoints: [
      ...s.addresses.map((a) => ({ a, ready: true })),
      ...s.notReadyAddresses.map((a) => ({ a, ready: false })),
    ].map(({ a, ready }) => ({
      addresses: [a.ip],
      ready,
      ...(a.hostname ? { hostname: a.hostname } : {}),
      ...(a.targetRef?.name ? { podName: a.targetRef.name } : {}),
      origin: eps,
    })),
  }));
}

/** Whether CoreDNS serves an endpoint: `ready` true or absent (endpoint.go `endpointsliceReady`). */
export function isServed(e: EffectiveEndpoint): boolean {
  return e.ready !== false;
}

/** The IP family of a served address: 4, 6, or the Service's first family for placeholders. */
export function addressFamily(address: string, entry: ServiceEntry): 4 | 6 {
  if (isPlaceholder(address)) {
    return /IPv6/.test(address) || entry.service.spec.ipFamilies[0] === 'IPv6' ? 6 : 4;
  }
  return ipFamily(address) ?? 4;
}
