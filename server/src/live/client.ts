/**
 * Reads the objects CoreDNS reads (Services, EndpointSlices, Pods, Namespaces) and the CoreDNS
 * ConfigMap from a live cluster through @kubernetes/client-node. Every call is bounded by a
 * timeout and can be cancelled; every failure is a `LiveError` with one clear message. Objects
 * come back as the plain JSON the API server sent (converting them to the model is not this
 * file's job).
 */
import { withDeadline, DeadlineExceeded } from './deadline';
import { LiveError, requestError, type RequestTarget } from './errors';
import type { ResolvedKubeconfig } from './kubeconfig';
import { ConnectionPool, requestHooks, type ClientNodeModule, type Exchange } from './requestHooks';

/** The default bound on one API call. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** A Kubernetes object as the API server sends it. */
export interface ClusterObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly [field: string]: unknown;
  };
  readonly [field: string]: unknown;
}

/**
 * Read access to one cluster (one kubeconfig context). Each call takes an optional AbortSignal
 * and ends within the reader's timeout, resolving or rejecting with a `LiveError`.
 */
export interface ClusterReader {
  /** The kubeconfig context read from. */
  readonly context: string;
  /** The context's namespace: the default for lookups. */
  readonly namespace: string;
  /** The API server URL. */
  readonly server: string;
  /** One Service; rejects with kind `not-found` when the cluster has none of that name. */
  getService(namespace: string, name: string, signal?: AbortSignal): Promise<ClusterObject>;
  /** The EndpointSlices labelled `kubernetes.io/service-name=<serviceName>` (how CoreDNS ties slices to a Service). */
  listEndpointSlices(namespace: string, serviceName: string, signal?: AbortSignal): Promise<ClusterObject[]>;
  /** All Pods of a namespace. */
  listPods(namespace: string, signal?: AbortSignal): Promise<ClusterObject[]>;
  /** One ConfigMap (e.g. `kube-system/coredns` for the Corefile). */
  getConfigMap(namespace: string, name: string, signal?: AbortSignal): Promise<ClusterObject>;
  /** All Namespaces (CoreDNS answers only for namespaces that exist). */
  listNamespaces(signal?: AbortSignal): Promise<ClusterObject[]>;
  /** Closes pooled connections. Calls after this still work but open new connections. */
  close(): Promise<void>;
}

/** Tuning for a reader. */
export interface ClusterReaderOptions {
  /** Bound on each call, in milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

let clientNode: Promise<ClientNodeModule> | undefined;

/** Loads @kubernetes/client-node once, on first use: it is an ES module and costs startup time. */
async function loadClientNode(): Promise<ClientNodeModule> {
  clientNode ??= import('@kubernetes/client-node');
  try {
    return await clientNode;
  } catch (e) {
    // E.g. a Node.js too old for its HTTP library: live lookups fail, the server stays up.
    throw new LiveError('unexpected', `The Kubernetes client library cannot be loaded (${(e as Error).message}); live lookups are unavailable.`);
  }
}

/**
 * A reader for the context `kubeconfig` resolved (see `loadKubeconfig`, which already refused
 * credential plugins in untrusted workspaces). Rejects with a `LiveError` when client-node cannot
 * use the context's entries (e.g. a token file that does not exist).
 */
export async function createClusterReader(kubeconfig: ResolvedKubeconfig, options: ClusterReaderOptions = {}): Promise<ClusterReader> {
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromString(JSON.stringify(kubeconfig.config));
  } catch (e) {
    throw new LiveError(
      'invalid-kubeconfig',
      `The entries of context "${kubeconfig.context}" cannot be used: ${(e as Error).message}. Fix the kubeconfig (${kubeconfig.files.join(', ')}).`,
      kubeconfig.context,
    );
  }
  return new ApiClusterReader(k8s, kc, kubeconfig, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

/** Per-call client-node options (our middleware goes in here). */
type CallOptions = NonNullable<Parameters<InstanceType<ClientNodeModule['CoreV1Api']>['listNamespace']>[1]>;
/** Sends one API call with the given options. */
type Send = (options: CallOptions) => Promise<unknown>;

class ApiClusterReader implements ClusterReader {
  readonly context: string;
  readonly namespace: string;
  readonly server: string;
  private readonly core: InstanceType<ClientNodeModule['CoreV1Api']>;
  private readonly discovery: InstanceType<ClientNodeModule['DiscoveryV1Api']>;
  private readonly pool: ConnectionPool;
  private readonly usesPlugin: boolean;

  constructor(
    private readonly k8s: ClientNodeModule,
    kc: InstanceType<ClientNodeModule['KubeConfig']>,
    kubeconfig: ResolvedKubeconfig,
    private readonly timeoutMs: number,
  ) {
    this.context = kubeconfig.context;
    this.namespace = kubeconfig.namespace;
    this.server = kubeconfig.server;
    this.core = kc.makeApiClient(k8s.CoreV1Api);
    this.discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
    this.usesPlugin = kubeconfig.credentials === 'exec' || kubeconfig.credentials === 'auth-provider';
    this.pool = new ConnectionPool(!this.usesPlugin);
  }

  getService(namespace: string, name: string, signal?: AbortSignal): Promise<ClusterObject> {
    return this.getOne(`service "${name}" in namespace "${namespace}"`, 'Service', (o) => this.core.readNamespacedService({ name, namespace }, o), signal);
  }

  listEndpointSlices(namespace: string, serviceName: string, signal?: AbortSignal): Promise<ClusterObject[]> {
    const labelSelector = `kubernetes.io/service-name=${serviceName}`;
    return this.list(
      `the EndpointSlices of service "${serviceName}" in namespace "${namespace}"`,
      'EndpointSliceList',
      (o) => this.discovery.listNamespacedEndpointSlice({ namespace, labelSelector }, o),
      signal,
    );
  }

  listPods(namespace: string, signal?: AbortSignal): Promise<ClusterObject[]> {
    return this.list(`the pods in namespace "${namespace}"`, 'PodList', (o) => this.core.listNamespacedPod({ namespace }, o), signal);
  }

  getConfigMap(namespace: string, name: string, signal?: AbortSignal): Promise<ClusterObject> {
    return this.getOne(`configmap "${name}" in namespace "${namespace}"`, 'ConfigMap', (o) => this.core.readNamespacedConfigMap({ name, namespace }, o), signal);
  }

  listNamespaces(signal?: AbortSignal): Promise<ClusterObject[]> {
    return this.list('the namespaces', 'NamespaceList', (o) => this.core.listNamespace({}, o), signal);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async getOne(what: string, kind: string, send: Send, signal: AbortSignal | undefined): Promise<ClusterObject> {
    const { json, exchange, target } = await this.request(what, send, signal);
    if (!isObject(json) || json.kind !== kind) throw invalidBody(exchange, target, `expected a ${kind}`);
    return json;
  }

  private async list(what: string, listKind: string, send: Send, signal: AbortSignal | undefined): Promise<ClusterObject[]> {
    const { json, exchange, target } = await this.request(what, send, signal);
    const items = isRecord(json) ? json.items : undefined;
    if (!isRecord(json) || json.kind !== listKind || !(Array.isArray(items) || items === null)) {
      throw invalidBody(exchange, target, `expected a ${listKind}`);
    }
    const itemKind = listKind.replace(/List$/, '');
    const apiVersion = typeof json.apiVersion === 'string' ? json.apiVersion : 'v1';
    // List items come without kind and apiVersion; put them back so each object stands alone.
    return (items ?? []).filter(isObjectShaped).map((item) => ({ ...item, apiVersion, kind: itemKind }) as ClusterObject);
  }

  /** Sends one request under the deadline and returns the parsed JSON body of its 2xx answer. */
  private async request(what: string, send: Send, signal: AbortSignal | undefined): Promise<{ json: unknown; exchange: Exchange; target: RequestTarget }> {
    const target: RequestTarget = { context: this.context, server: this.server, what, timeoutMs: this.timeoutMs, usesPlugin: this.usesPlugin };
    const exchange: Exchange = { sent: false };
    let ownPool: Parameters<ConnectionPool['release']>[0];
    try {
      await withDeadline(
        (abort) => send({ middleware: [requestHooks(this.k8s, abort, exchange, this.pool, (d) => (ownPool = d))], middlewareMergeStrategy: 'append' }),
        this.timeoutMs,
        signal,
      );
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw requestError({ type: e.reason }, target);
      const status = exchange.status;
      if (status === undefined || exchange.body === undefined) throw requestError({ type: 'thrown', error: e, sent: exchange.sent }, target);
      if (status < 200 || status > 299) throw requestError({ type: 'http', status, body: exchange.body, contentType: exchange.contentType }, target);
      // A 2xx client-node could not deserialize: judged below from the raw body.
    } finally {
      this.pool.release(ownPool);
    }
    if (exchange.body === undefined) throw requestError({ type: 'thrown', error: new Error('no answer body'), sent: exchange.sent }, target);
    try {
      return { json: JSON.parse(exchange.body) as unknown, exchange, target };
    } catch {
      throw invalidBody(exchange, target, 'the body is not JSON');
    }
  }
}

function invalidBody(exchange: Exchange, target: RequestTarget, problem: string): LiveError {
  return requestError({ type: 'invalid-body', status: exchange.status ?? 0, contentType: exchange.contentType, problem }, target);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectShaped(value: unknown): value is Record<string, unknown> & { metadata: { name: string } } {
  return isRecord(value) && isRecord(value.metadata) && typeof value.metadata.name === 'string';
}

function isObject(value: unknown): value is ClusterObject {
  return isObjectShaped(value) && typeof value.kind === 'string' && typeof value.apiVersion === 'string';
}
