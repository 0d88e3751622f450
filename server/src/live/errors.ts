/**
 * Every way a live lookup can fail, turned into one `LiveError` whose message names the
 * kubeconfig context and says what to do. The wording lives here, in one place, so the editor,
 * the CLI and the tests all show the same sentences.
 */

/** What went wrong, for code that reacts differently (e.g. `not-found` is often an answer, not a failure). */
export type LiveErrorKind =
  /** No kubeconfig file at all (setting, KUBECONFIG, ~/.kube/config). */
  | 'no-kubeconfig'
  /** A kubeconfig that cannot be parsed, or whose context points at a missing cluster. */
  | 'invalid-kubeconfig'
  /** The context asked for is not in the kubeconfig, or none is selected. */
  | 'unknown-context'
  /** The user runs a credential plugin (or reads a token file) and the workspace is not trusted. */
  | 'untrusted-credentials'
  /** A trusted credential plugin ran and failed. */
  | 'credentials'
  /** Nothing listens at the server address, or the host does not resolve. */
  | 'unreachable'
  /** The server's certificate is not trusted (unknown CA, expired, wrong name). */
  | 'tls'
  /** HTTP 401. */
  | 'unauthorized'
  /** HTTP 403 (RBAC). */
  | 'forbidden'
  /** HTTP 404: the object (or the API) is not in the cluster. */
  | 'not-found'
  /** No answer within the timeout. */
  | 'timeout'
  /** The caller cancelled the lookup. */
  | 'cancelled'
  /** A 2xx answer that is not the JSON object asked for. */
  | 'invalid-response'
  /** The connection was closed before an answer came. */
  | 'connection-reset'
  /** HTTP 5xx or 429. */
  | 'server-error'
  /** Anything else (an HTTP status we do not expect, an internal error). */
  | 'unexpected';

/** A live lookup failure with one clear message. */
export class LiveError extends Error {
  override readonly name = 'LiveError';

  /**
   * @param kind what went wrong
   * @param message the sentence to show the user
   * @param context the kubeconfig context involved, when one was chosen
   * @param httpStatus the HTTP status, for failures the server answered
   */
  constructor(
    readonly kind: LiveErrorKind,
    message: string,
    readonly context?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

// ---- kubeconfig problems ------------------------------------------------------------------

/** The explicit kubeconfig (setting `k8sDns.live.kubeconfig`) does not exist. */
export function missingExplicitKubeconfig(path: string): LiveError {
  return new LiveError(
    'no-kubeconfig',
    `The kubeconfig "${path}" named by the setting k8sDns.live.kubeconfig does not exist. ` +
      'Fix the path, or clear the setting to use KUBECONFIG or ~/.kube/config as kubectl does.',
  );
}

/** KUBECONFIG lists files, none of which exists. */
export function missingKubeconfigList(files: readonly string[]): LiveError {
  return new LiveError(
    'no-kubeconfig',
    `None of the kubeconfig files in KUBECONFIG exists (${files.join(', ')}). ` +
      'Fix KUBECONFIG, or set k8sDns.live.kubeconfig to a kubeconfig file.',
  );
}

/** Neither KUBECONFIG nor ~/.kube/config gives a kubeconfig. */
export function noDefaultKubeconfig(defaultPath: string): LiveError {
  return new LiveError(
    'no-kubeconfig',
    `No kubeconfig found: KUBECONFIG is not set and ${defaultPath} does not exist. ` +
      "Create one (e.g. with your cluster provider's get-credentials command) or set k8sDns.live.kubeconfig to its path.",
  );
}

/** A kubeconfig file that cannot be read or parsed. */
export function unreadableKubeconfig(file: string, reason: string): LiveError {
  return new LiveError('invalid-kubeconfig', `The kubeconfig ${file} cannot be read: ${reason}. Fix the file (\`kubectl config view\` shows how kubectl reads it).`);
}

/** The context asked for is not defined. */
export function unknownContext(context: string, known: readonly string[], files: readonly string[]): LiveError {
  const choices = known.length === 0 ? 'it defines no contexts at all' : `it defines ${known.map((c) => `"${c}"`).join(', ')}`;
  return new LiveError(
    'unknown-context',
    `Context "${context}" is not in the kubeconfig (${files.join(', ')}); ${choices}. Choose one of those contexts.`,
    context,
  );
}

/** No context was asked for and the kubeconfig sets no current-context. */
export function noCurrentContext(known: readonly string[], files: readonly string[]): LiveError {
  const hint = known.length === 0 ? 'It defines no contexts.' : `Pick one with \`kubectl config use-context NAME\` (${known.map((c) => `"${c}"`).join(', ')}).`;
  return new LiveError('unknown-context', `The kubeconfig (${files.join(', ')}) sets no current-context. ${hint}`);
}

/** The context names a cluster that is missing (or has no server). */
export function missingCluster(context: string, cluster: string): LiveError {
  return new LiveError(
    'invalid-kubeconfig',
    `Context "${context}" names cluster "${cluster}", which is not in the kubeconfig or has no server address. Fix the kubeconfig.`,
    context,
  );
}

/** A credential plugin or token file in a workspace that is not trusted. */
export function untrustedCredentials(context: string, user: string, what: string): LiveError {
  return new LiveError(
    'untrusted-credentials',
    `Context "${context}" gets its credentials from ${what} (user "${user}"), which is never used in an untrusted workspace. ` +
      'Trust the workspace to allow it, or choose a context whose user has a token or client certificate.',
    context,
  );
}

// ---- request failures ---------------------------------------------------------------------

/** Where a request went: for the wording of its failure. */
export interface RequestTarget {
  /** The kubeconfig context. */
  readonly context: string;
  /** The API server URL. */
  readonly server: string;
  /** What was asked for, e.g. `service "quote" in namespace "kiada"`. */
  readonly what: string;
  /** The timeout that applied. */
  readonly timeoutMs: number;
  /** Whether the user's credentials come from a plugin (so a failure before sending is the plugin's). */
  readonly usesPlugin: boolean;
}

/** How a request ended, as far as the client saw it. */
export type RequestOutcome =
  | { readonly type: 'timeout' }
  | { readonly type: 'cancelled' }
  /** The server answered with a status the caller does not accept. */
  | { readonly type: 'http'; readonly status: number; readonly body: string; readonly contentType: string | undefined }
  /** A 2xx answer whose body is not what was asked for. */
  | { readonly type: 'invalid-body'; readonly status: number; readonly contentType: string | undefined; readonly problem: string }
  /** An exception with no answer from the server; `sent` says whether the request had left. */
  | { readonly type: 'thrown'; readonly error: unknown; readonly sent: boolean };

/** Turns a failed request into its one clear `LiveError`. */
export function requestError(outcome: RequestOutcome, target: RequestTarget): LiveError {
  const ctx = `context "${target.context}"`;
  const at = `the API server of ${ctx} (${target.server})`;
  switch (outcome.type) {
    case 'timeout':
      return new LiveError(
        'timeout',
        `No answer from ${at} within ${target.timeoutMs} ms while reading ${target.what}. ` +
          'Check that the cluster is up and reachable (VPN, proxy), or raise the timeout.',
        target.context,
      );
    case 'cancelled':
      return new LiveError('cancelled', `Reading ${target.what} from ${ctx} was cancelled.`, target.context);
    case 'http':
      return httpError(outcome.status, outcome.body, outcome.contentType, target, at);
    case 'invalid-body':
      return new LiveError(
        'invalid-response',
        `${capitalize(at)} answered ${target.what} with something that is not the JSON expected ` +
          `(HTTP ${outcome.status}, ${outcome.contentType ?? 'no content type'}: ${outcome.problem}). ` +
          'A proxy or load balancer in front of the cluster may be answering instead of the API server; check the server address.',
        target.context,
        outcome.status,
      );
    case 'thrown':
      return thrownError(outcome.error, outcome.sent, target, at);
  }
}

/** The Status object in an error body, when there is one. */
function statusOf(body: string, contentType: string | undefined): { message?: string; reason?: string; details?: { name?: string } } | undefined {
  if (contentType !== undefined && !/json/i.test(contentType)) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && (parsed as { kind?: unknown }).kind === 'Status') {
      return parsed as { message?: string; reason?: string; details?: { name?: string } };
    }
  } catch {
    // Not JSON: the caller words the error without the server's message.
  }
  return undefined;
}

function httpError(status: number, body: string, contentType: string | undefined, target: RequestTarget, at: string): LiveError {
  const ctx = `context "${target.context}"`;
  const statusBody = statusOf(body, contentType);
  const serverSays = statusBody?.message;
  const make = (kind: LiveErrorKind, message: string): LiveError => new LiveError(kind, message, target.context, status);
  if (status === 401) {
    return make(
      'unauthorized',
      `${capitalize(at)} rejected the credentials (401 Unauthorized) while reading ${target.what}. ` +
        'The token or certificate is missing, wrong or expired: log in to the cluster again and refresh the kubeconfig.',
    );
  }
  if (status === 403) {
    const rbac = serverSays ?? `reading ${target.what} is forbidden`;
    return make('forbidden', `${capitalize(ctx)} may not read this: ${rbac}. Ask a cluster admin for get/list permission on it, or use a context that has it.`);
  }
  if (status === 404) {
    if (statusBody?.details?.name !== undefined || /not found$/.test(serverSays ?? '')) {
      return make('not-found', `${capitalize(target.what)} is not in the cluster of ${ctx} (${serverSays ?? '404 Not Found'}).`);
    }
    return make(
      'not-found',
      `${capitalize(at)} does not serve the API needed to read ${target.what} (404${serverSays === undefined ? '' : `: ${serverSays}`}). ` +
        'The cluster may be too old (EndpointSlices need Kubernetes 1.21), or the server address points at something else.',
    );
  }
  if (status >= 500 || status === 429) {
    const detail = serverSays ?? (contentType !== undefined && !/json/i.test(contentType) ? `a non-JSON ${contentType} page, probably from a proxy` : 'no message');
    return make('server-error', `${capitalize(at)} failed with HTTP ${status} while reading ${target.what}: ${detail}. Try again later; if it persists, check the cluster's control plane.`);
  }
  return make('unexpected', `${capitalize(at)} answered HTTP ${status} while reading ${target.what}${serverSays === undefined ? '' : `: ${serverSays}`}.`);
}

/** Every `code` along an error's `cause` chain (undici wraps the socket error in `fetch failed`). */
function codesOf(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.message === 'string') messages.push(e.message);
    // Happy-eyeballs connects fail with an AggregateError of per-address errors.
    if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...codesOf(inner).codes);
    current = e.cause;
  }
  return { codes, messages };
}

const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

function thrownError(error: unknown, sent: boolean, target: RequestTarget, at: string): LiveError {
  const ctx = `context "${target.context}"`;
  const { codes, messages } = codesOf(error);
  const has = (...wanted: string[]): string | undefined => codes.find((c) => wanted.includes(c));
  const make = (kind: LiveErrorKind, message: string): LiveError => new LiveError(kind, message, target.context);

  const refused = has('ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL');
  if (refused !== undefined) {
    const why = refused === 'ECONNREFUSED' ? 'connection refused' : refused === 'ENOTFOUND' || refused === 'EAI_AGAIN' ? 'host name not found' : 'no route to host';
    return make('unreachable', `Cannot reach ${at} (${why}). Check that the cluster is running and that the server address in the kubeconfig is right.`);
  }
  const untrusted = codes.find((c) => TLS_UNTRUSTED.has(c));
  if (untrusted !== undefined) {
    return make(
      'tls',
      `The certificate of ${at} is not signed by the certificate authority the kubeconfig trusts (${untrusted}). ` +
        'Update certificate-authority-data for this cluster (e.g. fetch the kubeconfig again); never turn off verification to get past this.',
    );
  }
  const expired = has('CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID');
  if (expired !== undefined) {
    return make('tls', `The certificate of ${at} is ${expired === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'}. Check the clock of this machine and the cluster's certificates.`);
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID') !== undefined) {
    return make('tls', `The certificate of ${at} is not valid for that host name. Use the server address the certificate was issued for, or set tls-server-name in the kubeconfig.`);
  }
  if (codes.some((c) => c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS'))) {
    return make('tls', `The TLS handshake with ${at} failed (${codes.join(', ')}). Check that the server address is an HTTPS Kubernetes API server.`);
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED') !== undefined) {
    return make('connection-reset', `The connection to ${at} was closed before it answered ${target.what}. A proxy or firewall may be cutting it; try again.`);
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT') !== undefined) {
    return make('timeout', `No answer from ${at} in time while reading ${target.what}. Check that the cluster is up and reachable (VPN, proxy).`);
  }
  const first = messages.find((m) => m.trim() !== '')?.trim() ?? String(error);
  if (!sent && target.usesPlugin) {
    return make('credentials', `The credential plugin of ${ctx} failed: ${first}. Run \`kubectl get ns --context ${target.context}\` to see why (you may need to log in again).`);
  }
  if (!sent) {
    return make('invalid-kubeconfig', `Cannot prepare a request for ${ctx}: ${first}. Check the cluster and user entries of this context in the kubeconfig.`);
  }
  return make('unexpected', `Reading ${target.what} from ${at} failed: ${first}.`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
