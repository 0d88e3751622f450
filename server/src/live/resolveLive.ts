/**
 * A live "Resolve" of one Service: reads the Service, its EndpointSlices, the Pods of its
 * namespace and the CoreDNS Corefile from the cluster (in parallel, each under the reader's
 * timeout and the caller's AbortSignal), turns them into model objects through `readKubeObject`
 * like manifests, and builds the same engine's cluster view. Every failure is a `LiveError`.
 */
import { buildCluster, type Cluster, type ClusterConfig } from '../dns';
import { isEndpointSlice, isPod, isService, readKubeObject, syntheticSource, type KubeObject } from '../manifests';
import { createClusterReader, DEFAULT_TIMEOUT_MS, type ClusterObject, type ClusterReader } from './client';
import { liveDnsSettings, type LiveDnsSettings } from './corefile';
import type { LiveServiceState } from './drift';
import { LiveError } from './errors';
import { loadKubeconfig, type ResolvedKubeconfig } from './kubeconfig';

/** Where the CoreDNS configuration lives in a kubeadm-style cluster. */
export const COREDNS_CONFIGMAP = { namespace: 'kube-system', name: 'coredns' } as const;

/** Which cluster to read and how. */
export interface LiveConnectOptions {
  /** A kubeconfig file; empty or undefined means kubectl's search (KUBECONFIG, ~/.kube/config). */
  readonly kubeconfig?: string;
  /** A context; empty or undefined means the current-context. */
  readonly context?: string;
  /** Whether credential plugins may run (the CLI: yes; an editor: only in a trusted workspace). */
  readonly trusted: boolean;
  /** Bound on each API call (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Environment for KUBECONFIG (tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Loads the kubeconfig and opens a reader on its context. Rejects only with `LiveError`. */
export async function connectLive(options: LiveConnectOptions): Promise<{ kubeconfig: ResolvedKubeconfig; reader: ClusterReader }> {
  return asLiveError(async () => {
    const kubeconfig = await loadKubeconfig({
      trusted: options.trusted,
      ...(options.kubeconfig !== undefined ? { path: options.kubeconfig } : {}),
      ...(options.context !== undefined ? { context: options.context } : {}),
      ...(options.env !== undefined ? { env: options.env } : {}),
    });
    const reader = await createClusterReader(kubeconfig, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return { kubeconfig, reader };
  });
}

/** One Service to look up. */
export interface LiveLookup {
  readonly namespace: string;
  readonly name: string;
  /** The configuration to answer with when the Corefile cannot be read (the user's settings). */
  readonly fallback: ClusterConfig;
  readonly signal?: AbortSignal;
}

/** What the cluster holds for one Service, as the engine's input. */
export interface LiveResolution {
  readonly context: string;
  readonly server: string;
  readonly namespace: string;
  readonly name: string;
  /** The DNS configuration answered with, and where it came from. */
  readonly dns: LiveDnsSettings;
  /** The engine's view of the live objects (`query(cluster, …)` answers as CoreDNS does). */
  readonly cluster: Cluster;
  /** The live Service (undefined when absent), its slices and the namespace's pods, for drift. */
  readonly state: LiveServiceState;
  /** When the objects were read (ms since the epoch). */
  readonly readAt: number;
}

/** The pseudo file name of a live object: `cluster://<context>/<ns>/<kind>/<name>`. */
export function liveSourceFile(context: string, obj: ClusterObject): string {
  const ns = obj.metadata.namespace ?? '_';
  return `cluster://${context}/${ns}/${obj.kind}/${obj.metadata.name}`;
}

/** Turns live JSON objects into model objects, exactly as manifests are read. */
export function liveObjects(context: string, raw: readonly ClusterObject[], defaultNamespace: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const obj of raw) {
    const read = readKubeObject(obj, syntheticSource(liveSourceFile(context, obj), obj), { defaultNamespace });
    if (read.object !== undefined) out.push(read.object);
  }
  return out;
}

/** Reads one Service and everything CoreDNS uses to answer for it; rejects only with `LiveError`. */
export async function resolveLive(reader: ClusterReader, lookup: LiveLookup): Promise<LiveResolution> {
  return asLiveError(async () => {
    const { namespace, name } = lookup;
    // One failure ends the other reads at once: their answers would be thrown away.
    const inner = new AbortController();
    const onAbort = (): void => inner.abort();
    if (lookup.signal?.aborted) inner.abort();
    lookup.signal?.addEventListener('abort', onAbort, { once: true });
    const failFast = (e: unknown): never => {
      inner.abort();
      throw e;
    };
    let corefileProblem: string | undefined;
    try {
      const [service, slices, pods, configMap] = await Promise.all([
        reader.getService(namespace, name, inner.signal).catch((e: unknown) => (isKind(e, 'not-found') ? undefined : failFast(e))),
        reader.listEndpointSlices(namespace, name, inner.signal).catch(failFast),
        reader.listPods(namespace, inner.signal).catch(failFast),
        reader.getConfigMap(COREDNS_CONFIGMAP.namespace, COREDNS_CONFIGMAP.name, inner.signal).catch((e: unknown) => {
          // Many users may not read kube-system, and clusters without CoreDNS have no such map:
          // answer with the settings then, and say so.
          if (isKind(e, 'not-found') || isKind(e, 'forbidden')) {
            corefileProblem = `kube-system/coredns could not be read (${isKind(e, 'not-found') ? 'not found' : 'forbidden'})`;
            return undefined;
          }
          return failFast(e);
        }),
      ]);
      const data = configMap?.data;
      const corefile = typeof data === 'object' && data !== null && typeof (data as { Corefile?: unknown }).Corefile === 'string' ? (data as { Corefile: string }).Corefile : undefined;
      if (configMap !== undefined && corefile === undefined) corefileProblem = 'kube-system/coredns has no Corefile';
      const dns = liveDnsSettings(corefile, { ...lookup.fallback, defaultNamespace: namespace }, corefileProblem);

      const context = reader.context;
      const svcObjects = liveObjects(context, service === undefined ? [] : [service], namespace).filter(isService);
      const sliceObjects = service === undefined ? [] : liveObjects(context, slices, namespace).filter(isEndpointSlice);
      const podObjects = liveObjects(context, pods, namespace).filter(isPod);
      // The engine gets no Pods: in a cluster the EndpointSlices are the whole truth CoreDNS
      // serves, and given pods the engine would derive endpoints from them as it does for
      // manifests (with no slices yet, CoreDNS serves none, however many pods match).
      const cluster = buildCluster([...svcObjects, ...sliceObjects], dns.config);
      const state: LiveServiceState = { namespace, name, context, service: svcObjects[0], slices: sliceObjects, pods: podObjects };
      return { context, server: reader.server, namespace, name, dns, cluster, state, readAt: Date.now() };
    } finally {
      lookup.signal?.removeEventListener('abort', onAbort);
    }
  });
}

function isKind(e: unknown, kind: LiveError['kind']): boolean {
  return e instanceof LiveError && e.kind === kind;
}

/** Runs `work`, turning anything but a `LiveError` into one (the live layer's only failure type). */
async function asLiveError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof LiveError) throw e;
    throw new LiveError('unexpected', `The live lookup failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
