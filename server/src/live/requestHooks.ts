/**
 * The client-node middleware one request runs through: it hands the request our AbortSignal
 * (client-node passes it on to fetch), reuses one connection pool per reader, and keeps the raw
 * answer (status, content type, body text) so that errors quote the server's own Status message
 * and callers get the JSON exactly as the API server sent it.
 */
import type * as ClientNode from '@kubernetes/client-node' with { 'resolution-mode': 'import' };

/** The client-node module, loaded lazily (it is large and only needed once live lookups are on). */
export type ClientNodeModule = typeof ClientNode;

/** An undici dispatcher (connection pool) as client-node hands it around. */
type Dispatcher = NonNullable<ReturnType<ClientNode.RequestContext['getDispatcher']>>;

/** What one request did, filled in as it goes. */
export interface Exchange {
  /** The request passed authentication and was handed to fetch. */
  sent: boolean;
  /** The HTTP status, once an answer arrived. */
  status?: number;
  contentType?: string;
  /** The whole body text, once read. */
  body?: string;
}

/**
 * One connection pool for all requests of a reader, so lookups reuse a TLS connection.
 * client-node builds a fresh pool per request (with the cluster's CA and client certificate);
 * with `share` off (credentials from a plugin may rotate client certificates), each request keeps
 * its own pool and `release` destroys it afterwards.
 */
export class ConnectionPool {
  private shared: Dispatcher | undefined;
  private closed = false;

  /** @param share whether requests may share one pool */
  constructor(private readonly share: boolean) {}

  /** Points the request at the shared pool (or leaves its own); returns the pool to release afterwards, if any. */
  adopt(request: ClientNode.RequestContext): Dispatcher | undefined {
    const own = request.getDispatcher();
    if (own === undefined) return undefined; // Plain HTTP or default TLS: undici's global pool.
    if (!this.share || this.closed) return own;
    if (this.shared === undefined) {
      this.shared = own;
    } else if (own !== this.shared) {
      // A pool that never connected: closing it only drops the object.
      own.close().catch(() => undefined);
      request.setDispatcher(this.shared);
    }
    return undefined;
  }

  /** Destroys a per-request pool after its request ended. */
  release(dispatcher: Dispatcher | undefined): void {
    dispatcher?.destroy().catch(() => undefined);
  }

  /** Destroys the shared pool and its sockets. */
  async close(): Promise<void> {
    this.closed = true;
    const shared = this.shared;
    this.shared = undefined;
    await shared?.destroy().catch(() => undefined);
  }
}

/**
 * Middleware for one request: passes `signal` on, records into `exchange`, and keeps the body
 * readable again for client-node's own deserializer. `onPool` receives a per-request pool to
 * release when the request is over.
 */
export function requestHooks(
  k8s: ClientNodeModule,
  signal: AbortSignal,
  exchange: Exchange,
  pool: ConnectionPool,
  onPool: (dispatcher: Dispatcher | undefined) => void,
): ClientNode.ObservableMiddleware {
  return {
    pre: (request) => {
      request.setSignal(signal);
      onPool(pool.adopt(request));
      exchange.sent = true;
      return new k8s.Observable(Promise.resolve(request));
    },
    post: (response) => new k8s.Observable(keepBody(k8s, response, exchange)),
  };
}

async function keepBody(k8s: ClientNodeModule, response: ClientNode.ResponseContext, exchange: Exchange): Promise<ClientNode.ResponseContext> {
  exchange.status = response.httpStatusCode;
  exchange.contentType = response.headers['content-type'];
  const text = await response.body.text();
  exchange.body = text;
  return new k8s.ResponseContext(response.httpStatusCode, response.headers, {
    text: () => Promise.resolve(text),
    binary: () => Promise.resolve(Buffer.from(text, 'utf8')),
    stream: () => null,
  });
}
