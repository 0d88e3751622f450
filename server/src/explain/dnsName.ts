/** Hover text for a DNS name written in a manifest: what a pod of that namespace gets. */
import type { Cluster } from '../dns/cluster';
import type { DnsNameUse } from '../refs/dnsNames';
import { code, joinSections, recordBlock } from './markdown';

export function dnsNameHover(cluster: Cluster, use: DnsNameUse): string {
  const from = use.object.meta.namespace;
  const r = use.resolution;
  const tries = r.tries.map((t) => `- ${code(t.name)} → ${t.answer.forwarded ? 'upstream' : t.answer.answer.length ? '**answer**' : t.answer.rcode}`).join('\n');
  const path = `Tried in order by a pod in ${code(from)} (search path, \`ndots:5\`):\n\n${tries}`;
  if (r.hit) {
    const svc = use.target?.service;
    return joinSections(
      `${code(use.token.host)} → **${code(r.hit.name)}**${svc ? ` (Service ${code(`${svc.meta.namespace}/${svc.meta.name}`)}${use.builtin ? `, ${use.builtin}` : ''})` : ''}`,
      recordBlock(r.hit.answer.answer),
      r.tries.length > 1 ? path : undefined,
    );
  }
  return joinSections(
    `${code(use.token.host)} from namespace ${code(from)}: **no Service in the workspace serves it**${r.upstream ? ' — the question ends at the upstream resolver' : ''}.`,
    path,
    cluster.namespacesWithObjects.has(use.serviceNamespace) ? undefined : `_The workspace holds no objects of namespace ${code(use.serviceNamespace)}; the cluster may._`,
  );
}
