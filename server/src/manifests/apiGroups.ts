/**
 * Which API group and versions each kind the model types belongs to. A `kind: Service` of
 * another group (Knative's `serving.knative.dev`, a CRD named like a core kind) is somebody else's
 * object: it is not read as a core Service, so no core rule checks it and the DNS engine never
 * serves it (issue #12). Source: the Kubernetes API reference and the deprecation guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide).
 */

interface KindVersions {
  /** The group (`''` for core) the kind is served in today. */
  readonly group: string;
  /** The versions the API server serves today. */
  readonly served: readonly string[];
  /** Former `group/version`s of the same kind, no longer served, with the release that removed them. */
  readonly removed: Readonly<Record<string, string>>;
}

const APPS_1_16 = { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' };

/** The kinds `readKubeObject` types, by the group they live in. */
const MODELLED: Readonly<Record<string, KindVersions>> = {
  Service: { group: '', served: ['v1'], removed: {} },
  Endpoints: { group: '', served: ['v1'], removed: {} },
  Pod: { group: '', served: ['v1'], removed: {} },
  Namespace: { group: '', served: ['v1'], removed: {} },
  ReplicationController: { group: '', served: ['v1'], removed: {} },
  EndpointSlice: { group: 'discovery.k8s.io', served: ['v1'], removed: { 'discovery.k8s.io/v1beta1': '1.25' } },
  Deployment: { group: 'apps', served: ['v1'], removed: APPS_1_16 },
  DaemonSet: { group: 'apps', served: ['v1'], removed: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' } },
  ReplicaSet: { group: 'apps', served: ['v1'], removed: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' } },
  StatefulSet: { group: 'apps', served: ['v1'], removed: { 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' } },
  Job: { group: 'batch', served: ['v1'], removed: {} },
  CronJob: { group: 'batch', served: ['v1'], removed: { 'batch/v1beta1': '1.25', 'batch/v2alpha1': '1.21' } },
};

/** The group of an `apiVersion` (`apps/v1` → `apps`, `v1` → `''`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * How a `kind` written with an `apiVersion` relates to the model:
 * - `served`: the kind the model types, in a version served today (or no `apiVersion` written:
 *   a fragment is read leniently);
 * - `unserved`: the same kind in a version the API server no longer (or never) serves, such as
 *   `extensions/v1beta1` Deployments: still typed, so the records it was meant to give are shown,
 *   and `api-version-unserved` reports that `kubectl apply` will refuse it;
 * - `foreign`: a kind of another (custom resource) group, or one the model does not type.
 */
export type KindStatus = 'served' | 'unserved' | 'foreign';

/** The status of `kind` in `apiVersion`. */
export function kindStatus(kind: string, apiVersion: string): KindStatus {
  const m = MODELLED[kind];
  if (!m) return 'foreign';
  if (apiVersion === '') return 'served';
  if (apiVersion in m.removed) return 'unserved';
  const group = groupOf(apiVersion);
  // Custom resources live in groups with a dot; a built-in group (`v1`, `apps/v1beta9`, `batch`)
  // with our kind is a wrong version of that kind, which the API server refuses.
  if (group !== m.group && group.includes('.')) return 'foreign';
  return group === m.group && m.served.includes(apiVersion.slice(apiVersion.indexOf('/') + 1)) ? 'served' : 'unserved';
}

/** The `apiVersion` to write instead of an unserved one, and when the old one was removed. */
export function servedVersion(kind: string, apiVersion: string): { readonly apiVersion: string; readonly removedIn?: string } | undefined {
  const m = MODELLED[kind];
  if (!m) return undefined;
  const removedIn = m.removed[apiVersion];
  const apiVersionNow = m.group ? `${m.group}/${m.served[0]}` : m.served[0]!;
  return { apiVersion: apiVersionNow, ...(removedIn ? { removedIn } : {}) };
}

/**
 * The kind as `readKubeObject` keeps it: the plain kind for the model's own kinds, else
 * `Kind.group` as kubectl spells a resource of a group (`Service.serving.knative.dev`), so no
 * rule or engine path written for the core kind can take it for one.
 */
export function modelKind(kind: string, apiVersion: string): string {
  if (!(kind in MODELLED) || kindStatus(kind, apiVersion) !== 'foreign') return kind;
  return `${kind}.${groupOf(apiVersion)}`;
}

/**
 * The identity of an object's kind across the workspace: `Kind.group`, with the model's kinds in
 * their group of today (an `extensions/v1beta1` Deployment and an `apps/v1` one are the same
 * resource to the API server).
 */
export function groupKind(kind: string, apiVersion: string): string {
  const m = MODELLED[kind];
  if (m && kindStatus(kind, apiVersion) !== 'foreign') return m.group ? `${kind}.${m.group}` : kind;
  if (kind.includes('.')) return kind;
  const group = groupOf(apiVersion);
  return group ? `${kind}.${group}` : kind;
}
