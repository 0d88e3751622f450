/**
 * A worker thread that parses whole files asynchronously, for the workspace scan: the main thread
 * stays free for requests while the worker parses, and makes the objects of one file while the
 * worker parses the next. Anything the worker does not deliver is parsed on the main thread by
 * the caller (a file's syntax may come back `undefined`).
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DocumentChunk } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';
import { stallTimeout, takeReply, usableScript } from './parallelSyntax';
import type { SyntaxJob, SyntaxReply } from './protocol';

export class SyntaxPool {
  private worker: Worker | undefined;
  private broken = false;

  /** The syntax of each chunk of `text`, as far as the worker delivered it; `undefined` without a worker. */
  parse(text: string, chunks: readonly DocumentChunk[], file: string, helm: boolean): Promise<(DocumentSyntax | undefined)[] | undefined> {
    const worker = this.start();
    if (!worker || chunks.length === 0) return Promise.resolve(undefined);
    const { port1, port2 } = new MessageChannel();
    const job: SyntaxJob = { port: port2, signal: new Int32Array(new SharedArrayBuffer(4)), file, helm, text, offset: 0, chunks };
    return new Promise((resolve) => {
      const syntaxes: (DocumentSyntax | undefined)[] = [];
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        port1.close();
        worker.off('exit', finish);
        resolve(syntaxes);
      };
      const stalled = (): void => {
        // Silent too long: the caller parses the rest, and later files get a new worker.
        this.close();
        finish();
      };
      timer = setTimeout(stalled, stallTimeout());
      port1.on('message', (reply: SyntaxReply) => {
        if (takeReply(reply, syntaxes)) return finish();
        clearTimeout(timer);
        timer = setTimeout(stalled, stallTimeout());
      });
      worker.once('exit', finish);
      worker.postMessage(job, [port2]);
    });
  }

  /** Ends the worker (when the scan is over, or it stalled). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    const script = usableScript();
    if (!script) return undefined;
    const worker = new Worker(script);
    // A worker that cannot start is not tried again for this pool.
    worker.on('error', () => {
      this.broken = true;
      if (this.worker === worker) this.worker = undefined;
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
