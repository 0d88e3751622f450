/** The pod templates of a workspace (Pods and workload templates), as the reference rules see them. */
import type { Cluster, NamespacePart } from '../../../dns/cluster';
import { CONTROLLER_LABEL_KEYS, selectsPodsOf } from '../../../dns/controllerLabels';
import type { Container, FieldPath, Pod, PodTemplate, StatefulSet, Workload } from '../../../manifests/types';

export interface TemplateRef {
  readonly object: Pod | Workload | StatefulSet;
  readonly template: PodTemplate;
  /** Where the template's labels are written (`metadata.labels` for a Pod). */
  readonly labelsPath: FieldPath;
}

/** Per namespace part: an edit rebuilds one part, and the others keep what was derived from them. */
const templatesByPart = new WeakMap<NamespacePart, TemplateRef[]>();
const byLabelByPart = new WeakMap<NamespacePart, Map<string, TemplateRef[]>>();

function templatesOf(part: NamespacePart): TemplateRef[] {
  let refs = templatesByPart.get(part);
  if (!refs) {
    refs = [...part.pods, ...part.workloads].map((o) => ({
      object: o,
      template: o.template,
      labelsPath: o.kind === 'Pod' ? ['metadata', 'labels'] : [...o.template.specPath.slice(0, -1), 'metadata', 'labels'],
    }));
    templatesByPart.set(part, refs);
  }
  return refs;
}

/** Every Pod and every workload template (Deployment, StatefulSet, CronJob, …) in the cluster. */
export function podTemplates(cluster: Cluster): TemplateRef[] {
  return cluster.parts.flatMap(templatesOf);
}

/**
 * The pod templates of a namespace whose pods a selector matches (with the labels controllers add:
 * `job-name`, `statefulset.kubernetes.io/pod-name`, hashes that may match), found through an index
 * of `key=value` so that thousands of Services do not each scan every template.
 */
export function podTemplatesMatching(cluster: Cluster, namespace: string, selector: Readonly<Record<string, string>>): TemplateRef[] {
  const entries = Object.entries(selector);
  const part = cluster.partOf(namespace);
  if (entries.length === 0 || !part) return [];
  let map = byLabelByPart.get(part);
  if (!map) {
    map = new Map();
    for (const t of templatesOf(part)) {
      for (const [k, v] of Object.entries(t.template.labels)) {
        const key = `${k}=${v}`;
        const list = map.get(key);
        if (list) list.push(t);
        else map.set(key, [t]);
      }
    }
    byLabelByPart.set(part, map);
  }
  // Controller-added labels are not in the index: look up by a label the template writes.
  const written = entries.find(([k]) => !CONTROLLER_LABEL_KEYS.has(k));
  const candidates = written ? (map.get(`${written[0]}=${written[1]}`) ?? []) : templatesOf(part);
  return candidates.filter((t) => selectsPodsOf(selector, t.object));
}

/** The pod templates of one namespace: selectors look nowhere else. */
export function podTemplatesIn(cluster: Cluster, namespace: string): TemplateRef[] {
  const part = cluster.partOf(namespace);
  return part ? templatesOf(part) : [];
}

/**
 * The containers whose ports a named targetPort can resolve to: every container and the init
 * containers that keep running as native sidecars (`restartPolicy: Always`), as `FindPort` does.
 */
export function portContainers(t: PodTemplate): { container: Container; path: FieldPath }[] {
  return [
    ...t.containers.map((container, i) => ({ container, path: [...t.specPath, 'containers', i] })),
    ...t.initContainers
      .map((container, i) => ({ container, path: [...t.specPath, 'initContainers', i] }))
      .filter((c) => c.container.restartPolicy === 'Always'),
  ];
}

/** `app=quote, tier=web`. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels);
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : '(no labels)';
}
