/**
 * What DNS serves for a Service, in words and records: the text of hovers and code lenses.
 * Pure: no LSP, no editor.
 */
import { isServed, serviceKey, type Cluster, type ServiceEntry } from '../dns/cluster';
import { isPlaceholder, ipFamily } from '../dns/names';
import { serviceRecords } from '../dns/records';
import { query } from '../dns/query';
import type { Service } from '../manifests/types';
import type { ResourceRecord } from '../dns/types';
import { code, joinSections, recordBlock } from './markdown';

/** The Service's fully qualified name, with the trailing dot. */
export function fqdn(svc: Service, zone: string): string {
  return `${svc.meta.name}.${svc.meta.namespace}.svc.${zone}.`;
}

export function entryOf(cluster: Cluster, svc: Service): ServiceEntry | undefined {
  return cluster.services.get(serviceKey(svc.meta.namespace, svc.meta.name));
}

/** One sentence on what kind of Service this is for DNS. */
export function kindSentence(entry: ServiceEntry): string {
  const s = entry.service;
  if (entry.externalName) return `An ExternalName Service: DNS answers its name with a CNAME to ${code(s.spec.externalName ?? '')}; no cluster IP, no proxying.`;
  if (entry.headless) return 'A headless Service: DNS answers with the addresses of its ready endpoints, not a cluster IP.';
  const type = s.spec.type === 'ClusterIP' ? 'A ClusterIP Service' : `A ${s.spec.type} Service`;
  return `${type}: DNS answers with its cluster IP${entry.clusterIPs.length > 1 ? 's' : ''}; kube-proxy forwards connections to the ready endpoints.`;
}

/** Which names reach the Service from where (the pod search path, dns-rules.md §9). */
export function shortNames(svc: Service, zone: string): string {
  const n = svc.meta.name;
  const ns = svc.meta.namespace;
  return [
    `- ${code(n)} — from pods in namespace ${code(ns)}`,
    `- ${code(`${n}.${ns}`)} or ${code(`${n}.${ns}.svc`)} — from any namespace`,
    `- ${code(fqdn(svc, zone))} — from anywhere, without search-path lookups`,
  ].join('\n');
}

const summaries = new WeakMap<ServiceEntry, string>();

/**
 * The compact summary a code lens shows. Cached per Service entry: an edit rebuilds only the
 * entries of the namespace it touched, so lenses of a large file stay cheap.
 */
export function recordSummary(cluster: Cluster, entry: ServiceEntry): string {
  let s = summaries.get(entry);
  if (s === undefined) summaries.set(entry, (s = computeSummary(cluster, entry)));
  return s;
}

function computeSummary(cluster: Cluster, entry: ServiceEntry): string {
  const records = serviceRecords(cluster, entry);
  const name = fqdn(entry.service, cluster.config.zone);
  const own = records.filter((r) => r.name === name);
  const parts: string[] = [];
  const cname = own.find((r) => r.type === 'CNAME');
  if (cname) parts.push(`CNAME ${cname.data}`);
  for (const t of ['A', 'AAAA'] as const) {
    const rs = own.filter((r) => r.type === t);
    if (rs.length === 1) parts.push(`${t} ${rs[0]!.data}`);
    else if (rs.length > 1) parts.push(`${t} ×${rs.length}`);
  }
  // Per-port SRV names (`_port._proto.…`); endpoint names answer SRV too, but are not ports.
  const srv = records.filter((r) => r.type === 'SRV' && r.name.startsWith('_')).length;
  if (srv > 0) parts.push(`SRV ×${srv}`);
  if (parts.length === 0) return entry.externalName ? 'no records (NXDOMAIN)' : 'no records yet (NXDOMAIN)';
  return parts.join(' · ');
}

/** Why a Service has no records, when it has none. */
export function emptyReason(cluster: Cluster, entry: ServiceEntry): string | undefined {
  const a = query(cluster, fqdn(entry.service, cluster.config.zone), entry.externalName ? 'CNAME' : 'A');
  if (a.rcode !== 'NXDOMAIN') return undefined;
  return a.notes[0] ?? 'CoreDNS answers NXDOMAIN for this name.';
}

/** The workspace-knowledge caveat: what the manifests cannot tell. */
export function unknownsNote(entry: ServiceEntry, records: readonly ResourceRecord[]): string | undefined {
  const placeholders = records.some((r) => r.data.includes('<IP of'));
  const ipUnknown = entry.clusterIPs.some(isPlaceholder);
  const notes: string[] = [];
  if (ipUnknown) notes.push('the cluster IP is assigned when the Service is created');
  if (placeholders) notes.push('pod IPs are known only at run time');
  const served = entry.slices.reduce((n, s) => n + s.endpoints.filter(isServed).length, 0);
  if (entry.headless && !entry.service.spec.selector && served === 0) notes.push('no Endpoints or EndpointSlice for it is in the workspace');
  return notes.length ? `_Values in angle brackets: ${notes.join('; ')}._` : undefined;
}

/** The full hover of a Service. */
export function serviceHover(cluster: Cluster, entry: ServiceEntry): string {
  const svc = entry.service;
  const zone = cluster.config.zone;
  const records = serviceRecords(cluster, entry);
  const reason = records.length === 0 ? emptyReason(cluster, entry) : undefined;
  return joinSections(
    `**${code(fqdn(svc, zone))}**`,
    kindSentence(entry),
    shortNames(svc, zone),
    records.length ? `**Records** (as \`dig\` prints them):\n\n${recordBlock(records)}` : `**No records.** ${reason ?? ''}`,
    unknownsNote(entry, records),
  );
}

export function familyOf(ip: string): string {
  return ipFamily(ip) === 6 ? 'AAAA' : 'A';
}
