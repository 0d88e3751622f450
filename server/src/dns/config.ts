/**
 * The cluster DNS configuration the engine answers for, mirroring the CoreDNS `kubernetes` plugin
 * stanza of a Corefile (dns-rules.md §1.4, §13).
 */

export type PodRecordsMode = 'disabled' | 'insecure' | 'verified';
export type DnsFlavor = 'coredns' | 'kube-dns';

/** A port range, both ends included, like kube-apiserver's `--service-node-port-range`. */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

export interface ClusterConfig {
  /** The cluster domain, lower case, without a trailing dot. */
  readonly zone: string;
  /** `pods disabled|insecure|verified`; kubeadm's Corefile says `insecure`. */
  readonly podRecords: PodRecordsMode;
  /** `endpoint_pod_names`: endpoints without a hostname are named after their pod. */
  readonly endpointPodNames: boolean;
  /** `ignore empty_service`: ClusterIP Services without ready endpoints are NXDOMAIN. */
  readonly ignoreEmptyService: boolean;
  /** Record TTL; kubeadm's Corefile says 30 (the plugin's own default is 5). */
  readonly ttl: number;
  readonly flavor: DnsFlavor;
  /** The namespace of objects that name none. */
  readonly defaultNamespace: string;
  /**
   * The cluster's `--service-node-port-range` (default 30000-32767). Not DNS, but a property of
   * the cluster the manifests deploy to, read by the node-port checks.
   */
  readonly nodePortRange: PortRange;
  /**
   * The cluster DNS Service as `namespace/name` (kubeadm: `kube-system/kube-dns`): it exists in
   * every cluster, whether the workspace describes it or not (`dns/builtins.ts`).
   */
  readonly clusterDnsService: string;
}

export const DEFAULT_CONFIG: ClusterConfig = {
  zone: 'cluster.local',
  podRecords: 'insecure',
  endpointPodNames: false,
  ignoreEmptyService: false,
  ttl: 30,
  flavor: 'coredns',
  defaultNamespace: 'default',
  nodePortRange: { min: 30000, max: 32767 },
  clusterDnsService: 'kube-system/kube-dns',
};

/** kube-dns answers with TTL 30 and its own SRV priority (dns-rules.md §14). */
export const KUBE_DNS_TTL = 30;

/** Builds a configuration from partial settings, normalising the zone. */
export function makeConfig(partial: Partial<ClusterConfig> = {}): ClusterConfig {
  const merged = { ...DEFAULT_CONFIG, ...partial };
  const zone = merged.zone.trim().toLowerCase().replace(/(?<!\.)\.+$/, '') || DEFAULT_CONFIG.zone;
  const ttl = merged.flavor === 'kube-dns' && partial.ttl === undefined ? KUBE_DNS_TTL : merged.ttl;
  return { ...merged, zone, ttl };
}
