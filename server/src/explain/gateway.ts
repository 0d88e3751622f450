/** Hover text for a route's parentRef: the Gateway it attaches to and its listeners. Pure: no LSP. */
import type { Cluster } from '../dns/cluster';
import { gatewaysNamed, type ParentRef } from '../refs/gatewayRefs';
import { GATEWAY_GROUP } from '../refs/routeKinds';
import { code, joinSections } from './markdown';

/** `name protocol/port hostname` for each listener written in the Gateway's spec. */
function listeners(raw: Readonly<Record<string, unknown>>): string[] {
  const spec = raw['spec'];
  const list = spec && typeof spec === 'object' ? (spec as Record<string, unknown>)['listeners'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((l) => {
    if (!l || typeof l !== 'object') return [];
    const m = l as Record<string, unknown>;
    const host = typeof m['hostname'] === 'string' ? ` ${code(m['hostname'])}` : '';
    return [`- ${code(String(m['name'] ?? '?'))} ${String(m['protocol'] ?? '?')}/${String(m['port'] ?? '?')}${host}`];
  });
}

/** The hover of a parentRef. */
export function parentHover(cluster: Cluster, p: ParentRef): string {
  if (p.kind !== 'Gateway' || p.group !== GATEWAY_GROUP) return `Parent ${code(`${p.kind}${p.group ? `.${p.group}` : ''} ${p.namespace}/${p.name}`)}: not a Gateway (a Service parent is a mesh route, GEP-1426).`;
  const gateway = gatewaysNamed(cluster, p.namespace, p.name)[0];
  if (!gateway) return `Gateway ${code(`${p.namespace}/${p.name}`)}: **not in the workspace**; the route attaches only if the cluster holds it.`;
  const ls = listeners(gateway.raw);
  return joinSections(
    `**Gateway** ${code(`${p.namespace}/${p.name}`)}${p.sectionName ? `, listener ${code(p.sectionName)}` : ' (every listener that allows this route)'}`,
    ls.length ? `Listeners:\n\n${ls.join('\n')}` : 'No listeners written.',
  );
}
