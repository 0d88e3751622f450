/** The pod templates of a workspace (Pods and workload templates), as the reference rules see them. */
import type { Cluster } from '../../../dns/cluster';
import type { Container, FieldPath, KubeObject, PodTemplate } from '../../../manifests/types';

export interface TemplateRef {
  readonly object: KubeObject;
  readonly template: PodTemplate;
  /** Where the template's labels are written (`metadata.labels` for a Pod). */
  readonly labelsPath: FieldPath;
}

/** Every Pod and every workload template (Deployment, StatefulSet, CronJob, …) in the cluster. */
export function podTemplates(cluster: Cluster): TemplateRef[] {
  return [...cluster.pods, ...cluster.workloads].map((o) => ({
    object: o,
    template: o.template,
    labelsPath: o.kind === 'Pod' ? ['metadata', 'labels'] : [...o.template.specPath.slice(0, -1), 'metadata', 'labels'],
  }));
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
