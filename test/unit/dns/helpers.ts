/** Builds a cluster from YAML text and asks it questions, for data-driven engine tests. */
import { readManifest } from '../../../server/src/manifests';
import { buildCluster, makeConfig, query, type Answer, type Cluster, type ClusterConfig } from '../../../server/src/dns';

export function clusterOf(yaml: string | string[], config: Partial<ClusterConfig> = {}): Cluster {
  const cfg = makeConfig(config);
  const texts = Array.isArray(yaml) ? yaml : [yaml];
  const objects = texts.flatMap((t, i) => readManifest(t, `test-${i}.yaml`, { defaultNamespace: cfg.defaultNamespace }).objects);
  return buildCluster(objects, cfg);
}

/** The answer section's data, sorted (record order is not significant, dns-rules.md §11). */
export function data(a: Answer): string[] {
  return a.answer.map((r) => `${r.type} ${r.data}`).sort();
}

export function additional(a: Answer): string[] {
  return a.additional.map((r) => `${r.name} ${r.type} ${r.data}`).sort();
}

export function ask(c: Cluster, name: string, type = 'A'): Answer {
  return query(c, name, type);
}
