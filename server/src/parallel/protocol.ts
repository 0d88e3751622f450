/** The messages between the main thread and the syntax worker (syntaxWorker.ts). */
import type { MessagePort } from 'node:worker_threads';
import type { DocumentChunk } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';

/** One file's later documents, for the worker to parse. */
export interface SyntaxJob {
  /** The results go here, read synchronously by the main thread (`receiveMessageOnPort`). */
  readonly port: MessagePort;
  /** Incremented after each message, so the main thread can sleep until one is there (`Atomics.wait`). */
  readonly signal: Int32Array;
  readonly file: string;
  readonly helm: boolean;
  /** The text from `offset` on; `chunks` are in offsets of the whole file. */
  readonly text: string;
  readonly offset: number;
  readonly chunks: readonly DocumentChunk[];
}

/** The syntax of `syntaxes.length` documents from the job's chunk `first` on; or why the worker stopped. */
export type SyntaxReply = { readonly first: number; readonly syntaxes: DocumentSyntax[] } | { readonly done: true } | { readonly failed: string };
