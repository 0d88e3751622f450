/**
 * Every event goes through one path (DESIGN.md, "Events and the work they cause"): it updates the
 * documents and the index (`DocumentStore`), which say what it made stale, and hands that to the
 * one scheduler (`CheckScheduler`) with the event's kind: the editor's own changes are checked
 * first, everything else in turn.
 */
import type { DocumentSyntax } from '../manifests/read';
import { workerStats } from '../parallel/parallelSyntax';
import { looksLikeKubernetes } from '../manifests';
import type { CheckScheduler } from './checkScheduler';
import type { ContentChange, DocumentStore } from './documentStore';
import type { DiagnosticsPublisher } from './publisher';

/** Files larger than this get their parse problems published before their (slower) checks run. */
export const STREAM_THRESHOLD = 1024 * 1024;

export class WorkspaceEvents {
  constructor(
    readonly documents: DocumentStore,
    readonly scheduler: CheckScheduler,
    private readonly publisher: DiagnosticsPublisher,
    private readonly log: (message: string) => void,
    /** Told when a file leaves the workspace (caches keyed by file drop it). */
    private readonly onForget: (uri: string) => void = () => undefined,
  ) {}

  /** The editor opened a document: a small one is checked at once, a large one in slices after its parse problems. */
  opened(uri: string, text: string, version: number): void {
    const large = text.length > STREAM_THRESHOLD && looksLikeKubernetes(text);
    const affected = this.setText(uri, text, version, large, { open: true });
    if (large) this.scheduler.openedLarge(uri, affected);
    else this.scheduler.editorChanged([uri], affected);
  }

  /** Sets a document's text; for a large file, says how long reading it took and what the worker thread parsed. */
  private setText(uri: string, text: string, version: number, large: boolean, opts: { open?: boolean; syntaxes?: readonly (DocumentSyntax | undefined)[] }): Set<string> {
    const started = performance.now();
    const byWorker = workerStats.documents;
    const affected = this.documents.setText(uri, text, version, opts);
    if (large) {
      const objects = this.documents.indexes.file(uri)?.objects().length ?? 0;
      // Parsed here by the worker (a large file opened), or before by the scan's worker.
      const byWorkers = workerStats.documents - byWorker + (opts.syntaxes?.filter((x) => x !== undefined).length ?? 0);
      this.log(`k8s-dns: read ${uri}: ${objects} objects in ${Math.round(performance.now() - started)} ms (${byWorkers} documents parsed by a worker thread)`);
    }
    return affected;
  }

  /** The editor changed an open document. */
  edited(uri: string, version: number, changes: readonly ContentChange[]): void {
    if (!this.documents.get(uri)) return;
    this.scheduler.editorChanged([uri], this.documents.change(uri, version, changes));
  }

  /** A file read from disk (by the scan, or after a change on disk); `syntaxes` from the scan's worker. */
  read(uri: string, text: string, syntaxes?: readonly (DocumentSyntax | undefined)[]): void {
    this.scheduler.changed(this.setText(uri, text, 0, text.length > STREAM_THRESHOLD, { syntaxes }));
  }

  /** A file left the workspace (deleted, excluded, unreadable): out of the index, its diagnostics cleared. */
  forget(uri: string): void {
    const affected = this.documents.forget(uri);
    this.onForget(uri);
    this.scheduler.forgotten(uri);
    this.publisher.clear(uri);
    this.scheduler.changed(affected);
  }

  /** Settings moved files between indexes (`FolderIndexes.configure`): re-check what that made stale. */
  reconfigured(affected: Iterable<string>): void {
    this.scheduler.changed(affected);
  }
}
