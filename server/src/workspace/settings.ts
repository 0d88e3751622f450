/** The `k8sDns.*` settings the server reads, with their defaults and validation. */
import { makeConfig, type ClusterConfig, type DnsFlavor, type PodRecordsMode } from '../dns/config';
import { ALL_RULES } from '../checks';
import type { SeverityOverride } from '../checks/runner';
import { dns1123LabelErrors } from '../checks/validation/dns';
import { DEFAULT_NODE_PORT_RANGE, formatPortRange, parsePortRange } from '../checks/validation/nodePorts';
import { PARSE_PROBLEM_CODES } from '../manifests/types';
import { unsafeGlob } from './globs';

export interface Settings {
  readonly clusterDomain: string;
  readonly defaultNamespace: string;
  /** The cluster DNS Service, `namespace/name`: a built-in Service every cluster has. */
  readonly clusterDnsService: string;
  readonly dnsFlavor: DnsFlavor;
  readonly podRecords: PodRecordsMode;
  readonly endpointPodNames: boolean;
  readonly ignoreEmptyService: boolean;
  readonly ttl: number;
  /** kube-apiserver's `--service-node-port-range` as written (`30000-32767`), already validated. */
  readonly nodePortRange: string;
  /** Globs (relative to a workspace folder) of files not to index. */
  readonly exclude: readonly string[];
  /** Severity per diagnostic code, or `off`. */
  readonly checks: Readonly<Record<string, SeverityOverride>>;
}

export const DEFAULT_SETTINGS: Settings = {
  clusterDomain: 'cluster.local',
  defaultNamespace: 'default',
  clusterDnsService: 'kube-system/kube-dns',
  dnsFlavor: 'coredns',
  podRecords: 'insecure',
  endpointPodNames: false,
  ignoreEmptyService: false,
  ttl: 30,
  nodePortRange: '30000-32767',
  exclude: [],
  checks: {},
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);
const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\.?$/i;
const KNOWN_CODES = new Set([...ALL_RULES.map((r) => r.code), ...PARSE_PROBLEM_CODES, 'internal-error']);

/** `namespace/name` with both parts DNS-1123 labels (how `kubectl` names a Service). */
function isServiceRef(v: string): boolean {
  const parts = v.split('/');
  return parts.length === 2 && parts.every((p) => dns1123LabelErrors(p).length === 0);
}

/** Settings read from what the client sent, and what was wrong in it (each with the value used instead). */
export interface SettingsRead {
  readonly settings: Settings;
  readonly problems: string[];
}

/** Reads settings from whatever the client sent, keeping defaults for anything invalid. */
export function parseSettings(raw: unknown): Settings {
  return readSettings(raw).settings;
}

/** Like `parseSettings`, with a message for each invalid value (the user sees them once). */
export function readSettings(raw: unknown): SettingsRead {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  const problems: string[] = [];
  const wrong = (key: string, why: string, used: unknown): void => {
    problems.push(`k8sDns.${key} ${JSON.stringify(r[key])} ${why}; using ${JSON.stringify(used)}.`);
  };
  const str = (key: string, fallback: string, valid: (v: string) => boolean, why: string): string => {
    const v = r[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return fallback;
    if (typeof v === 'string' && valid(v.trim())) return v.trim();
    wrong(key, why, fallback);
    return fallback;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = r[key];
    if (typeof v === 'boolean') return v;
    if (v !== undefined && v !== null) wrong(key, 'is not true or false', fallback);
    return fallback;
  };
  const clusterDomain = str('clusterDomain', d.clusterDomain, (v) => DNS_NAME.test(v), 'is not a DNS name').replace(/\.$/, '').toLowerCase();
  const defaultNamespace = str('defaultNamespace', d.defaultNamespace, (v) => dns1123LabelErrors(v).length === 0, 'is not a namespace name (a DNS-1123 label)');
  const clusterDnsService = str('clusterDnsService', d.clusterDnsService, isServiceRef, 'is not namespace/name (two DNS-1123 labels)');
  const dnsFlavor = str('dnsFlavor', d.dnsFlavor, (v) => v === 'coredns' || v === 'kube-dns', 'is not coredns or kube-dns') as DnsFlavor;
  const podRecords = str('podRecords', d.podRecords, (v) => v === 'disabled' || v === 'insecure' || v === 'verified', 'is not disabled, insecure or verified') as PodRecordsMode;
  const endpointPodNames = bool('endpointPodNames', d.endpointPodNames);
  const ignoreEmptyService = bool('ignoreEmptyService', d.ignoreEmptyService);
  let ttl = d.ttl;
  const t = r['ttl'];
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 3600) ttl = t;
  else if (t !== undefined && t !== null) wrong('ttl', 'is not a whole number of seconds from 0 to 3600', ttl);
  const range = parsePortRange(str('nodePortRange', d.nodePortRange, (v) => parsePortRange(v) !== undefined, 'is not a port range like 30000-32767 (as kube-apiserver --service-node-port-range)'));
  // Kept in one spelling: folders that write the same range share an index.
  const nodePortRange = formatPortRange(range ?? parsePortRange(d.nodePortRange)!);
  let exclude = d.exclude;
  const x = r['exclude'];
  if (Array.isArray(x) && x.every((g) => typeof g === 'string')) {
    exclude = (x as string[]).filter((g) => {
      const why = unsafeGlob(g);
      if (why !== undefined) problems.push(`k8sDns.exclude ${JSON.stringify(g)} ${why}, which could make matching a path take minutes; it is ignored.`);
      return why === undefined;
    });
  } else if (x !== undefined && x !== null) wrong('exclude', 'is not a list of glob patterns', exclude);
  const checks: Record<string, SeverityOverride> = {};
  const c = r['checks'];
  if (c && typeof c === 'object' && !Array.isArray(c)) {
    for (const [code, sev] of Object.entries(c as Record<string, unknown>)) {
      if (!KNOWN_CODES.has(code)) problems.push(`k8sDns.checks names no check "${code}" (the codes are in docs/checks.md and on each diagnostic); it is ignored.`);
      else if (typeof sev === 'string' && SEVERITIES.has(sev)) checks[code] = sev as SeverityOverride;
      else problems.push(`k8sDns.checks.${code} ${JSON.stringify(sev)} is not one of off, error, warning, info, hint; it is ignored.`);
    }
  } else if (c !== undefined && c !== null) {
    problems.push(`k8sDns.checks is not an object of code → severity; it is ignored.`);
  }
  const settings: Settings = {
    clusterDomain,
    defaultNamespace,
    clusterDnsService,
    dnsFlavor,
    podRecords,
    endpointPodNames,
    ignoreEmptyService,
    ttl,
    nodePortRange,
    exclude,
    checks,
  };
  return { settings, problems };
}

export function clusterConfigOf(s: Settings): ClusterConfig {
  return makeConfig({
    zone: s.clusterDomain,
    defaultNamespace: s.defaultNamespace,
    clusterDnsService: s.clusterDnsService,
    flavor: s.dnsFlavor,
    podRecords: s.podRecords,
    endpointPodNames: s.endpointPodNames,
    ignoreEmptyService: s.ignoreEmptyService,
    ttl: s.ttl,
    nodePortRange: parsePortRange(s.nodePortRange) ?? DEFAULT_NODE_PORT_RANGE,
  });
}
