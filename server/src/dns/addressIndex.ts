/**
 * Which Services and endpoints hold an address, for PTR questions: indexed once per namespace
 * part, so a reverse lookup costs a map lookup per namespace, not a walk over every Service, and
 * an edit re-indexes only its own namespace.
 */
import { isServed, type Cluster, type EffectiveEndpoint, type NamespacePart, type ServiceEntry } from './cluster';
import { ipFamily, presentAddress } from './names';

export interface AddressHolder {
  readonly entry: ServiceEntry;
  readonly endpoint: EffectiveEndpoint;
  readonly address: string;
}

interface PartIndex {
  readonly clusterIPs: ReadonlyMap<string, ServiceEntry>;
  readonly endpoints: ReadonlyMap<string, readonly AddressHolder[]>;
}

const cache = new WeakMap<NamespacePart, PartIndex>();

function partIndex(part: NamespacePart): PartIndex {
  let idx = cache.get(part);
  if (idx) return idx;
  const clusterIPs = new Map<string, ServiceEntry>();
  const endpoints = new Map<string, AddressHolder[]>();
  for (const entry of part.services.values()) {
    for (const ip of entry.clusterIPs) {
      if (!ipFamily(ip)) continue;
      const key = presentAddress(ip);
      if (!clusterIPs.has(key)) clusterIPs.set(key, entry);
    }
    if (entry.externalName) continue;
    for (const slice of entry.slices) {
      for (const endpoint of slice.endpoints) {
        if (!isServed(endpoint)) continue;
        for (const address of endpoint.addresses) {
          if (!ipFamily(address)) continue;
          const key = presentAddress(address);
          const list = endpoints.get(key);
          const item = { entry, endpoint, address };
          if (list) list.push(item);
          else endpoints.set(key, [item]);
        }
      }
    }
  }
  idx = { clusterIPs, endpoints };
  cache.set(part, idx);
  return idx;
}

/** The Service whose cluster IP this is (canonical form); the first one found wins, as in reverse.go. */
export function clusterIPOwner(cluster: Cluster, canonical: string): ServiceEntry | undefined {
  for (const part of cluster.parts) {
    const owner = partIndex(part).clusterIPs.get(canonical);
    if (owner) return owner;
  }
  return undefined;
}

/** Served endpoints with this address (canonical form), in Service order. */
export function endpointsWithAddress(cluster: Cluster, canonical: string): AddressHolder[] {
  const out: AddressHolder[] = [];
  for (const part of cluster.parts) out.push(...(partIndex(part).endpoints.get(canonical) ?? []));
  return out;
}
