/**
 * Live lookups in the editor: the `k8sDns.resolveLive` command (the cluster's answer for a Service
 * next to the manifest's, with the drift between them), the `k8sDns/contexts` request, the
 * `k8sDns/liveSettings` notification, and a cache of the last live answer per Service for hovers.
 *
 * Off unless the user turns it on, and never in an untrusted workspace: the trust flag and the
 * live settings come only from the client (`initializationOptions.trusted`, `.live`, and the
 * notification), which sends the user's settings, never the workspace's; a workspace must not be
 * able to point the server at a kubeconfig that runs programs. See docs/protocol.md.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { formatAnswer, query, serviceKey, type Answer, type Cluster } from '../dns';
import { DEFAULT_TIMEOUT_MS, type ClusterReader } from '../live/client';
import { serviceDrift } from '../live/drift';
import { LiveError } from '../live/errors';
import { listKubeContexts, type KubeContextList } from '../live/kubeconfig';
import { connectLive, resolveLive, type LiveResolution } from '../live/resolveLive';
import { isService } from '../manifests/types';
import type { WorkspaceIndex } from '../workspace';
import type { CommandResult } from './commands';
import { objectAt } from './hover';

/** The custom messages of live lookups (docs/protocol.md). */
export const LIVE_PROTOCOL = {
  /** client → server notification: the user's live settings (`LiveSettings`, plus `trusted` once trust is granted). */
  liveSettings: 'k8sDns/liveSettings',
  /** client → server request: the kubeconfig's contexts and the current one (`KubeContextList`). */
  contexts: 'k8sDns/contexts',
} as const;

/** The user settings `k8sDns.live.*`, as the client sends them. */
export interface LiveSettings {
  readonly enabled: boolean;
  /** A kubeconfig file; empty means kubectl's search (KUBECONFIG, ~/.kube/config). */
  readonly kubeconfig: string;
  /** A context; empty means the kubeconfig's current-context. */
  readonly context: string;
  /** Bound on each API call. */
  readonly timeoutMs: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = { enabled: false, kubeconfig: '', context: '', timeoutMs: DEFAULT_TIMEOUT_MS };

const MIN_TIMEOUT_MS = 100;
const MAX_TIMEOUT_MS = 60_000;

/** Reads live settings from whatever the client sent, keeping defaults for anything invalid. */
export function parseLiveSettings(raw: unknown, base: LiveSettings = DEFAULT_LIVE_SETTINGS): LiveSettings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const str = (k: string, d: string): string => (typeof r[k] === 'string' ? (r[k] as string).trim() : d);
  const t = r['timeoutMs'];
  const timeoutMs = typeof t === 'number' && Number.isFinite(t) ? Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, Math.round(t))) : base.timeoutMs;
  return {
    enabled: typeof r['enabled'] === 'boolean' ? (r['enabled'] as boolean) : base.enabled,
    kubeconfig: str('kubeconfig', base.kubeconfig),
    context: str('context', base.context),
    timeoutMs,
  };
}

/** The last live answer for one Service. */
export interface LiveCacheEntry {
  readonly context: string;
  readonly readAt: number;
  /** A compact summary: `A 10.96.0.21 · 2 endpoints ready, 1 not ready`. */
  readonly summary: string;
}

/** The last live answer per Service, so hovers can say what the cluster said and how long ago. */
export class LiveCache {
  private readonly entries = new Map<string, LiveCacheEntry>();

  /** @param now the clock (tests) @param max entries kept; the oldest go first */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = 500,
  ) {}

  set(namespace: string, name: string, entry: LiveCacheEntry): void {
    const key = serviceKey(namespace, name);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  get(namespace: string, name: string): LiveCacheEntry | undefined {
    return this.entries.get(serviceKey(namespace, name));
  }

  /** Forgets every answer (the context or kubeconfig changed). */
  clear(): void {
    this.entries.clear();
  }

  /** `live (12 s ago, context "kind"): A 10.96.0.21 · …`, or undefined when never looked up. */
  describe(namespace: string, name: string): string | undefined {
    const e = this.get(namespace, name);
    if (e === undefined) return undefined;
    return `live (${age(this.now() - e.readAt)}, context "${e.context}"): ${e.summary}`;
  }
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min ago`;
  return `${Math.round(m / 60)} h ago`;
}

interface Target {
  uri?: unknown;
  namespace?: unknown;
  name?: unknown;
}

const RECORD_TYPES = ['A', 'AAAA', 'SRV'] as const;

/** The state and handlers of live lookups for one server. */
export class LiveLookups {
  readonly cache: LiveCache;
  private trusted = false;
  private settings: LiveSettings = DEFAULT_LIVE_SETTINGS;

  constructor(
    /** The index a document belongs to (the workspace has one per distinct settings). */
    private readonly indexFor: (uri: string) => WorkspaceIndex,
    cache?: LiveCache,
  ) {
    this.cache = cache ?? new LiveCache();
  }

  /** Takes `initializationOptions.trusted` (absent means untrusted) and `.live`. */
  initialize(options: unknown): void {
    const o = options !== null && typeof options === 'object' ? (options as Record<string, unknown>) : {};
    this.trusted = o['trusted'] === true;
    this.settings = parseLiveSettings(o['live']);
  }

  /**
   * The `k8sDns/liveSettings` notification. `trusted: true` records that the user granted trust
   * while the editor ran; trust is never taken back here (VS Code restarts extensions then).
   */
  updateSettings(params: unknown): void {
    const next = parseLiveSettings(params, this.settings);
    if (next.kubeconfig !== this.settings.kubeconfig || next.context !== this.settings.context) this.cache.clear();
    this.settings = next;
    if (params !== null && typeof params === 'object' && (params as Record<string, unknown>)['trusted'] === true) this.trusted = true;
  }

  /** Why live lookups may not run now, with how to enable them; undefined when they may. */
  refusal(): string | undefined {
    if (!this.trusted) {
      return (
        'Live lookups never run in an untrusted workspace: a workspace could point the extension at a kubeconfig that runs programs. ' +
        'Trust this workspace (command "Workspaces: Manage Workspace Trust") and turn on k8sDns.live.enabled in your user settings.'
      );
    }
    if (!this.settings.enabled) {
      return 'Live lookups are off. Turn them on with k8sDns.live.enabled in your user settings (workspace settings cannot turn them on); set k8sDns.live.kubeconfig and k8sDns.live.context to choose the cluster.';
    }
    return undefined;
  }

  /** `k8sDns.resolveLive` with `{uri, namespace, name}`. Never throws; a cancelled request answers RequestCancelled. */
  async resolve(args: readonly unknown[], token?: CancellationToken): Promise<CommandResult | ResponseError<void>> {
    const t = (args[0] ?? {}) as Target;
    const namespace = typeof t.namespace === 'string' ? t.namespace : '';
    const name = typeof t.name === 'string' ? t.name : '';
    if (namespace === '' || name === '') return { title: 'Resolve (live)', text: '; Resolve (live) needs a Service: {uri, namespace, name}.\n' };
    const title = `Resolve ${name}.${namespace} (live)`;
    const refused = this.refusal();
    if (refused !== undefined) return { title: 'Live lookups are off', text: comment(refused) };

    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    let reader: ClusterReader | undefined;
    try {
      const s = this.settings;
      const connected = await connectLive({
        trusted: this.trusted,
        timeoutMs: s.timeoutMs,
        ...(s.kubeconfig !== '' ? { kubeconfig: s.kubeconfig } : {}),
        ...(s.context !== '' ? { context: s.context } : {}),
      });
      reader = connected.reader;
      const manifests = this.indexFor(typeof t.uri === 'string' ? t.uri : '').cluster();
      const live = await resolveLive(reader, { namespace, name, fallback: manifests.config, signal: controller.signal });
      const answers = liveAnswers(live.cluster, live, name, namespace);
      this.cache.set(namespace, name, { context: live.context, readAt: live.readAt, summary: summarize(answers, live) });
      return { title, text: document(live, answers, manifests, name, namespace) };
    } catch (e) {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Resolve (live) was cancelled.');
      const message = e instanceof LiveError ? e.message : `The live lookup failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
      return { title: `${title}: failed`, text: comment(message) };
    } finally {
      cancel?.dispose();
      await reader?.close();
    }
  }

  /**
   * A Service hover with the last live answer appended (`live (12 s ago, …): …`), when the cursor
   * is on a Service that was resolved live; other hovers unchanged. Never contacts the cluster.
   */
  withLiveLine(hover: string | undefined, uri: string, offset: number): string | undefined {
    if (hover === undefined) return undefined;
    const hit = objectAt(this.indexFor(uri), uri, offset);
    if (hit === undefined || !isService(hit.object)) return hover;
    const line = this.cache.describe(hit.object.meta.namespace, hit.object.meta.name);
    return line === undefined ? hover : `${hover}\n\n---\n\n_${line}_`;
  }

  /** `k8sDns/contexts`: the kubeconfig's contexts, under the same rules as lookups. */
  async contexts(): Promise<KubeContextList | ResponseError<void>> {
    const refused = this.refusal();
    if (refused !== undefined) return new ResponseError(LSPErrorCodes.RequestFailed, refused);
    try {
      return await listKubeContexts(this.settings.kubeconfig !== '' ? { path: this.settings.kubeconfig } : {});
    } catch (e) {
      return new ResponseError(LSPErrorCodes.RequestFailed, e instanceof Error ? e.message : String(e));
    }
  }
}

/** Registers the live notification and request on `connection`; the command goes through `onExecuteCommand`. */
export function listenLive(connection: Connection, live: LiveLookups, onChange: () => void = () => undefined): void {
  connection.onNotification(LIVE_PROTOCOL.liveSettings, (params: unknown) => {
    live.updateSettings(params);
    onChange();
  });
  connection.onRequest(LIVE_PROTOCOL.contexts, () => live.contexts());
}

function comment(text: string): string {
  return `; ${text}\n`;
}

type Answers = { type: string; answer: Answer }[];

function liveAnswers(cluster: Cluster, live: LiveResolution, name: string, namespace: string): Answers {
  const fqdn = `${name}.${namespace}.svc.${cluster.config.zone}.`;
  const types: string[] = live.state.service?.spec.type === 'ExternalName' ? ['CNAME', ...RECORD_TYPES] : [...RECORD_TYPES];
  return types.map((type) => ({ type, answer: query(cluster, fqdn, type) }));
}

function summarize(answers: Answers, live: LiveResolution): string {
  const parts: string[] = [];
  for (const { type, answer } of answers) {
    const own = answer.answer.filter((r) => r.type === type);
    if (own.length === 1 && type !== 'SRV') parts.push(`${type} ${own[0]!.data}`);
    else if (own.length > 0) parts.push(`${type} ×${own.length}`);
  }
  if (live.state.service === undefined) return 'not in the cluster (NXDOMAIN)';
  const ready = live.state.slices.flatMap((s) => s.endpoints).filter((e) => e.ready !== false).length;
  const notReady = live.state.slices.flatMap((s) => s.endpoints).filter((e) => e.ready === false).length;
  if (live.state.service.spec.type !== 'ExternalName') parts.push(`${ready} ready, ${notReady} not ready`);
  return parts.length > 0 ? parts.join(' · ') : 'NXDOMAIN';
}

/** The preview document: header, drift as comments, then the live answers and the manifest's. */
function document(live: LiveResolution, answers: Answers, manifests: Cluster, name: string, namespace: string): string {
  const entry = manifests.services.get(serviceKey(namespace, name));
  const drift = serviceDrift(entry?.service, live.state);
  const lines = [
    `; Live answer for ${name}.${namespace} from context "${live.context}" (${live.server}), read ${new Date(live.readAt).toISOString()}`,
    `; ${live.dns.origin}`,
    ';',
    '; Drift (manifest vs cluster):',
    ...(drift.length > 0 ? drift.map((d) => `;   ${d}`) : [';   none']),
    '',
    '; ==== live: what CoreDNS serves now ====',
    '',
    answers.map((a) => formatAnswer(a.answer)).join('\n\n'),
    '',
  ];
  const mFqdn = `${name}.${namespace}.svc.${manifests.config.zone}.`;
  lines.push(`; ==== manifest: the offline answer from the workspace (zone ${manifests.config.zone}) ====`, '');
  if (entry === undefined) {
    lines.push(`; No manifest in the workspace defines Service ${namespace}/${name}.`);
  } else {
    const types = entry.externalName ? ['CNAME', ...RECORD_TYPES] : [...RECORD_TYPES];
    lines.push(types.map((type) => formatAnswer(query(manifests, mFqdn, type))).join('\n\n'));
  }
  return lines.join('\n') + '\n';
}
