/**
 * A loopback HTTPS server that speaks enough of the Kubernetes API for kubectl and
 * @kubernetes/client-node: discovery, `/version`, list and get of the resources in
 * `resources.ts`, bearer-token authentication, real Status errors, and fault injection.
 * Read-only; no watch. Listens on 127.0.0.1 on a free port.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import {
  aggregatedDiscovery,
  AGGREGATED_MEDIA_TYPE,
  legacyCoreVersions,
  legacyGroup,
  legacyGroupList,
  resourceList,
  wantsAggregated,
} from './discovery';
import { FaultTable, type FaultRule } from './faults';
import { parseLabelSelector, SelectorSyntaxError } from './labelSelector';
import { parseResourcePath, type RequestInfo } from './requestInfo';
import { groupVersion, type ResourceInfo } from './resources';
import { badRequest, methodNotAllowed, notFound, statusForCode, unauthorized, unknownPath } from './status';
import { ObjectStore, type KubeObjectJson } from './store';
import { TABLE_MEDIA_TYPE, toTable, wantsTable } from './tables';
import { generateTlsMaterial, type TlsMaterial } from './tls';

/** How to start a fake API server. Every field is optional. */
export interface FakeKubeApiOptions {
  /** The objects the cluster holds at start. */
  readonly seed?: readonly KubeObjectJson[];
  /** The one bearer token accepted (default: random). */
  readonly token?: string;
  /** The user name RBAC messages name (default `system:serviceaccount:default:viewer`). */
  readonly user?: string;
  /** Answer aggregated discovery when asked (default true); false forces legacy discovery. */
  readonly aggregatedDiscovery?: boolean;
  /** `gitVersion` reported by `/version` (default `v1.33.1`). */
  readonly gitVersion?: string;
  /** Certificates to serve (default: a fresh CA of this server's own). */
  readonly tls?: TlsMaterial;
}

/** One request the server received, for assertions. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly accept: string | undefined;
  readonly authorization: string | undefined;
  /** Which connection carried it (1, 2, …), to see whether a client reuses connections. */
  readonly connection: number;
}

const TRUNCATED_JSON = '{"kind":"ServiceList","items":[{"metadata":{"name":"quote"'; // cut mid-object: not JSON

/** A running fake API server. Create with {@link FakeKubeApi.start}; always {@link FakeKubeApi.stop}. */
export class FakeKubeApi {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** The CA certificate (PEM) that signed this server's certificate. */
  readonly caPem: string;
  /** The bearer token this server accepts. */
  readonly token: string;
  /** The user named in RBAC messages. */
  readonly user: string;
  /** What the cluster holds; tests may change it while the server runs. */
  readonly store: ObjectStore;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[] = [];

  private readonly faults = new FaultTable();
  private readonly sockets = new Set<Socket>();
  private readonly socketIds = new WeakMap<Socket, number>();
  private connections = 0;
  private readonly stopping = new AbortController();
  private readonly aggregated: boolean;
  private readonly gitVersion: string;

  private constructor(private readonly server: Server, port: number, options: FakeKubeApiOptions, tls: TlsMaterial) {
    this.url = `https://127.0.0.1:${port}`;
    this.caPem = tls.caCert;
    this.token = options.token ?? randomBytes(16).toString('hex');
    this.user = options.user ?? 'system:serviceaccount:default:viewer';
    this.store = new ObjectStore(options.seed);
    this.aggregated = options.aggregatedDiscovery ?? true;
    this.gitVersion = options.gitVersion ?? 'v1.33.1';
  }

  /** Generates certificates (unless given), listens on 127.0.0.1:0 and resolves once listening. */
  static async start(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
    const tls = options.tls ?? (await generateTlsMaterial());
    const server = createServer({ key: tls.serverKey, cert: tls.serverCert });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('fake-kube-api: no TCP address');
    const api = new FakeKubeApi(server, address.port, options, tls);
    api.attach();
    return api;
  }

  /** The port listened on. */
  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Adds a fault rule; returns a function that removes it. */
  inject(rule: FaultRule): () => void {
    return this.faults.add(rule);
  }

  /** Removes every fault rule. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Stops listening, ends pending delays and destroys every open socket (hung requests too). */
  async stop(): Promise<void> {
    this.stopping.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private attach(): void {
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // Requests see the TLS socket, not the TCP one: number those.
    this.server.on('secureConnection', (socket: Socket) => this.socketIds.set(socket, ++this.connections));
    // A client that rejects our certificate aborts the handshake; that is expected in tests.
    this.server.on('tlsClientError', () => undefined);
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://fake.invalid');
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: req.headers.accept,
      authorization: req.headers.authorization,
      connection: this.socketIds.get(req.socket) ?? 0,
    });
    const rule = this.faults.take(method, url.pathname);
    if (rule === undefined) {
      this.answer(req, res, url);
      return;
    }
    void this.applyFault(rule, req, res, url);
  }

  private async applyFault(rule: FaultRule, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (rule.delayMs !== undefined && !(await this.sleep(rule.delayMs))) return;
    const respond = rule.respond;
    if (respond === undefined) {
      this.answer(req, res, url);
    } else if (respond === 'hang') {
      // Nothing: the request stays unanswered until the client gives up or the server stops.
    } else if (respond === 'reset') {
      req.socket.destroy();
    } else if (respond === 'invalid-json') {
      send(res, 200, TRUNCATED_JSON, 'application/json');
    } else if ('raw' in respond) {
      send(res, respond.status ?? 200, respond.raw, respond.contentType ?? 'application/json');
    } else {
      const info = parseResourcePath(url.pathname);
      const status = statusForCode(respond.status, info, this.user, respond.message);
      sendJson(res, status.code, status);
    }
  }

  /** Resolves true after `ms`, or false at once if the server stops first. */
  private sleep(ms: number): Promise<boolean> {
    const signal = this.stopping.signal;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onStop = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onStop);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onStop, { once: true });
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') {
      sendJson(res, 405, methodNotAllowed());
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      sendJson(res, 401, unauthorized());
      return;
    }
    const accept = req.headers.accept;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path === '/version') {
      sendJson(res, 200, this.versionInfo());
    } else if (path === '/api' || path === '/apis') {
      if (this.aggregated && wantsAggregated(accept)) {
        send(res, 200, JSON.stringify(aggregatedDiscovery(path === '/api')), AGGREGATED_MEDIA_TYPE);
      } else {
        sendJson(res, 200, path === '/api' ? legacyCoreVersions(`127.0.0.1:${this.port}`) : legacyGroupList());
      }
    } else if (/^\/apis\/[^/]+$/.test(path)) {
      sendOr404(res, legacyGroup(path.slice('/apis/'.length)));
    } else if (/^\/api\/[^/]+$/.test(path)) {
      sendOr404(res, resourceList('', path.slice('/api/'.length)));
    } else if (/^\/apis\/[^/]+\/[^/]+$/.test(path)) {
      const [, , group, version] = path.split('/');
      sendOr404(res, resourceList(group!, version!));
    } else {
      this.answerResource(res, url, accept, parseResourcePath(path));
    }
  }

  private answerResource(res: ServerResponse, url: URL, accept: string | undefined, info: RequestInfo | undefined): void {
    const served = info?.served;
    if (info === undefined || served === undefined || !scopeFits(served, info)) {
      sendJson(res, 404, unknownPath());
      return;
    }
    if (info.name !== undefined) {
      const obj = this.store.get(served, info.namespace, info.name);
      if (obj === undefined) sendJson(res, 404, notFound(info));
      else if (wantsTable(accept)) send(res, 200, JSON.stringify(toTable(served, [obj], this.store.resourceVersion)), TABLE_MEDIA_TYPE);
      else sendJson(res, 200, obj);
      return;
    }
    let items: KubeObjectJson[];
    try {
      items = this.store.list(served, info.namespace, parseLabelSelector(url.searchParams.get('labelSelector')));
    } catch (e) {
      if (!(e instanceof SelectorSyntaxError)) throw e;
      sendJson(res, 400, badRequest(e.message));
      return;
    }
    if (wantsTable(accept)) {
      send(res, 200, JSON.stringify(toTable(served, items, this.store.resourceVersion)), TABLE_MEDIA_TYPE);
      return;
    }
    sendJson(res, 200, {
      kind: served.listKind,
      apiVersion: groupVersion(served),
      metadata: { resourceVersion: this.store.resourceVersion },
      // Like the real server, list items carry no kind/apiVersion of their own.
      items: items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest),
    });
  }

  private versionInfo(): unknown {
    const [major, minor] = this.gitVersion.replace(/^v/, '').split('.');
    return {
      major,
      minor,
      gitVersion: this.gitVersion,
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2025-05-15T00:00:00Z',
      goVersion: 'go1.24.2',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
  }
}

/** Cluster-scoped resources have no namespace in the URL; namespaced ones need one to get by name. */
function scopeFits(served: ResourceInfo, info: RequestInfo): boolean {
  if (!served.namespaced) return info.namespace === undefined;
  return info.name === undefined || info.namespace !== undefined;
}

function send(res: ServerResponse, code: number, body: string, contentType: string): void {
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache, private',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  send(res, code, JSON.stringify(body), 'application/json');
}

function sendOr404(res: ServerResponse, body: unknown): void {
  if (body === undefined) sendJson(res, 404, unknownPath());
  else sendJson(res, 200, body);
}
