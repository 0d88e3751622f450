/**
 * The manifest model: typed, read-only views of the Kubernetes objects the DNS engine and the
 * checks care about. Every object keeps where it came from, so any field can be mapped back to
 * the exact YAML node (`source.locate(path)`).
 *
 * This module is part of the pure core: no LSP, no VS Code, no network.
 */

/** A half-open character range `[start, end)` in the text of one file. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Read access to a file's text: a plain string, or the editor's piece buffer. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  charCodeAt(offset: number): number;
}

/** A path into an object, as in `["spec", "ports", 1, "name"]`. */
export type FieldPath = readonly (string | number)[];

/** Where an object was read from. */
export interface ObjectSource {
  /** File path or URI, as given to the reader. */
  readonly file: string;
  /** Index of the YAML document (or JSON value) in the file, from 0. */
  readonly docIndex: number;
  /** Index of the item inside a `kind: List`, when the object came from one. */
  readonly listIndex?: number;
  /** The range of the whole object in the file. */
  readonly range: TextRange;
  /**
   * The range of the node at `path` (relative to the object), or of the nearest ancestor that
   * exists. With `key: true`, the range of the map key instead of its value.
   */
  locate(path: FieldPath, opts?: { key?: boolean }): TextRange;
  /** Whether the node at `path` exists in the source. */
  has(path: FieldPath): boolean;
  /**
   * The path of the deepest node at `offset` in the file, and whether the offset is on a map key
   * (`name` in `name: quote`) rather than a value. `undefined` outside the object.
   */
  pathAt(offset: number): { readonly path: FieldPath; readonly onKey: boolean } | undefined;
}

/** The codes of the problems the reader reports (beside the rules' codes, for `k8sDns.checks`). */
export const PARSE_PROBLEM_CODES: readonly string[] = ['yaml-syntax', 'yaml-value', 'yaml-alias-limit', 'helm-template', 'manifest-field-type'];

/** Problems found while reading a file: syntax errors, wrong types, Helm templates. */
export interface ParseProblem {
  readonly file: string;
  readonly range: TextRange;
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. `yaml-syntax`, `manifest-type`. */
  readonly code: string;
  readonly message: string;
  /** The API field path as kubectl prints it (`spec.ports[0].port`), where there is one. */
  readonly field?: string;
}

export interface ObjectMeta {
  readonly name: string;
  /** The effective namespace: `metadata.namespace`, else the configured default. */
  readonly namespace: string;
  /** Whether `metadata.namespace` was written in the manifest. */
  readonly namespaceExplicit: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly deletionTimestamp?: string;
}

interface ObjectBase {
  readonly apiVersion: string;
  readonly meta: ObjectMeta;
  readonly source: ObjectSource;
  /** The object as plain JSON, for rules that look at fields the typed view leaves out. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ServicePort {
  readonly index: number;
  readonly name?: string;
  /** The protocol as written; TCP when omitted (the API default). */
  readonly protocol: string;
  readonly port: number;
  /** Integer or named target port; `undefined` when omitted (defaults to `port`). */
  readonly targetPort?: number | string;
  readonly nodePort?: number;
  readonly appProtocol?: string;
}

export interface Service extends ObjectBase {
  readonly kind: 'Service';
  readonly spec: {
    /** As written; `ClusterIP` when omitted. */
    readonly type: string;
    readonly clusterIP?: string;
    readonly clusterIPs: readonly string[];
    readonly ipFamilies: readonly string[];
    readonly ipFamilyPolicy?: string;
    readonly ports: readonly ServicePort[];
    /** `undefined` when the Service has no selector (endpoints are managed by hand). */
    readonly selector?: Readonly<Record<string, string>>;
    readonly externalName?: string;
    readonly publishNotReadyAddresses: boolean;
  };
}

export interface EndpointPort {
  readonly name?: string;
  readonly protocol: string;
  /** `undefined` is the placeholder CoreDNS numbers -1: the port produces no SRV record. */
  readonly port?: number;
}

export interface ObjectRef {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface SliceEndpoint {
  readonly addresses: readonly string[];
  /** `conditions.ready` as written; `undefined` means absent (CoreDNS serves it). */
  readonly ready?: boolean;
  readonly serving?: boolean;
  readonly terminating?: boolean;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: ObjectRef;
}

export interface EndpointSlice extends ObjectBase {
  readonly kind: 'EndpointSlice';
  readonly addressType: string;
  /** The `kubernetes.io/service-name` label, which ties a slice to its Service. */
  readonly serviceName?: string;
  readonly ports: readonly EndpointPort[];
  readonly endpoints: readonly SliceEndpoint[];
}

export interface EndpointAddress {
  readonly ip: string;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: ObjectRef;
}

export interface EndpointSubset {
  readonly addresses: readonly EndpointAddress[];
  readonly notReadyAddresses: readonly EndpointAddress[];
  readonly ports: readonly EndpointPort[];
}

export interface Endpoints extends ObjectBase {
  readonly kind: 'Endpoints';
  readonly subsets: readonly EndpointSubset[];
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: string;
}

export interface Container {
  readonly name: string;
  readonly ports: readonly ContainerPort[];
  /** For init containers: `restartPolicy: Always` makes it a native sidecar that keeps running. */
  readonly restartPolicy?: string;
}

/** The parts of a pod spec that matter to DNS. */
export interface PodTemplate {
  readonly labels: Readonly<Record<string, string>>;
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly containers: readonly Container[];
  readonly initContainers: readonly Container[];
  readonly dnsPolicy?: string;
  readonly hostNetwork: boolean;
  readonly setHostnameAsFQDN: boolean;
  /** The path of the pod spec inside the object, e.g. `["spec", "template", "spec"]`. */
  readonly specPath: FieldPath;
}

export interface Pod extends ObjectBase {
  readonly kind: 'Pod';
  readonly template: PodTemplate;
  readonly nodeName?: string;
  readonly status: {
    readonly phase?: string;
    readonly podIP?: string;
    readonly podIPs: readonly string[];
    /** The `Ready` condition; `undefined` when the manifest has no status. */
    readonly ready?: boolean;
  };
}

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicationController';

/** A workload whose pods come from a template (Deployment, ReplicaSet, DaemonSet, Job, CronJob). */
export interface Workload extends ObjectBase {
  readonly kind: WorkloadKind;
  /** Replicas as written; `undefined` when omitted (1 for Deployments) or unknown (DaemonSet). */
  readonly replicas?: number;
  readonly template: PodTemplate;
}

export interface StatefulSet extends ObjectBase {
  readonly kind: 'StatefulSet';
  readonly serviceName?: string;
  /** As written; 1 when omitted (the API default). */
  readonly replicas: number;
  /** `spec.ordinals.start`; 0 when omitted. */
  readonly ordinalStart: number;
  readonly template: PodTemplate;
}

export interface Namespace extends ObjectBase {
  readonly kind: 'Namespace';
}

/** Any other object with `kind` and `metadata`, kept for DNS-name references (ConfigMap, …). */
export interface OtherObject extends ObjectBase {
  readonly kind: string;
}

export type KubeObject =
  | Service
  | EndpointSlice
  | Endpoints
  | Pod
  | Workload
  | StatefulSet
  | Namespace
  | OtherObject;

/** Everything read from one file. */
export interface ParsedFile {
  readonly file: string;
  readonly objects: readonly KubeObject[];
  readonly problems: readonly ParseProblem[];
  /** Whether the file looks like a Helm template (then syntax problems are not reported). */
  readonly helm: boolean;
}

export function isService(o: KubeObject): o is Service {
  return o.kind === 'Service';
}
export function isEndpointSlice(o: KubeObject): o is EndpointSlice {
  return o.kind === 'EndpointSlice';
}
export function isEndpoints(o: KubeObject): o is Endpoints {
  return o.kind === 'Endpoints';
}
export function isPod(o: KubeObject): o is Pod {
  return o.kind === 'Pod';
}
export function isStatefulSet(o: KubeObject): o is StatefulSet {
  return o.kind === 'StatefulSet';
}
export function isNamespace(o: KubeObject): o is Namespace {
  return o.kind === 'Namespace';
}
const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);
export function isWorkload(o: KubeObject): o is Workload {
  return WORKLOAD_KINDS.has(o.kind);
}

/** Formats a field path as kubectl prints it: `spec.ports[1].name`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${part}]`;
  }
  return out;
}
