/**
 * Writes kubeconfig files pointing at a fake API server, into a fresh temporary directory the
 * caller removes with `cleanup()`. The file is JSON, which every kubeconfig reader accepts (YAML
 * is a superset of JSON).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The server side of a kubeconfig: where to connect and which CA to trust. */
export interface KubeconfigTarget {
  readonly url: string;
  readonly caPem: string;
  readonly token?: string;
}

/** Choices for the written file. */
export interface KubeconfigOptions {
  /** Name of the context (default `fake`), also used for its cluster and user. */
  readonly context?: string;
  /** The context's namespace (default `kiada`); null leaves it out. */
  readonly namespace?: string | null;
  /** Bearer token (default: the target's token). */
  readonly token?: string;
  /** Replaces the whole `user` entry, e.g. `{ exec: { … } }` for a credential plugin. */
  readonly user?: Record<string, unknown>;
  /** Overrides the server URL (e.g. to point at a closed port). */
  readonly server?: string;
  /** Overrides the trusted CA (PEM). */
  readonly caPem?: string;
  /** Set `current-context` (default true). */
  readonly setCurrentContext?: boolean;
  /** Directory to write into instead of a new temporary one (it is then not removed by cleanup). */
  readonly dir?: string;
  /** File name inside the directory (default `config`). */
  readonly fileName?: string;
}

/** A written kubeconfig. */
export interface WrittenKubeconfig {
  /** Absolute path of the file. */
  readonly path: string;
  /** The directory holding it. */
  readonly dir: string;
  /** Removes the temporary directory (no-op when `dir` was given). */
  cleanup(): Promise<void>;
}

/** The kubeconfig object for `target` with `options`, not yet written. */
export function kubeconfigObject(target: KubeconfigTarget, options: KubeconfigOptions = {}): Record<string, unknown> {
  const name = options.context ?? 'fake';
  const namespace = options.namespace === undefined ? 'kiada' : options.namespace;
  const token = options.token ?? target.token;
  const context: Record<string, unknown> = { cluster: name, user: name };
  if (namespace !== null) context.namespace = namespace;
  const config: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: options.server ?? target.url,
          'certificate-authority-data': Buffer.from(options.caPem ?? target.caPem).toString('base64'),
        },
      },
    ],
    users: [{ name, user: options.user ?? (token === undefined ? {} : { token }) }],
    contexts: [{ name, context }],
    preferences: {},
  };
  if (options.setCurrentContext ?? true) config['current-context'] = name;
  return config;
}

/** Writes a kubeconfig for `target` and returns where it is. */
export async function writeKubeconfig(target: KubeconfigTarget, options: KubeconfigOptions = {}): Promise<WrittenKubeconfig> {
  const owned = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'fake-kubeconfig-')));
  const path = join(dir, options.fileName ?? 'config');
  await writeFile(path, `${JSON.stringify(kubeconfigObject(target, options), null, 2)}\n`, { mode: 0o600 });
  return {
    path,
    dir,
    cleanup: async () => {
      if (owned) await rm(dir, { recursive: true, force: true });
    },
  };
}
