/**
 * Every record the cluster DNS serves for a set of objects. Built by asking the query engine
 * every name the objects can own, so records and answers can never disagree.
 */
import { isServed, type Cluster, type ServiceEntry } from './cluster';
import { dashedIP, ipFamily, reverseName } from './names';
import { DNS_SCHEMA_VERSION, DNS_VERSION_TTL, query } from './query';
import { endpointName } from './serviceEntries';
import type { RecordType, ResourceRecord } from './types';

/** The records of one Service (its own names, ports, endpoints and reverse names). */
export function serviceRecords(cluster: Cluster, entry: ServiceEntry): ResourceRecord[] {
  const { zone } = cluster.config;
  const meta = entry.service.meta;
  const fqdn = `${meta.name}.${meta.namespace}.svc.${zone}.`;
  const questions: [string, RecordType][] = [];
  const ask = (name: string, ...types: RecordType[]): void => {
    for (const t of types) questions.push([name, t]);
  };
  if (entry.externalName) {
    ask(fqdn, 'CNAME', 'A', 'AAAA', 'SRV');
  } else {
    ask(fqdn, 'A', 'AAAA', 'SRV');
    const ports = new Map<string, string>();
    if (entry.headless) {
      for (const s of entry.slices) for (const p of s.ports) if (p.name) ports.set(`_${p.name}._${p.protocol.toLowerCase()}`, '');
    } else {
      for (const p of entry.service.spec.ports) if (p.name) ports.set(`_${p.name}._${p.protocol.toLowerCase()}`, '');
    }
    // CoreDNS also answers A/AAAA at `_port._proto` names (§3.1).
    for (const prefix of ports.keys()) ask(`${prefix}.${fqdn}`, 'SRV', 'A', 'AAAA');
    const reverse = new Set<string>();
    for (const ip of entry.clusterIPs) {
      const r = ipFamily(ip) ? reverseName(ip) : undefined;
      if (r) reverse.add(r);
    }
    const endpointNames = new Set<string>();
    for (const s of entry.slices) {
      for (const ep of s.endpoints) {
        if (!isServed(ep)) continue;
        for (const a of ep.addresses) {
          const name = endpointName(ep, a, cluster);
          if (!name.startsWith('<')) endpointNames.add(name);
          const r = ipFamily(a) ? reverseName(a) : undefined;
          if (r) reverse.add(r);
        }
      }
    }
    for (const n of endpointNames) ask(`${n}.${fqdn}`, 'A', 'AAAA', 'SRV');
    for (const r of reverse) ask(r, 'PTR');
  }
  const out: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const [name, type] of questions) {
    for (const r of query(cluster, name, type).answer) {
      // A reverse name may answer for another Service; keep only this Service's records.
      if (r.type === 'PTR' && !r.data.toLowerCase().endsWith(`.${meta.name}.${meta.namespace}.svc.${zone}.`) && r.data.toLowerCase() !== fqdn) continue;
      const key = `${r.name.toLowerCase()}|${r.type}|${r.data}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/** Pod address records for Pods whose IP the input knows (pods insecure/verified). */
export function podRecords(cluster: Cluster): ResourceRecord[] {
  if (cluster.config.podRecords === 'disabled' && cluster.config.flavor === 'coredns') return [];
  const out: ResourceRecord[] = [];
  for (const pod of cluster.pods) {
    const ip = pod.status.podIP;
    if (!ip || !ipFamily(ip)) continue;
    const name = `${dashedIP(ip)}.${pod.meta.namespace}.pod.${cluster.config.zone}.`;
    for (const r of query(cluster, name, ipFamily(ip) === 6 ? 'AAAA' : 'A').answer) out.push({ ...r, origin: pod });
  }
  return out;
}

/** Every record of the cluster: Services in input order, pod records, then `dns-version`. */
export function allRecords(cluster: Cluster): ResourceRecord[] {
  const out: ResourceRecord[] = [];
  for (const entry of cluster.services.values()) out.push(...serviceRecords(cluster, entry));
  out.push(...podRecords(cluster));
  if (cluster.config.flavor === 'coredns') {
    out.push({ name: `dns-version.${cluster.config.zone}.`, type: 'TXT', ttl: DNS_VERSION_TTL, data: `"${DNS_SCHEMA_VERSION}"` });
  }
  return out;
}
