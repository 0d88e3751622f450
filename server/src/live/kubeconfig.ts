/**
 * Finds and reads the kubeconfig the way kubectl (client-go `clientcmd`) does, picks the context,
 * and reduces it to that one context, so nothing else in the files (other users' plugins or token
 * files) is ever touched. Refuses credential plugins in an untrusted workspace before anything
 * can run them.
 *
 * kubectl's rules, followed here:
 * - an explicit file wins and must exist; else `KUBECONFIG` (a path list, missing files skipped,
 *   all files merged); else `~/.kube/config`;
 * - merging keeps the first definition of each cluster, user and context name, and the first
 *   `current-context` that is set;
 * - relative file paths are relative to the file that names them;
 * - the namespace is the context's, else `default`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  missingCluster,
  missingExplicitKubeconfig,
  missingKubeconfigList,
  noCurrentContext,
  noDefaultKubeconfig,
  unknownContext,
  unreadableKubeconfig,
  untrustedCredentials,
} from './errors';

/** Where to look and what to allow. */
export interface KubeconfigOptions {
  /** The file from the setting `k8sDns.live.kubeconfig`; empty or undefined means kubectl's search. `~/` is expanded. */
  readonly path?: string;
  /** The context to use; empty or undefined means the kubeconfig's current-context. */
  readonly context?: string;
  /** Whether the workspace is trusted. When false, credential plugins and token files are refused. */
  readonly trusted: boolean;
  /** Environment to read `KUBECONFIG` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for `~/.kube/config` (default `os.homedir()`). */
  readonly homeDir?: string;
}

/** How the chosen user proves who it is. */
export type CredentialKind = 'token' | 'token-file' | 'client-certificate' | 'basic' | 'exec' | 'auth-provider' | 'none';

/** The chosen context, ready for a client. */
export interface ResolvedKubeconfig {
  /** The context's name. */
  readonly context: string;
  /** The context's namespace, else `default`: the default namespace of every lookup. */
  readonly namespace: string;
  /** The API server URL. */
  readonly server: string;
  /** The user's name (empty when the context names none). */
  readonly user: string;
  readonly credentials: CredentialKind;
  /** The files that were read, in order. */
  readonly files: readonly string[];
  /**
   * A kubeconfig holding only this context, its cluster and its user, with file paths made
   * absolute: what `@kubernetes/client-node`'s `KubeConfig.loadFromString` takes.
   */
  readonly config: Readonly<Record<string, unknown>>;
}

type Entry = { readonly name: string; readonly body: Record<string, unknown>; readonly dir: string };

interface Merged {
  readonly clusters: Map<string, Entry>;
  readonly users: Map<string, Entry>;
  readonly contexts: Map<string, Entry>;
  currentContext: string | undefined;
}

/** Loads the kubeconfig and resolves one context. Throws `LiveError` for every problem. */
export async function loadKubeconfig(options: KubeconfigOptions): Promise<ResolvedKubeconfig> {
  const files = await findFiles(options);
  const merged: Merged = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: undefined };
  for (const file of files) mergeFile(merged, file.path, file.text);
  const paths = files.map((f) => f.path);

  const known = [...merged.contexts.keys()];
  const contextName = nonEmpty(options.context) ?? merged.currentContext;
  if (contextName === undefined) throw noCurrentContext(known, paths);
  const context = merged.contexts.get(contextName);
  if (context === undefined) throw unknownContext(contextName, known, paths);

  const clusterName = stringField(context.body, 'cluster') ?? '';
  const cluster = merged.clusters.get(clusterName);
  const server = cluster === undefined ? undefined : nonEmpty(stringField(cluster.body, 'server'));
  if (cluster === undefined || server === undefined) throw missingCluster(contextName, clusterName);

  // A context without a user (or naming a missing one) is anonymous, as in kubectl.
  const userName = stringField(context.body, 'user') ?? '';
  const user = merged.users.get(userName);
  const userBody = user?.body ?? {};
  const credentials = credentialKind(userBody);
  if (!options.trusted) refuseUntrusted(contextName, userName, userBody);

  const contextBody: Record<string, unknown> = { cluster: clusterName, user: userName };
  const namespace = nonEmpty(stringField(context.body, 'namespace'));
  if (namespace !== undefined) contextBody.namespace = namespace;
  return {
    context: contextName,
    namespace: namespace ?? 'default',
    server,
    user: userName,
    credentials,
    files: paths,
    config: {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: clusterName, cluster: absolutePaths(cluster.body, cluster.dir, ['certificate-authority']) }],
      users: [{ name: userName, user: user === undefined ? {} : clientUser(userBody, user.dir) }],
      contexts: [{ name: contextName, context: contextBody }],
      'current-context': contextName,
    },
  };
}

/** The files to read, with their text, by kubectl's precedence. */
async function findFiles(options: KubeconfigOptions): Promise<{ path: string; text: string }[]> {
  const home = options.homeDir ?? homedir();
  const explicit = nonEmpty(options.path?.trim());
  if (explicit !== undefined) {
    const path = resolve(explicit.startsWith('~/') ? join(home, explicit.slice(2)) : explicit);
    const text = await readIfExists(path);
    if (text === undefined) throw missingExplicitKubeconfig(path);
    return [{ path, text }];
  }
  const env = options.env ?? process.env;
  const list = nonEmpty(env.KUBECONFIG);
  if (list !== undefined) {
    const paths = [...new Set(list.split(delimiter).filter((p) => p !== '').map((p) => resolve(p)))];
    const found: { path: string; text: string }[] = [];
    for (const path of paths) {
      const text = await readIfExists(path);
      if (text !== undefined) found.push({ path, text });
    }
    if (found.length === 0) throw missingKubeconfigList(paths);
    return found;
  }
  const path = join(home, '.kube', 'config');
  const text = await readIfExists(path);
  if (text === undefined) throw noDefaultKubeconfig(path);
  return [{ path, text }];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw unreadableKubeconfig(path, (e as Error).message);
  }
}

/** Adds one file's entries, keeping earlier definitions (kubectl's merge). */
function mergeFile(merged: Merged, path: string, text: string): void {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw unreadableKubeconfig(path, (e as Error).message.split('\n')[0] ?? 'invalid YAML');
  }
  if (doc === null || doc === undefined) return; // An empty file is an empty config.
  if (!isRecord(doc)) throw unreadableKubeconfig(path, 'it is not a YAML mapping');
  const dir = dirname(path);
  addEntries(merged.clusters, doc.clusters, 'cluster', dir);
  addEntries(merged.users, doc.users, 'user', dir);
  addEntries(merged.contexts, doc.contexts, 'context', dir);
  merged.currentContext ??= nonEmpty(stringField(doc, 'current-context'));
}

function addEntries(into: Map<string, Entry>, list: unknown, field: string, dir: string): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    // Entries without a name or body are skipped, as kubectl skips them when unused.
    if (!isRecord(item)) continue;
    const name = stringField(item, 'name');
    const body = item[field];
    if (name === undefined || into.has(name)) continue;
    into.set(name, { name, body: isRecord(body) ? body : {}, dir });
  }
}

function credentialKind(user: Record<string, unknown>): CredentialKind {
  if (user.exec !== undefined && user.exec !== null) return 'exec';
  if (user['auth-provider'] !== undefined && user['auth-provider'] !== null) return 'auth-provider';
  if (nonEmpty(stringField(user, 'token')) !== undefined) return 'token';
  if (nonEmpty(stringField(user, 'token-file') ?? stringField(user, 'tokenFile')) !== undefined) return 'token-file';
  if (user['client-certificate'] !== undefined || user['client-certificate-data'] !== undefined) return 'client-certificate';
  if (user.username !== undefined) return 'basic';
  return 'none';
}

/**
 * An untrusted workspace may point the extension at a kubeconfig it ships. Such a file must not
 * run programs (exec plugins, auth providers such as gcp's `cmd-path`) nor send a local file of
 * its choosing as a bearer token to a server of its choosing.
 */
function refuseUntrusted(context: string, userName: string, user: Record<string, unknown>): void {
  if (isRecord(user.exec)) {
    const command = stringField(user.exec, 'command') ?? '?';
    throw untrustedCredentials(context, userName, `the exec credential plugin "${command}"`);
  }
  if (user.exec !== undefined && user.exec !== null) throw untrustedCredentials(context, userName, 'an exec credential plugin');
  if (user['auth-provider'] !== undefined && user['auth-provider'] !== null) {
    const provider = isRecord(user['auth-provider']) ? stringField(user['auth-provider'], 'name') : undefined;
    throw untrustedCredentials(context, userName, `the auth-provider plugin "${provider ?? '?'}"`);
  }
  const tokenFile = stringField(user, 'token-file') ?? stringField(user, 'tokenFile');
  if (tokenFile !== undefined) throw untrustedCredentials(context, userName, `the token file "${tokenFile}"`);
}

/**
 * The user entry as client-node reads it: paths absolute, and kubectl's `tokenFile` spelled the
 * way client-node looks for it (`token-file`).
 */
function clientUser(body: Record<string, unknown>, dir: string): Record<string, unknown> {
  const user = absolutePaths(body, dir, ['client-certificate', 'client-key', 'token-file', 'tokenFile']);
  if (user['token-file'] === undefined && typeof user.tokenFile === 'string') user['token-file'] = user.tokenFile;
  delete user.tokenFile;
  return user;
}

function absolutePaths(body: Record<string, unknown>, dir: string, keys: readonly string[]): Record<string, unknown> {
  const copy = { ...body };
  for (const key of keys) {
    const value = copy[key];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) copy[key] = join(dir, value);
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(obj: Record<string, unknown>, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** One context of a kubeconfig, for a context picker. */
export interface KubeContextSummary {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  /** The context's namespace, else `default`. */
  readonly namespace: string;
}

/** Every context of the kubeconfig and the current one, as kubectl merges the files. */
export interface KubeContextList {
  readonly contexts: readonly KubeContextSummary[];
  /** The current-context, when the kubeconfig sets one. */
  readonly current?: string;
  /** The files that were read, in order. */
  readonly files: readonly string[];
}

/**
 * Lists the contexts of the kubeconfig (same search as `loadKubeconfig`). Reads the files only:
 * no credentials are looked at and nothing runs. Throws `LiveError` when there is no kubeconfig
 * or it cannot be parsed.
 */
export async function listKubeContexts(options: Omit<KubeconfigOptions, 'context' | 'trusted'>): Promise<KubeContextList> {
  const files = await findFiles({ ...options, trusted: false });
  const merged: Merged = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: undefined };
  for (const file of files) mergeFile(merged, file.path, file.text);
  const contexts = [...merged.contexts.values()].map((c) => ({
    name: c.name,
    cluster: stringField(c.body, 'cluster') ?? '',
    user: stringField(c.body, 'user') ?? '',
    namespace: nonEmpty(stringField(c.body, 'namespace')) ?? 'default',
  }));
  return { contexts, ...(merged.currentContext !== undefined ? { current: merged.currentContext } : {}), files: files.map((f) => f.path) };
}
