/**
 * Labels that controllers add to the pods they create, beyond the template's own, and whether a
 * Service selector matches those pods. Sources (kubernetes):
 * - Jobs: pkg/registry/batch/job/strategy.go `generateSelector` writes `batch.kubernetes.io/job-name`
 *   and `job-name` (the Job's name), `batch.kubernetes.io/controller-uid` and `controller-uid` (its
 *   uid) into the template; indexed Jobs add `batch.kubernetes.io/job-completion-index` per pod.
 *   A CronJob's Jobs are named `<cronjob>-<scheduled minutes>`: unknown in a manifest.
 * - StatefulSets: pkg/controller/statefulset/stateful_set_utils.go `initIdentity` writes
 *   `statefulset.kubernetes.io/pod-name` (`<sts>-<ordinal>`) and `apps.kubernetes.io/pod-index`
 *   (the ordinal); `controller-revision-hash` names the revision.
 * - Deployments: pkg/controller/deployment/sync.go adds `pod-template-hash` to each ReplicaSet.
 * - DaemonSets: pkg/controller/daemon adds `controller-revision-hash` and `pod-template-generation`.
 */
import { isStatefulSet, type KubeObject, type Pod, type StatefulSet, type Workload } from '../manifests/types';

/** The labels a Job's pods carry with the Job's name (the second is the legacy spelling). */
export const JOB_NAME_LABELS: readonly string[] = ['batch.kubernetes.io/job-name', 'job-name'];
/** A StatefulSet pod's name, `<sts>-<ordinal>`. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** A StatefulSet pod's ordinal (Kubernetes 1.28+). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** Every label key some controller adds to pods (a selector on one needs the controller's view). */
export const CONTROLLER_LABEL_KEYS: ReadonlySet<string> = new Set([
  ...JOB_NAME_LABELS,
  'batch.kubernetes.io/controller-uid',
  'controller-uid',
  'batch.kubernetes.io/job-completion-index',
  POD_NAME_LABEL,
  POD_INDEX_LABEL,
  'controller-revision-hash',
  'pod-template-hash',
  'pod-template-generation',
]);

/** Added labels whose values a manifest cannot tell (uids, hashes, generations, CronJob Job names). */
function unknownKeys(o: KubeObject): readonly string[] {
  switch (o.kind) {
    case 'Job':
      return ['batch.kubernetes.io/controller-uid', 'controller-uid', 'batch.kubernetes.io/job-completion-index'];
    case 'CronJob':
      return [...JOB_NAME_LABELS, 'batch.kubernetes.io/controller-uid', 'controller-uid', 'batch.kubernetes.io/job-completion-index'];
    case 'StatefulSet':
      return ['controller-revision-hash'];
    case 'Deployment':
      return ['pod-template-hash'];
    case 'DaemonSet':
      return ['controller-revision-hash', 'pod-template-generation'];
    default:
      return [];
  }
}

/** Which of an object's pods a selector selects. */
export interface SelectedPods {
  /** The selector relies on a label whose value is unknown here (a hash, a uid): it may match. */
  readonly maybe: boolean;
  /** For a StatefulSet selected by pod name or index: the ordinals selected (else all pods). */
  readonly ordinals?: readonly number[];
}

/** The ordinal a StatefulSet pod name or index value stands for, if it is one of `sts`'s pods. */
function ordinalOf(sts: StatefulSet, key: string, value: string): number | undefined {
  const prefix = `${sts.meta.name}-`;
  const digits = key === POD_NAME_LABEL ? (value.startsWith(prefix) ? value.slice(prefix.length) : '') : value;
  if (!/^(0|[1-9]\d*)$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= sts.ordinalStart && n < sts.ordinalStart + sts.replicas ? n : undefined;
}

/**
 * Whether `selector` selects the pods of `o` (a Pod, or the pods a workload creates), with the
 * labels their controller adds; `undefined` when it selects none of them. An empty or missing
 * selector selects nothing.
 */
export function selectedPods(selector: Readonly<Record<string, string>> | undefined, o: Pod | Workload | StatefulSet): SelectedPods | undefined {
  if (!selector) return undefined;
  const entries = Object.entries(selector);
  if (entries.length === 0) return undefined;
  const labels = o.template.labels;
  let maybe = false;
  let ordinal: number | undefined;
  const unknown = unknownKeys(o);
  for (const [k, v] of entries) {
    if (o.kind === 'Job' && JOB_NAME_LABELS.includes(k)) {
      if (v !== o.meta.name) return undefined;
    } else if (unknown.includes(k)) {
      maybe = true;
    } else if (isStatefulSet(o) && (k === POD_NAME_LABEL || k === POD_INDEX_LABEL)) {
      const n = ordinalOf(o, k, v);
      if (n === undefined || (ordinal !== undefined && ordinal !== n)) return undefined;
      ordinal = n;
    } else if (labels[k] !== v) {
      return undefined;
    }
  }
  return { maybe, ...(ordinal !== undefined ? { ordinals: [ordinal] } : {}) };
}

/** Whether `selector` selects any pod of `o`, controller-added labels included. */
export function selectsPodsOf(selector: Readonly<Record<string, string>> | undefined, o: Pod | Workload | StatefulSet): boolean {
  return selectedPods(selector, o) !== undefined;
}

/** Whether a selector uses a label some controller adds (then its matches depend on every template). */
export function usesControllerLabels(selector: Readonly<Record<string, string>> | undefined): boolean {
  return Object.keys(selector ?? {}).some((k) => CONTROLLER_LABEL_KEYS.has(k));
}
