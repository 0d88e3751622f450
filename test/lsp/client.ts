/**
 * A real LSP client for tests: spawns the built server over stdio and speaks to it through
 * vscode-languageserver-protocol. Waits on events, never on fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '../../out/server.js');

export interface TestClient {
  readonly conn: ProtocolConnection;
  /** The server's capabilities from its `initialize` answer. */
  readonly capabilities: ServerCapabilities;
  readonly proc: ChildProcess;
  /** The latest diagnostics per URI. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** The server's `window/logMessage` messages, in order. */
  readonly logs: string[];
  /** The server's `window/showMessage` messages, in order. */
  readonly messages: { type: number; message: string }[];
  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (or the current ones, if they do). */
  waitForDiagnostics(uri: string, pred?: (d: Diagnostic[], version?: number) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): void;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly folder?: string;
  /** Several workspace folders (instead of `folder`). */
  readonly folders?: readonly string[];
  readonly settings?: Record<string, unknown>;
  /** The `k8sDns` settings for a `workspace/configuration` item (its `scopeUri`, if any); overrides `settings`. */
  readonly settingsFor?: (scopeUri: string | undefined) => Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
  /** The server process's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** `textDocument` client capabilities beyond hover's (e.g. codeLens resolve support). */
  readonly textDocumentCapabilities?: Record<string, unknown>;
}

export async function startClient(opts: StartOptions = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(opts.env ? { env: opts.env } : {}) });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const versions = new Map<string, number | undefined>();
  const waiters: { uri: string; pred: (d: Diagnostic[], version?: number) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    versions.set(p.uri, p.version);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics, p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) =>
    p.items.map((item) => (opts.settingsFor ? opts.settingsFor(item.scopeUri) : (opts.settings ?? {}))),
  );
  conn.onRequest('client/registerCapability', () => null);
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  const messages: { type: number; message: string }[] = [];
  conn.onNotification('window/showMessage', (p: { type: number; message: string }) => void messages.push(p));
  conn.listen();
  const folders = (opts.folders ?? (opts.folder ? [opts.folder] : [])).map((f, i) => ({ uri: pathToFileURL(f).href, name: `test${i}` }));
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders.length ? folders : null,
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] }, ...opts.textDocumentCapabilities } },
    initializationOptions: opts.initializationOptions ?? {},
  })) as { capabilities: ServerCapabilities };
  await conn.sendNotification('initialized', {});
  return {
    conn,
    capabilities: init.capabilities,
    proc,
    diagnostics,
    logs,
    messages,
    waitForDiagnostics(uri, pred = () => true, timeoutMs = 10000) {
      const current = diagnostics.get(uri);
      if (current && pred(current, versions.get(uri))) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}\n${stderr}`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (d) => (clearTimeout(t), resolve(d)) });
      });
    },
    open(uri, text, languageId = 'yaml') {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    async close() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        /* the server may already be gone */
      }
      conn.dispose();
      if (proc.exitCode === null) {
        await new Promise<void>((r) => {
          const t = setTimeout(() => (proc.kill('SIGKILL'), r()), 3000);
          proc.once('exit', () => (clearTimeout(t), r()));
        });
      }
    },
  };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The 0-based position of the `nth` occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not found`);
  }
  const off = i + delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - before.lastIndexOf('\n') - 1 };
}
