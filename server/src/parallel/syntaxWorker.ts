/**
 * The syntax worker: parses the later documents of a large file while the main thread parses the
 * earlier ones (parallelSyntax.ts). It sends plain data in batches, so its own heap stays small.
 */
import { parentPort } from 'node:worker_threads';
import { readSyntax, type DocumentSyntax } from '../manifests/read';
import type { SyntaxJob, SyntaxReply } from './protocol';

/** Documents per message: large enough to cost little, small enough to keep the worker's heap small. */
const BATCH = 256;

function reply(job: SyntaxJob, message: SyntaxReply): void {
  job.port.postMessage(message);
  Atomics.add(job.signal, 0, 1);
  Atomics.notify(job.signal, 0);
}

function run(job: SyntaxJob): void {
  try {
    let batch: DocumentSyntax[] = [];
    let first = 0;
    job.chunks.forEach((c, i) => {
      batch.push(readSyntax(job.text.slice(c.start - job.offset, c.end - job.offset), job.file, c.start, job.helm));
      if (batch.length === BATCH) {
        reply(job, { first, syntaxes: batch });
        batch = [];
        first = i + 1;
      }
    });
    if (batch.length) reply(job, { first, syntaxes: batch });
    reply(job, { done: true });
  } catch (e) {
    // The main thread parses whatever was not sent.
    reply(job, { failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    job.port.close();
  }
}

parentPort?.on('message', (job: SyntaxJob) => run(job));
