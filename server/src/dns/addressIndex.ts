/**
 * Which Services and endpoints hold an address, for PTR questions: built once per cluster so a
 * reverse lookup costs a map lookup, not a walk over every Service.
 */
import { isServed, type Cluster, type EffectiveEndpoint, type ServiceEntry } from './cluster';
import { ipFamily, presentAddress } from './names';

export interface AddressIndex {
  /** Services by cluster IP (canonical form); the first one found wins, as in reverse.go. */
  readonly clusterIPs: ReadonlyMap<string, ServiceEntry>;
  /** Served endpoints by address (canonical form), in Service order. */
  readonly endpoints: ReadonlyMap<string, readonly { entry: ServiceEntry; endpoint: EffectiveEndpoint; address: string }[]>;
}

const cache = new WeakMap<Cluster, AddressIndex>();

export function addressIndex(cluster: Cluster): AddressIndex {
  let idx = cache.get(cluster);
  if (idx) return idx;
  const clusterIPs = new Map<string, ServiceEntry>();
  const endpoints = new Map<string, { entry: ServiceEntry; endpoint: EffectiveEndpoint; address: string }[]>();
  for (const entry of cluster.services.values()) {
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
  cache.set(cluster, idx);
  return idx;
}
