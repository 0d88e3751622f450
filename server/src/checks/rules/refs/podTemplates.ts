/** The pod templates of a workspace (Pods and workload templates), as the reference rules see them. */
import type { Cluster } from '../../../dns/cluster';
import type { Container, FieldPath, KubeObject, PodTemplate } from '../../../manifests/types';

export interface TemplateRef {
  readonly object: KubeObject;
  readonly template: PodTemplate;
  /** Where the template's labels are written (`metadata.labels` for a Pod). */
  readonly labelsPath: FieldPath;
}

const all = new WeakMap<Cluster, TemplateRef[]>();
const byNamespace = new WeakMap<Cluster, Map<string, TemplateRef[]>>();

/** Every Pod and every workload template (Deployment, StatefulSet, CronJob, …) in the cluster (computed once per cluster). */
export function podTemplates(cluster: Cluster): TemplateRef[] {
  let refs = all.get(cluster);
  if (!refs) {
    refs = [...cluster.pods, ...cluster.workloads].map((o) => ({
      object: o,
      template: o.template,
      labelsPath: o.kind === 'Pod' ? ['metadata', 'labels'] : [...o.template.specPath.slice(0, -1), 'metadata', 'labels'],
    }));
    all.set(cluster, refs);
  }
  return refs;
}

const byLabel = new WeakMap<Cluster, Map<string, TemplateRef[]>>();

/**
 * The pod templates of a namespace whose labels a selector matches, found through an index of
 * `namespace/key=value` so that thousands of Services do not each scan every template.
 */
export function podTemplatesMatching(cluster: Cluster, namespace: string, selector: Readonly<Record<string, string>>): TemplateRef[] {
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  let map = byLabel.get(cluster);
  if (!map) {
    map = new Map();
    for (const t of podTemplates(cluster)) {
      for (const [k, v] of Object.entries(t.template.labels)) {
        const key = `${t.object.meta.namespace}/${k}=${v}`;
        const list = map.get(key);
        if (list) list.push(t);
        else map.set(key, [t]);
      }
    }
    byLabel.set(cluster, map);
  }
  const [k, v] = entries[0]!;
  return (map.get(`${namespace}/${k}=${v}`) ?? []).filter((t) => entries.every(([kk, vv]) => t.template.labels[kk] === vv));
}

/** The pod templates of one namespace: selectors look nowhere else. */
export function podTemplatesIn(cluster: Cluster, namespace: string): TemplateRef[] {
  let map = byNamespace.get(cluster);
  if (!map) {
    map = new Map();
    for (const t of podTemplates(cluster)) {
      const list = map.get(t.object.meta.namespace);
      if (list) list.push(t);
      else map.set(t.object.meta.namespace, [t]);
    }
    byNamespace.set(cluster, map);
  }
  return map.get(namespace) ?? [];
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
