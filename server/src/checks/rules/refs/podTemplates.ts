/** The pod templates of a workspace (Pods and workload templates), as the reference rules see them. */
import type { Cluster, NamespacePart } from '../../../dns/cluster';
import type { Container, FieldPath, KubeObject, PodTemplate } from '../../../manifests/types';

export interface TemplateRef {
  readonly object: KubeObject;
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
 * The pod templates of a namespace whose labels a selector matches, found through an index of
 * `key=value` so that thousands of Services do not each scan every template.
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
  const [k, v] = entries[0]!;
  return (map.get(`${k}=${v}`) ?? []).filter((t) => entries.every(([kk, vv]) => t.template.labels[kk] === vv));
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
