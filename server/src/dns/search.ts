/**
 * Resolution of a name as written in a pod: the kubelet's search list for `ClusterFirst`
 * (`<ns>.svc.<zone> svc.<zone> <zone>`) with `ndots:5`, tried the way glibc does (dns-rules.md §9).
 */
import type { Cluster } from './cluster';
import { query } from './query';
import type { Answer } from './types';

export const NDOTS = 5;

export interface SearchResolution {
  /** Every candidate name in the order the resolver tries it, with its answer. */
  readonly tries: readonly { readonly name: string; readonly answer: Answer }[];
  /** The first candidate with records, if any. */
  readonly hit?: { readonly name: string; readonly answer: Answer };
  /** True when every in-cluster candidate failed and the name goes to the upstream resolver. */
  readonly upstream: boolean;
}

/** The candidate names for `name` written in a pod of `namespace`, in resolver order. */
export function searchCandidates(name: string, namespace: string, zone: string): string[] {
  if (name.endsWith('.')) return [name];
  const search = [`${namespace}.svc.${zone}`, `svc.${zone}`, zone];
  const dots = (name.match(/\./g) ?? []).length;
  const withSearch = search.map((s) => `${name}.${s}.`);
  return dots >= NDOTS ? [`${name}.`, ...withSearch] : [...withSearch, `${name}.`];
}

/** Resolves `name` (A by default) as a pod in `namespace` would. */
export function resolveFromPod(cluster: Cluster, name: string, namespace: string, type = 'A'): SearchResolution {
  const r = tryCandidates(cluster, name, namespace, type);
  if (!r.hit) return r;
  // Most names written in a workspace resolve, and only a hover shows how: keep the hit, and
  // ask the failed candidates again when the tries are read (thousands of answers not kept).
  let tries: SearchResolution['tries'] | undefined;
  return {
    hit: r.hit,
    upstream: r.upstream,
    get tries() {
      return (tries ??= tryCandidates(cluster, name, namespace, type).tries);
    },
  };
}

function tryCandidates(cluster: Cluster, name: string, namespace: string, type: string): SearchResolution {
  const tries: { name: string; answer: Answer }[] = [];
  for (const candidate of searchCandidates(name, namespace, cluster.config.zone)) {
    const answer = query(cluster, candidate, type);
    tries.push({ name: candidate, answer });
    // A forwarded name is answered upstream: the cluster cannot tell whether it has records.
    if (answer.forwarded) return { tries, upstream: true };
    if (answer.rcode === 'NOERROR' && answer.answer.length > 0) return { tries, hit: { name: candidate, answer }, upstream: false };
  }
  return { tries, upstream: false };
}
