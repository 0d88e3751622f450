/**
 * Parsing a large file on two cores. Parsing YAML is most of the cost of opening a large file, and
 * its documents are independent: a worker thread parses the later documents while the main thread
 * parses the earlier ones, then the main thread makes objects of the worker's plain results.
 *
 * The call stays synchronous (the index's `setFile` is): the main thread waits for the worker
 * with `Atomics.wait` and reads its messages with `receiveMessageOnPort`. Anything the worker does
 * not deliver (it failed, or stalled) is parsed on the main thread, so the result never depends
 * on the worker.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DocumentChunk } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';
import type { SyntaxJob, SyntaxReply } from './protocol';

/** Files shorter than this are parsed on the main thread: a worker costs ~50 ms to start. */
const MIN_LENGTH = 1024 * 1024;
/** The share of the text the main thread parses itself; it also builds every object. */
const LOCAL_SHARE = 0.45;
/** No message for this long: the worker is given up on, and the rest parsed here. */
const STALL_MS = 10_000;

interface WorkerSettings {
  /** The worker's script; `undefined` turns the worker off. */
  readonly script: string | undefined;
  readonly minLength: number;
  readonly stallMs: number;
  /** Cores needed to use the worker (on one core it would only take turns with the main thread). */
  readonly minCores: number;
}

/** The bundled worker (out/syntaxWorker.js beside out/server.js and out/cli.js). */
let settings: WorkerSettings = { script: join(__dirname, 'syntaxWorker.js'), minLength: MIN_LENGTH, stallMs: STALL_MS, minCores: 2 };

/** Documents the worker has parsed since the process started (for tests and logs). */
export const workerStats = { documents: 0 };

/** Sets the worker script (tests run the sources, not the bundle) and, for tests, the thresholds. */
export function useSyntaxWorker(script: string | undefined, opts: { minLength?: number; stallMs?: number; minCores?: number } = {}): void {
  settings = { script, minLength: opts.minLength ?? MIN_LENGTH, stallMs: opts.stallMs ?? STALL_MS, minCores: opts.minCores ?? 2 };
}

/** The worker's script when a worker can help here (it is built, and there is a second core). */
export function usableScript(): string | undefined {
  const { script, minCores } = settings;
  return script && availableParallelism() >= minCores && existsSync(script) ? script : undefined;
}

/** How long a worker may stay silent before it is given up on. */
export function stallTimeout(): number {
  return settings.stallMs;
}

/**
 * Reads every chunk of `text` with `read`, in order: `read(i)` parses chunk `i` itself;
 * `read(i, syntax)` makes objects of a syntax the worker parsed.
 */
export function readChunks<T>(text: string, chunks: readonly DocumentChunk[], file: string, helm: boolean, read: (i: number, syntax?: DocumentSyntax) => T): T[] {
  const out: T[] = [];
  const split = text.length < settings.minLength ? -1 : chunks.findIndex((c) => c.start >= text.length * LOCAL_SHARE);
  const script = split > 0 ? usableScript() : undefined;
  if (!script) {
    for (let i = 0; i < chunks.length; i++) out.push(read(i));
    return out;
  }
  const later = chunks.slice(split);
  const offset = later[0]!.start;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script);
  const job: SyntaxJob = { port: port2, signal, file, helm, text: text.slice(offset), offset, chunks: later };
  worker.postMessage(job, [port2]);
  try {
    for (let i = 0; i < split; i++) out.push(read(i));
    const syntaxes = receive(port1, signal, settings.stallMs);
    for (let i = split; i < chunks.length; i++) out.push(read(i, syntaxes[i - split]));
  } finally {
    port1.close();
    void worker.terminate();
  }
  return out;
}

/** Stores a reply's syntaxes by job chunk index; true when the worker is finished (done, or failed). */
export function takeReply(reply: SyntaxReply, syntaxes: (DocumentSyntax | undefined)[]): boolean {
  if ('done' in reply || 'failed' in reply) return true;
  reply.syntaxes.forEach((s, k) => (syntaxes[reply.first + k] = s));
  workerStats.documents += reply.syntaxes.length;
  return false;
}

/** The worker's syntaxes by job chunk index, as far as it delivered them. */
function receive(port: MessagePort, signal: Int32Array, stallMs: number): (DocumentSyntax | undefined)[] {
  const syntaxes: (DocumentSyntax | undefined)[] = [];
  for (;;) {
    // Read the count before the port: a message posted in between makes the wait return at once.
    const seen = Atomics.load(signal, 0);
    const m = receiveMessageOnPort(port);
    if (m) {
      if (takeReply(m.message as SyntaxReply, syntaxes)) return syntaxes;
      continue;
    }
    if (Atomics.wait(signal, 0, seen, stallMs) === 'timed-out') return syntaxes;
  }
}
