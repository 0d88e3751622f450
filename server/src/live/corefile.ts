/**
 * Reads the cluster DNS settings out of a Corefile (the `Corefile` key of the `kube-system/coredns`
 * ConfigMap): the zones of the `kubernetes` plugin and the options that change answers (`pods`,
 * `ttl`, `endpoint_pod_names`, `ignore empty_service`). Pure: text in, settings out.
 *
 * The Corefile syntax (Caddyfile) as far as it matters here: server blocks `ZONES {` … `}`; inside
 * them one directive per line, `name args…`, optionally opening a `{` … `}` block of option lines;
 * `#` starts a comment.
 */
import { makeConfig, type ClusterConfig, type PodRecordsMode } from '../dns/config';

/** The `kubernetes` stanza of a Corefile, with the plugin's own defaults for what it leaves out. */
export interface CorefileKubernetes {
  /** The zones the plugin is authoritative for, as written (lower case, no trailing dot). */
  readonly zones: readonly string[];
  /** The cluster domain: the first zone that is not a reverse zone; undefined when there is none. */
  readonly zone?: string;
  /** `pods …`; the plugin's default is `disabled` (kubeadm's Corefile says `insecure`). */
  readonly podRecords: PodRecordsMode;
  /** `endpoint_pod_names`. */
  readonly endpointPodNames: boolean;
  /** `ttl N`; the plugin's default is 5 (kubeadm's Corefile says 30). */
  readonly ttl: number;
  /** `ignore empty_service`. */
  readonly ignoreEmptyService: boolean;
}

/** The `kubernetes` plugin's defaults (plugin/kubernetes/setup.go). */
const PLUGIN_DEFAULT_TTL = 5;
const MAX_TTL = 3600;

type Line = string[];

/** Splits the text into lines of tokens, with comments removed and braces as tokens of their own. */
function tokenize(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const hash = raw.indexOf('#');
    const code = hash >= 0 ? raw.slice(0, hash) : raw;
    const tokens = code
      .replace(/[{}]/g, ' $& ')
      .split(/\s+/)
      .map((t) => t.replace(/^"(.*)"$/, '$1'))
      .filter((t) => t !== '');
    if (tokens.length > 0) lines.push(tokens);
  }
  return lines;
}

/** The zone of a server block key: `dns://cluster.local.:53` → `cluster.local`, `.:53` → `.`. */
function keyZone(key: string): string {
  const noScheme = key.replace(/^[a-z]+:\/\//i, '');
  const noPort = noScheme.replace(/:\d+$/, '');
  const zone = noPort.toLowerCase();
  return zone === '.' || zone === '' ? '.' : zone.replace(/\.$/, '');
}

function isReverse(zone: string): boolean {
  return zone === 'in-addr.arpa' || zone === 'ip6.arpa' || zone.endsWith('.in-addr.arpa') || zone.endsWith('.ip6.arpa');
}

/** Parses the options block of a `kubernetes` directive. */
function readOptions(options: readonly Line[]): Omit<CorefileKubernetes, 'zones' | 'zone'> {
  let podRecords: PodRecordsMode = 'disabled';
  let endpointPodNames = false;
  let ttl = PLUGIN_DEFAULT_TTL;
  let ignoreEmptyService = false;
  for (const [name, ...args] of options) {
    if (name === 'pods' && (args[0] === 'disabled' || args[0] === 'insecure' || args[0] === 'verified')) podRecords = args[0];
    else if (name === 'endpoint_pod_names') endpointPodNames = true;
    else if (name === 'ttl' && args[0] !== undefined && /^\d+$/.test(args[0])) ttl = Math.min(MAX_TTL, Number(args[0]));
    else if (name === 'ignore' && args.includes('empty_service')) ignoreEmptyService = true;
  }
  return { podRecords, endpointPodNames, ttl, ignoreEmptyService };
}

/**
 * The first `kubernetes` stanza of a Corefile that serves a forward zone, or `undefined` when the
 * Corefile has none (a cluster whose DNS is not CoreDNS's kubernetes plugin, or a broken file).
 */
export function parseCorefile(text: string): CorefileKubernetes | undefined {
  const lines = tokenize(text);
  let first: CorefileKubernetes | undefined;
  let i = 0;
  while (i < lines.length) {
    // A server block: keys up to `{`, possibly spread over the line.
    const head = lines[i]!;
    const open = head.indexOf('{');
    if (open < 0) {
      i++;
      continue;
    }
    const blockZones = head.slice(0, open).map(keyZone);
    i++;
    let depth = 1;
    while (i < lines.length && depth > 0) {
      const line = lines[i]!;
      if (line[0] === '}') {
        depth--;
        i++;
        continue;
      }
      const opens = line[line.length - 1] === '{';
      if (depth === 1 && line[0] === 'kubernetes') {
        const args = (opens ? line.slice(1, -1) : line.slice(1)).map((z) => z.toLowerCase().replace(/\.$/, '') || '.');
        const options: Line[] = [];
        i++;
        if (opens) {
          while (i < lines.length && lines[i]![0] !== '}') options.push(lines[i++]!);
          i++; // the closing brace
        }
        // Without zones of its own, the plugin serves the zones of its server block.
        const zones = args.length > 0 ? args : blockZones;
        const zone = zones.find((z) => z !== '.' && !isReverse(z));
        const stanza: CorefileKubernetes = { zones, ...(zone === undefined ? {} : { zone }), ...readOptions(options) };
        if (zone !== undefined) return stanza;
        first ??= stanza;
        continue;
      }
      if (opens) depth++;
      i++;
    }
  }
  return first;
}

/** The cluster configuration a live lookup answers with, and where it came from. */
export interface LiveDnsSettings {
  readonly config: ClusterConfig;
  /** One sentence for the user: `kube-system/coredns: zone cluster.local, ttl 30, pods insecure`. */
  readonly origin: string;
}

/**
 * The configuration for live answers: the Corefile's `kubernetes` stanza where there is one, the
 * fallback (the user's settings) for what it cannot say. `unreadable` explains why there is no
 * Corefile text (e.g. the ConfigMap is missing or may not be read).
 */
export function liveDnsSettings(corefile: string | undefined, fallback: ClusterConfig, unreadable?: string): LiveDnsSettings {
  const stanza = corefile === undefined ? undefined : parseCorefile(corefile);
  if (stanza?.zone === undefined) {
    const why =
      corefile === undefined ? (unreadable ?? 'the CoreDNS ConfigMap kube-system/coredns was not read') : 'the Corefile of kube-system/coredns has no kubernetes zone';
    return {
      config: fallback,
      origin: `${why}; using the settings: zone ${fallback.zone}, ttl ${fallback.ttl}, pods ${fallback.podRecords}`,
    };
  }
  const config = makeConfig({
    ...fallback,
    flavor: 'coredns',
    zone: stanza.zone,
    ttl: stanza.ttl,
    podRecords: stanza.podRecords,
    endpointPodNames: stanza.endpointPodNames,
    ignoreEmptyService: stanza.ignoreEmptyService,
  });
  const extras = [stanza.endpointPodNames ? 'endpoint_pod_names' : '', stanza.ignoreEmptyService ? 'ignore empty_service' : ''].filter((x) => x !== '');
  return {
    config,
    origin: `kube-system/coredns: zone ${config.zone}, ttl ${config.ttl}, pods ${config.podRecords}${extras.length > 0 ? `, ${extras.join(', ')}` : ''}`,
  };
}
