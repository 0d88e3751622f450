/**
 * Answers one DNS question the way CoreDNS's `kubernetes` plugin (or kube-dns, by the flavour)
 * would for the given cluster objects: rcode, answer and additional sections, SRV weights
 * (dns-rules.md §2–§12).
 */
import { serviceKey, type Cluster, type ServiceEntry } from './cluster';
import { clusterIPOwner, endpointsWithAddress } from './addressIndex';
import { absolute, addressFromReverse, ipFromDashed, ipFamily, isPlaceholder, presentAddress } from './names';
import { serviceCandidates, endpointName, type Candidate, type ServiceQuestion } from './serviceEntries';
import type { Answer, Rcode, RecordType, ResourceRecord } from './types';
import type { KubeObject } from '../manifests/types';

/** `dns-version` TXT: the schema version CoreDNS implements, with its fixed TTL (§3.11). */
export const DNS_SCHEMA_VERSION = '1.1.0';
export const DNS_VERSION_TTL = 28800;
const MAX_CNAME_CHAIN = 10;

const WILDCARD_NOTE =
  'Wildcard queries (`*` and `any`) were removed in CoreDNS 1.9.0 (coredns/coredns#5019); they are ordinary labels now, so this name does not exist unless an object is literally named so.';

interface Ctx {
  readonly cluster: Cluster;
  readonly qname: string;
  readonly qtype: string;
  /** The zone as spelled in the question, without the trailing dot. */
  readonly zoneSpelled: string;
  readonly notes: string[];
}

function rr(name: string, type: RecordType, ttl: number, data: string, origin?: KubeObject): ResourceRecord {
  return { name, type, ttl, data, ...(origin ? { origin } : {}) };
}

/** SOA records by configuration and zone spelling: every negative answer carries one. */
const soaCache = new WeakMap<Cluster['config'], Map<string, ResourceRecord>>();

/** The SOA record of the zone (backend_lookup.go `SOA`): own TTL min(ttl, 300). Records are immutable, so one is shared. */
export function soaRecord(cluster: Cluster, zoneSpelled: string): ResourceRecord {
  let byZone = soaCache.get(cluster.config);
  if (!byZone) soaCache.set(cluster.config, (byZone = new Map()));
  let soa = byZone.get(zoneSpelled);
  if (!soa) {
    const ttl = cluster.config.ttl;
    const z = `${zoneSpelled}.`;
    byZone.set(zoneSpelled, (soa = rr(z, 'SOA', Math.min(ttl, 300), `ns.dns.${z} hostmaster.${z} 1 7200 1800 86400 ${ttl}`)));
  }
  return soa;
}

function result(ctx: Ctx, rcode: Rcode, answer: ResourceRecord[] = [], additional: ResourceRecord[] = [], forwarded = false): Answer {
  const negative = answer.length === 0 && !forwarded && rcode !== 'REFUSED';
  return {
    question: { name: ctx.qname, type: ctx.qtype },
    rcode,
    answer,
    additional,
    authority: negative ? [soaRecord(ctx.cluster, ctx.zoneSpelled)] : [],
    forwarded,
    notes: ctx.notes,
  };
}
const nx = (ctx: Ctx): Answer => result(ctx, 'NXDOMAIN');
const nodata = (ctx: Ctx): Answer => result(ctx, 'NOERROR');

/** Asks the cluster one question. `name` may be relative (it is then taken as absolute). */
export function query(cluster: Cluster, name: string, type = 'A'): Answer {
  const qname = absolute(name.trim());
  const qtype = type.toUpperCase();
  const zone = cluster.config.zone;
  const lower = qname.toLowerCase();
  const base = { cluster, qname, qtype, notes: [] as string[] };

  if (lower.endsWith('.in-addr.arpa.') || lower.endsWith('.ip6.arpa.')) {
    return reverse({ ...base, zoneSpelled: zone }, lower);
  }
  const inZone = lower === `${zone}.` || lower.endsWith(`.${zone}.`);
  if (!inZone) {
    base.notes.push(`${qname} is outside the cluster zone ${zone}.; the cluster DNS forwards it to the upstream resolver.`);
    return result({ ...base, zoneSpelled: zone }, 'NOERROR', [], [], true);
  }
  const zoneSpelled = qname.slice(qname.length - zone.length - 1, -1);
  const ctx: Ctx = { ...base, zoneSpelled };
  const rest = qname.slice(0, qname.length - zone.length - 1);
  const labels = rest ? rest.replace(/\.$/, '').split('.') : [];
  if (labels.some((l) => l === '*' || l.toLowerCase() === 'any') && cluster.config.flavor === 'coredns') ctx.notes.push(WILDCARD_NOTE);
  if (cluster.config.flavor === 'kube-dns' && qtype === 'ANY') return result(ctx, 'REFUSED');

  if (labels.length === 0) return apex(ctx);
  // handler.go answers SOA only at the apex: NODATA for any other name, existing or not.
  if (qtype === 'SOA') return nodata(ctx);
  const low = labels.map((l) => l.toLowerCase());
  if (low.length === 1 && low[0] === 'dns-version') {
    if (cluster.config.flavor === 'kube-dns' || qtype !== 'TXT') return nx(ctx);
    return result(ctx, 'NOERROR', [rr(qname, 'TXT', DNS_VERSION_TTL, `"${DNS_SCHEMA_VERSION}"`)]);
  }
  if (low.length === 2 && low[0] === 'ns' && low[1] === 'dns') return nameServer(ctx);
  const subtree = low[low.length - 1];
  if (subtree === 'svc') return svcSubtree(ctx, labels.slice(0, -1));
  if (subtree === 'pod') return podSubtree(ctx, low.slice(0, -1));
  return nx(ctx);
}

/** The cluster DNS Service's namespace and name (`k8sDns.clusterDnsService`, kubeadm's kube-system/kube-dns). */
function clusterDnsService(cluster: Cluster): [string, string] {
  const [ns, name] = cluster.config.clusterDnsService.split('/');
  return [ns ?? 'kube-system', name ?? 'kube-dns'];
}

function apex(ctx: Ctx): Answer {
  const { cluster, qname, qtype } = ctx;
  if (qtype === 'SOA') return result(ctx, 'NOERROR', [soaRecord(cluster, ctx.zoneSpelled)]);
  if (qtype === 'TXT') return nx(ctx);
  if (qtype === 'NS') {
    // In a normal cluster the name server is the kube-dns Service (ns.go `nsAddrs`).
    const [dnsNs, dnsName] = clusterDnsService(cluster);
    const kd = cluster.services.get(serviceKey(dnsNs, dnsName));
    const target = kd ? `${dnsName}.${dnsNs}.svc.${ctx.zoneSpelled}.` : `ns.dns.${ctx.zoneSpelled}.`;
    const additional = kd && !kd.headless ? kd.clusterIPs.map((ip) => addressRecord(target, ip, cluster.config.ttl, kd.service)) : [];
    return result(ctx, 'NOERROR', [rr(qname, 'NS', cluster.config.ttl, target, kd?.service)], additional);
  }
  return nodata(ctx);
}

/**
 * `ns.dns.<zone>`: the name server's own addresses (§3.11) — the kube-dns Service's cluster IPs
 * when the input has it, else the CoreDNS pod's IP, which only the cluster knows.
 */
function nameServer(ctx: Ctx): Answer {
  const { cluster, qname, qtype } = ctx;
  if (qtype !== 'A' && qtype !== 'AAAA') return nodata(ctx);
  const kd = cluster.services.get(serviceKey(...clusterDnsService(cluster)));
  const ips = kd && !kd.headless ? kd.clusterIPs : ['<IP of the CoreDNS pod>'];
  const want = qtype === 'A' ? 4 : 6;
  const answer = ips
    .filter((ip) => (ipFamily(ip) ?? (/IPv6/.test(ip) ? 6 : 4)) === want)
    .map((ip) => addressRecord(qname, ip, cluster.config.ttl, kd?.service));
  return result(ctx, 'NOERROR', answer);
}

function addressRecord(name: string, address: string, ttl: number, origin?: KubeObject): ResourceRecord {
  const fam = ipFamily(address) ?? (/IPv6/.test(address) ? 6 : 4);
  return rr(name, fam === 6 ? 'AAAA' : 'A', ttl, isPlaceholder(address) ? address : presentAddress(address), origin);
}

/** `<labels>.svc.<zone>`: a namespace, a Service, an endpoint or a port/protocol pair (§2). */
function svcSubtree(ctx: Ctx, labels: string[]): Answer {
  const { cluster, qtype } = ctx;
  const low = labels.map((l) => l.toLowerCase());
  // The `svc.<zone>` apex and `<ns>.svc.<zone>` exist without records; TXT there is NXDOMAIN (§3.11).
  if (low.length === 0) return qtype === 'TXT' ? nx(ctx) : nodata(ctx);
  const namespace = low[low.length - 1]!;
  if (!cluster.namespaces.has(namespace)) return nx(ctx);
  if (low.length === 1) return qtype === 'TXT' ? nx(ctx) : nodata(ctx);
  if (low.length > 4) return nx(ctx);
  const service = low[low.length - 2]!;
  let q: ServiceQuestion = { service, namespace };
  if (low.length === 3) q = { ...q, endpoint: low[0]! };
  if (low.length === 4) q = { ...q, port: low[0]!.replace(/^_/, ''), protocol: low[1]!.replace(/^_/, '') };
  const entry = findService(cluster, namespace, service);
  if (!entry) return nx(ctx);
  const candidates = serviceCandidates(entry, q, cluster);
  if (!candidates) {
    explainMiss(ctx, entry, q);
    return nx(ctx);
  }
  return answerFor(ctx, entry, candidates, q, 0);
}

/** Services are matched case-insensitively (k8s.go `match`); object names are lower case anyway. */
function findService(cluster: Cluster, namespace: string, name: string): ServiceEntry | undefined {
  return cluster.services.get(serviceKey(namespace, name));
}

function explainMiss(ctx: Ctx, entry: ServiceEntry, q: ServiceQuestion): void {
  const svc = entry.service.meta.name;
  if (entry.externalName && (q.endpoint !== undefined || q.port !== undefined)) {
    ctx.notes.push(`${svc} is an ExternalName Service: CoreDNS answers only its own name, never names below it.`);
  } else if (entry.externalName) {
    ctx.notes.push(`${svc}'s externalName ${entry.service.spec.externalName} is an IP address: CoreDNS serves no record for it.`);
  } else if (q.port !== undefined) {
    ctx.notes.push(`${svc} has no port named ${q.port} with protocol ${q.protocol?.toUpperCase()}.`);
  } else if (q.endpoint !== undefined) {
    ctx.notes.push(`${svc} has no ready endpoint named ${q.endpoint}.`);
  } else if (entry.headless) {
    ctx.notes.push(`${svc} is headless and has no ready endpoint: CoreDNS answers NXDOMAIN until a pod is ready.`);
  } else {
    ctx.notes.push(`${svc} has no ready endpoint and the server runs with \`ignore empty_service\`.`);
  }
}

function answerFor(ctx: Ctx, entry: ServiceEntry, candidates: Candidate[], q: ServiceQuestion, depth: number): Answer {
  const { cluster, qname, qtype } = ctx;
  const ttl = cluster.config.ttl;
  const svc = entry.service;
  if (entry.externalName) return externalNameAnswer(ctx, entry, candidates[0]!, depth);
  switch (qtype) {
    case 'A':
    case 'AAAA': {
      const fam = qtype === 'A' ? 4 : 6;
      const seen = new Set<string>();
      const answer: ResourceRecord[] = [];
      for (const c of candidates) {
        if (c.family !== fam || seen.has(c.host)) continue;
        seen.add(c.host);
        answer.push(addressRecord(qname, c.host, ttl, c.endpoint?.origin ?? svc));
      }
      return result(ctx, 'NOERROR', answer);
    }
    case 'SRV':
      return srvAnswer(ctx, entry, candidates, q);
    default:
      // TXT, CNAME, PTR, MX, NS, ANY and the rest: the name exists, nothing of that type (§7, §12).
      return nodata(ctx);
  }
}

/** SRV records and weights as backend_lookup.go `SRV` computes them (§4, §5). */
function srvAnswer(ctx: Ctx, entry: ServiceEntry, candidates: Candidate[], q: ServiceQuestion): Answer {
  const { cluster, qname } = ctx;
  const kubeDns = cluster.config.flavor === 'kube-dns';
  const ttl = cluster.config.ttl;
  const weight = Math.max(1, Math.floor(100 / candidates.length));
  const priority = kubeDns ? 10 : 0;
  const answer: ResourceRecord[] = [];
  const additional: ResourceRecord[] = [];
  const emitted = new Set<string>();
  const addSeen = new Set<string>();
  const svc = entry.service;
  for (const c of candidates) {
    if (c.port < 0) continue;
    let target = `${c.target}.${ctx.zoneSpelled}.`;
    let port = c.port;
    // kube-dns stores bare-name SRV entries with port 0 and a hashed target (§14).
    if (kubeDns && q.port === undefined && !entry.headless) {
      target = `<hash>.${c.target}.${ctx.zoneSpelled}.`;
      port = 0;
    }
    const key = `${target.toLowerCase()}|${port}`;
    if (emitted.has(key)) continue;
    emitted.add(key);
    answer.push(rr(qname, 'SRV', ttl, `${priority} ${weight} ${port} ${target}`, c.endpoint?.origin ?? svc));
  }
  if (answer.length === 0) return nodata(ctx);
  // The additional section: the target's addresses, one per distinct (target, address).
  for (const c of candidates) {
    if (c.port < 0) continue;
    const target = `${c.target}.${ctx.zoneSpelled}.`;
    if (entry.headless || q.endpoint !== undefined) {
      const key = `${target}|${c.host}`;
      if (addSeen.has(key)) continue;
      addSeen.add(key);
      additional.push(addressRecord(target, c.host, ttl, c.endpoint?.origin ?? svc));
    } else if (!addSeen.has(target)) {
      addSeen.add(target);
      for (const ip of entry.clusterIPs) additional.push(addressRecord(target, ip, ttl, svc));
    }
  }
  return result(ctx, 'NOERROR', answer, kubeDns && q.port === undefined && !entry.headless ? [] : additional);
}

/** ExternalName: a CNAME for A/AAAA/CNAME questions, followed when the target is in the zone (§3.8). */
function externalNameAnswer(ctx: Ctx, entry: ServiceEntry, c: Candidate, depth: number): Answer {
  const { cluster, qname, qtype } = ctx;
  const ttl = cluster.config.ttl;
  const svc = entry.service;
  if (c.family) {
    // Only kube-dns gets here: it answers an IP-valued externalName with an A record.
    if (qtype === 'A' && c.family === 4) return result(ctx, 'NOERROR', [rr(qname, 'A', ttl, c.host, svc)]);
    return nodata(ctx);
  }
  if (cluster.config.flavor === 'kube-dns' && qtype === 'SRV') {
    return result(ctx, 'NOERROR', [rr(qname, 'SRV', ttl, `10 100 0 ${c.host}`, svc)]);
  }
  if (qtype !== 'A' && qtype !== 'AAAA' && qtype !== 'CNAME') return nodata(ctx);
  const cname = rr(qname, 'CNAME', ttl, c.host, svc);
  if (qtype === 'CNAME') return result(ctx, 'NOERROR', [cname]);
  const zone = cluster.config.zone;
  const targetLower = c.host.toLowerCase();
  if (targetLower === `${zone}.` || targetLower.endsWith(`.${zone}.`)) {
    // An in-zone target is followed by CoreDNS itself (handler_test `external-to-service`).
    if (depth >= MAX_CNAME_CHAIN || targetLower === qname.toLowerCase()) return result(ctx, 'NOERROR', []);
    const inner = query(cluster, c.host, qtype);
    ctx.notes.push(...inner.notes);
    return result(ctx, 'NOERROR', inner.rcode === 'NOERROR' ? [cname, ...inner.answer] : []);
  }
  ctx.notes.push(`CoreDNS resolves ${c.host} through the upstream resolver and appends its ${qtype} records; the manifests cannot predict them.`);
  return result(ctx, 'NOERROR', [cname]);
}

/** `<ip-dashed>.<ns>.pod.<zone>` (§3.9). */
function podSubtree(ctx: Ctx, low: string[]): Answer {
  const { cluster, qname, qtype } = ctx;
  const kubeDns = cluster.config.flavor === 'kube-dns';
  const mode = kubeDns ? 'insecure' : cluster.config.podRecords;
  if (low.length === 0) return qtype === 'TXT' ? nx(ctx) : nodata(ctx);
  if (mode === 'disabled') {
    ctx.notes.push('Pod records are disabled (`pods disabled`).');
    return nx(ctx);
  }
  const namespace = low[low.length - 1]!;
  if (!kubeDns && !cluster.namespaces.has(namespace)) return nx(ctx);
  if (low.length === 1) return qtype === 'TXT' ? nx(ctx) : nodata(ctx);
  if (low.length > 2) return nx(ctx);
  const ip = ipFromDashed(low[0]!);
  if (!ip) return nx(ctx);
  const fam = ipFamily(ip);
  if (kubeDns && fam === 6) return nx(ctx);
  let origin: KubeObject | undefined;
  if (mode === 'verified') {
    const pod = cluster.partOf(namespace)?.pods.find((p) => p.status.podIP !== undefined && presentAddress(p.status.podIP) === presentAddress(ip));
    if (!pod) {
      ctx.notes.push(`With \`pods verified\` a pod record exists only for a Pod in ${namespace} with IP ${ip}.`);
      return nx(ctx);
    }
    origin = pod;
  }
  if ((qtype === 'A' && fam === 4) || (qtype === 'AAAA' && fam === 6)) return result(ctx, 'NOERROR', [addressRecord(qname, ip, cluster.config.ttl, origin)]);
  return nodata(ctx);
}

/** PTR questions (reverse.go `serviceRecordForIP`, §3.10). */
function reverse(ctx: Ctx, lower: string): Answer {
  const { cluster, qname, qtype } = ctx;
  const ip = addressFromReverse(lower);
  const ttl = cluster.config.ttl;
  const zone = cluster.config.zone;
  const fallthrough = (): Answer => {
    ctx.notes.push('No Service or endpoint has this address; kubeadm\'s `fallthrough in-addr.arpa ip6.arpa` passes the question to the upstream resolver.');
    return result(ctx, 'NXDOMAIN', [], [], true);
  };
  if (!ip || qtype !== 'PTR') return ip ? nx(ctx) : fallthrough();
  const canon = presentAddress(ip);
  const owner = clusterIPOwner(cluster, canon);
  if (owner) {
    const s = owner.service.meta;
    return result(ctx, 'NOERROR', [rr(qname, 'PTR', ttl, `${s.name}.${s.namespace}.svc.${zone}.`, owner.service)]);
  }
  const answer: ResourceRecord[] = [];
  const seen = new Set<string>();
  const kubeDns = cluster.config.flavor === 'kube-dns';
  for (const { entry, endpoint: ep, address: a } of endpointsWithAddress(cluster, canon)) {
    if (kubeDns && (!entry.headless || !ep.hostname)) continue;
    const s = entry.service.meta;
    const target = `${endpointName(ep, a, cluster)}.${s.name}.${s.namespace}.svc.${zone}.`;
    if (seen.has(target)) continue;
    seen.add(target);
    answer.push(rr(qname, 'PTR', ttl, target, ep.origin));
  }
  if (kubeDns && answer.length > 1) answer.splice(0, answer.length - 1); // one PTR per IP: last writer wins
  return answer.length ? result(ctx, 'NOERROR', answer) : fallthrough();
}
