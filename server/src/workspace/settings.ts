/** The `k8sDns.*` settings the server reads, with their defaults and validation. */
import { makeConfig, type ClusterConfig, type DnsFlavor, type PodRecordsMode } from '../dns/config';
import type { SeverityOverride } from '../checks/runner';

export interface Settings {
  readonly clusterDomain: string;
  readonly defaultNamespace: string;
  readonly dnsFlavor: DnsFlavor;
  readonly podRecords: PodRecordsMode;
  readonly endpointPodNames: boolean;
  readonly ignoreEmptyService: boolean;
  readonly ttl: number;
  /** Globs (relative to a workspace folder) of files not to index. */
  readonly exclude: readonly string[];
  /** Severity per diagnostic code, or `off`. */
  readonly checks: Readonly<Record<string, SeverityOverride>>;
}

export const DEFAULT_SETTINGS: Settings = {
  clusterDomain: 'cluster.local',
  defaultNamespace: 'default',
  dnsFlavor: 'coredns',
  podRecords: 'insecure',
  endpointPodNames: false,
  ignoreEmptyService: false,
  ttl: 30,
  exclude: [],
  checks: {},
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Reads settings from whatever the client sent, keeping defaults for anything invalid. */
export function parseSettings(raw: unknown): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const str = (k: string, d: string): string => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string).trim() : d);
  const bool = (k: string, d: boolean): boolean => (typeof r[k] === 'boolean' ? (r[k] as boolean) : d);
  const d = DEFAULT_SETTINGS;
  const flavor = str('dnsFlavor', d.dnsFlavor);
  const pods = str('podRecords', d.podRecords);
  const ttl = typeof r['ttl'] === 'number' && Number.isInteger(r['ttl']) && (r['ttl'] as number) >= 0 && (r['ttl'] as number) <= 3600 ? (r['ttl'] as number) : d.ttl;
  const checks: Record<string, SeverityOverride> = {};
  if (r['checks'] && typeof r['checks'] === 'object') {
    for (const [code, sev] of Object.entries(r['checks'] as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) checks[code] = sev as SeverityOverride;
    }
  }
  return {
    clusterDomain: str('clusterDomain', d.clusterDomain).replace(/\.$/, '').toLowerCase(),
    defaultNamespace: str('defaultNamespace', d.defaultNamespace),
    dnsFlavor: flavor === 'kube-dns' ? 'kube-dns' : 'coredns',
    podRecords: pods === 'disabled' || pods === 'verified' ? pods : 'insecure',
    endpointPodNames: bool('endpointPodNames', d.endpointPodNames),
    ignoreEmptyService: bool('ignoreEmptyService', d.ignoreEmptyService),
    ttl,
    exclude: Array.isArray(r['exclude']) ? (r['exclude'] as unknown[]).filter((x): x is string => typeof x === 'string') : d.exclude,
    checks,
  };
}

export function clusterConfigOf(s: Settings): ClusterConfig {
  return makeConfig({
    zone: s.clusterDomain,
    defaultNamespace: s.defaultNamespace,
    flavor: s.dnsFlavor,
    podRecords: s.podRecords,
    endpointPodNames: s.endpointPodNames,
    ignoreEmptyService: s.ignoreEmptyService,
    ttl: s.ttl,
  });
}
