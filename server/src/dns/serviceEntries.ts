/**
 * The candidate entries CoreDNS collects for a Service question (k8s.go `findServices`): one per
 * (port × cluster IP) for a ClusterIP Service, one per (served address × slice port) for a
 * headless Service or an endpoint question, the target name for an ExternalName Service.
 */
import { addressFamily, isServed, type Cluster, type EffectiveEndpoint, type ServiceEntry } from './cluster';
import { dashedIP, ipFamily } from './names';

/** A parsed Service question: `[<endpoint>.|<_port>.<_proto>.]<svc>.<ns>.svc.<zone>`. */
export interface ServiceQuestion {
  readonly service: string;
  readonly namespace: string;
  readonly endpoint?: string;
  readonly port?: string;
  readonly protocol?: string;
}

export interface Candidate {
  /** An IP, a placeholder, or (ExternalName) the target name with its trailing dot. */
  readonly host: string;
  /** -1 is CoreDNS's placeholder for "no port": it counts for SRV weights but yields no record. */
  readonly port: number;
  /** The SRV target / endpoint owner name, relative to the zone: `<ep>.<svc>.<ns>.svc`. */
  readonly target: string;
  readonly family: 4 | 6 | undefined;
  readonly endpoint?: EffectiveEndpoint;
}

/** The name CoreDNS gives an endpoint address (k8s.go `endpointHostname`). */
export function endpointName(ep: EffectiveEndpoint, address: string, cluster: Cluster): string {
  if (ep.hostname) return ep.hostname;
  if (cluster.config.endpointPodNames && ep.podName && ep.podName.length < 64) return ep.podName;
  if (cluster.config.flavor === 'kube-dns') return '<hash>';
  return ipFamily(address) ? dashedIP(address) : `<${address.slice(1, -1)} with dashes>`;
}

const eq = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

function portMatches(q: ServiceQuestion, name: string | undefined, protocol: string): boolean {
  if (q.port === undefined) return true;
  return !!name && eq(name, q.port) && eq(protocol, q.protocol);
}

/** Endpoint candidates of a Service (headless, or any type under an endpoint question). */
function endpointCandidates(entry: ServiceEntry, q: ServiceQuestion, cluster: Cluster): Candidate[] {
  const out: Candidate[] = [];
  const svcPart = `${entry.service.meta.name}.${entry.service.meta.namespace}.svc`;
  for (const slice of entry.slices) {
    for (const ep of slice.endpoints) {
      if (!isServed(ep)) continue;
      for (const address of ep.addresses) {
        const name = endpointName(ep, address, cluster);
        if (q.endpoint !== undefined && !eq(name, q.endpoint)) continue;
        const family = addressFamily(address, entry);
        const target = `${name}.${svcPart}`;
        if (slice.ports.length === 0) {
          if (q.port === undefined) out.push({ host: address, port: -1, target, family, endpoint: ep });
          continue;
        }
        for (const p of slice.ports) {
          if (!portMatches(q, p.name, p.protocol)) continue;
          out.push({ host: address, port: p.port ?? -1, target, family, endpoint: ep });
        }
      }
    }
  }
  return out;
}

/** Whether a Service has at least one served endpoint address. */
export function hasReadyEndpoint(entry: ServiceEntry): boolean {
  return entry.slices.some((s) => s.endpoints.some((e) => isServed(e) && e.addresses.length > 0));
}

/**
 * The candidates for a question about an existing Service, or `undefined` when CoreDNS answers
 * NXDOMAIN (no port matches, no ready endpoint, an IP-valued ExternalName, …).
 */
export function serviceCandidates(entry: ServiceEntry, q: ServiceQuestion, cluster: Cluster): Candidate[] | undefined {
  const svc = entry.service;
  const kubeDns = cluster.config.flavor === 'kube-dns';
  if (entry.externalName) {
    if (q.endpoint !== undefined || q.port !== undefined) return undefined;
    const target = (svc.spec.externalName ?? '').replace(/\.$/, '');
    if (!target) return undefined;
    const fam = ipFamily(target);
    // CoreDNS drops IP-valued targets (NXDOMAIN); kube-dns answers them as an A record.
    if (fam && !kubeDns) return undefined;
    return [{ host: fam ? target : `${target}.`, port: -1, target: '', family: fam }];
  }
  if (entry.headless || q.endpoint !== undefined) {
    // kube-dns names no endpoints of ClusterIP Services (dns-rules.md §14).
    if (kubeDns && !entry.headless) return undefined;
    const c = endpointCandidates(entry, q, cluster);
    return c.length ? c : undefined;
  }
  if (cluster.config.ignoreEmptyService && !hasReadyEndpoint(entry)) return undefined;
  const out: Candidate[] = [];
  const target = `${svc.meta.name}.${svc.meta.namespace}.svc`;
  const ports = svc.spec.ports.length ? svc.spec.ports : [undefined];
  for (const p of ports) {
    if (p && !portMatches(q, p.name, p.protocol)) continue;
    if (!p && q.port !== undefined) continue;
    // kube-dns stores no SRV entry for unnamed ports.
    const port = !p || (kubeDns && !p.name) ? -1 : p.port;
    for (const ip of entry.clusterIPs) out.push({ host: ip, port, target, family: addressFamily(ip, entry) });
  }
  return out.length ? out : undefined;
}
