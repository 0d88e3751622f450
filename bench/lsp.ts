/**
 * A real LSP client over stdio for the benchmark (like test/lsp/client.ts, plus what timing
 * needs): every wait is bounded, diagnostics are matched by document version, and the server's
 * CPU time and peak RSS are read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

export interface Publish {
  readonly params: PublishDiagnosticsParams;
  /** performance.now() when it arrived. */
  readonly at: number;
}

export interface LspOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly rootUri?: string | null;
  /** The answer to `workspace/configuration` for one section. */
  readonly configuration?: (section: string | undefined) => unknown;
  readonly initializationOptions?: unknown;
  readonly env?: NodeJS.ProcessEnv;
}

export class TimeoutError extends Error {}

/** Rejects after `ms` with a TimeoutError; the timer is cleared when `p` settles. */
export function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}

const CLK_TCK = 100;

export class LspServer {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  stderr = '';
  private readonly publishes: Publish[] = [];
  private readonly waiters: { pred: (p: Publish) => boolean; resolve: (p: Publish) => void }[] = [];
  private readonly publishListeners = new Set<(p: Publish) => void>();
  private readonly notificationWaiters = new Map<string, ((params: unknown, at: number) => void)[]>();
  private exited = false;
  /** How the process ended, once it has. */
  exitStatus: string | undefined;

  constructor(readonly opts: LspOptions) {
    this.proc = spawn(opts.command, [...opts.args], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    this.proc.stderr!.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-20000);
    });
    this.proc.once('exit', (code, signal) => {
      this.exited = true;
      this.exitStatus = signal ? `killed by ${signal}` : `exit code ${code}`;
    });
    // A server that dies must not kill the bench with EPIPE.
    this.proc.stdin!.on('error', () => undefined);
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const p = { params, at: performance.now() };
      this.publishes.push(p);
      if (this.publishes.length > 1000) this.publishes.splice(0, 500);
      for (const l of this.publishListeners) l(p);
      for (const w of [...this.waiters]) {
        if (w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    // The star handlers of vscode-jsonrpc (ProtocolConnection's types leave them out).
    const star = this.conn as unknown as {
      onNotification(handler: (method: string, params: unknown) => void): void;
      onRequest(handler: (method: string, params: unknown) => unknown): void;
    };
    star.onNotification((method: string, params: unknown) => {
      const ws = this.notificationWaiters.get(method);
      if (!ws) return;
      this.notificationWaiters.delete(method);
      const at = performance.now();
      for (const w of ws) w(params, at);
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => opts.configuration?.(i.section) ?? null));
    // registerCapability, workDoneProgress/create, …: accept.
    star.onRequest(() => null);
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  async initialize(timeoutMs = 30000): Promise<void> {
    const rootUri = this.opts.rootUri ?? null;
    await bounded(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
          textDocument: {
            synchronization: { didSave: true, dynamicRegistration: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
            // As VS Code: whole-file lenses come as stubs, the ones on screen are resolved.
            codeLens: { resolveSupport: { properties: ['command'] } },
          },
        },
        initializationOptions: this.opts.initializationOptions ?? {},
      }),
      timeoutMs,
      `${this.opts.name} initialize`,
    );
    await this.conn.sendNotification('initialized', {});
  }

  /** Calls `listener` on every publishDiagnostics from now on; returns the function that stops it. */
  onPublish(listener: (p: Publish) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  /** The next publish (after now) satisfying `pred`, bounded. */
  nextDiagnostics(pred: (p: Publish) => boolean, timeoutMs: number, what: string): Promise<Publish> {
    let waiter: { pred: (p: Publish) => boolean; resolve: (p: Publish) => void } | undefined;
    const p = new Promise<Publish>((resolve) => {
      waiter = { pred, resolve };
      this.waiters.push(waiter);
    });
    return bounded(p, timeoutMs, `${this.opts.name} ${what}`).catch((e: unknown) => {
      const i = this.waiters.indexOf(waiter!);
      if (i >= 0) this.waiters.splice(i, 1);
      throw e;
    });
  }

  /** The next notification `method`, bounded. */
  nextNotification<T>(method: string, timeoutMs: number): Promise<{ params: T; at: number }> {
    const p = new Promise<{ params: T; at: number }>((resolve) => {
      const list = this.notificationWaiters.get(method) ?? [];
      list.push((params, at) => resolve({ params: params as T, at }));
      this.notificationWaiters.set(method, list);
    });
    return bounded(p, timeoutMs, `${this.opts.name} ${method}`);
  }

  /** Sends a request; resolves with its answer and its latency in ms. */
  async timed<T>(method: string, params: unknown, timeoutMs: number): Promise<{ result: T; ms: number }> {
    const t = performance.now();
    const result = await bounded(this.conn.sendRequest(method, params) as Promise<T>, timeoutMs, `${this.opts.name} ${method}`);
    return { result, ms: performance.now() - t };
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  /** User + system CPU time of the server process so far, in ms (Linux /proc). */
  cpuMs(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
    } catch {
      return undefined;
    }
  }

  /** Peak resident set size (VmHWM) in bytes. */
  peakRss(): number | undefined {
    return this.status('VmHWM');
  }

  /** Current resident set size (VmRSS) in bytes. */
  rss(): number | undefined {
    return this.status('VmRSS');
  }

  private status(field: string): number | undefined {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Why the server is gone, when it died on its own (with the end of its stderr). */
  deathNote(): string | undefined {
    if (!this.exited || this.stopping) return undefined;
    const tail = this.stderr.trim().split('\n').slice(-6).join(' | ');
    return `${this.opts.name} died (${this.exitStatus})${tail ? `: ${tail.slice(-600)}` : ''}`;
  }

  private stopping = false;

  /** Asks the server to exit (bounded), then kills it. Never throws. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
    try {
      await bounded(this.conn.sendRequest('shutdown'), Math.min(graceMs, 3000), 'shutdown');
      await this.conn.sendNotification('exit');
      await bounded(gone, graceMs, 'exit');
    } catch {
      /* busy or gone: killed below */
    }
    this.kill();
  }

  kill(): void {
    this.stopping = true;
    try {
      this.conn.dispose();
    } catch {
      /* already disposed */
    }
    if (!this.exited && this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

/** The 0-based LSP position of an offset (UTF-16, as LSP counts by default). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Line starts, for many offset → position conversions on one text. */
export class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }
}
