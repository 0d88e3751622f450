/**
 * Reading the workspace folders from disk: the first scan, folders added later, files that
 * changed on disk, and files that an `exclude` change brings in or sends out. The scan parses on
 * a worker thread (`parallel/syntaxPool.ts`) while this thread makes the objects of the last file;
 * it tells the scheduler when it starts and ends (what it makes stale in open documents is
 * re-checked once, at its end).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chunksOf } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';
import { SyntaxPool } from '../parallel/syntaxPool';
import { looksLikeKubernetes } from '../manifests';
import { isExcluded, isHelmTemplate, manifestFiles } from '../workspace/scan';
import { pathOf } from './documentStore';
import type { WorkspaceEvents } from './events';

/**
 * Files of a workspace scan in flight at once (read, queued for the worker's parse, or built
 * here). Each file takes a few turns of the event loop, and while an open document is checked
 * each turn also runs a slice of its checks: with many files in flight every turn advances all
 * of them, so the worker is never left waiting and the scan keeps close to its pace alone.
 */
const SCAN_PIPELINE = 16;

export class WorkspaceScanner {
  /** Workspace folder paths, as the client last listed them. */
  folders: string[] = [];
  /** Whether the first scan started: from then on, a change of `exclude` rescans. */
  started = false;
  /** The latest read of each file from disk: an older read that finishes later is dropped. */
  private readonly reads = new Map<string, number>();
  private readCount = 0;

  constructor(
    private readonly events: WorkspaceEvents,
    private readonly log: (message: string) => void,
    private readonly indexed: (files: number, ms: number) => void,
  ) {}

  private get documents() {
    return this.events.documents;
  }

  private get indexes() {
    return this.events.documents.indexes;
  }

  /** Reads a file from disk into the index; `pool` parses it on a worker thread meanwhile (the scan). */
  async load(uri: string, pool?: SyntaxPool): Promise<void> {
    const path = pathOf(uri);
    if (!path || this.documents.isOpen(uri)) return;
    if (isExcluded(path, this.indexes.folderOf(path), this.indexes.settingsOf(uri).exclude)) return;
    const read = ++this.readCount;
    this.reads.set(uri, read);
    let text: string | undefined;
    let failure: unknown;
    let syntaxes: (DocumentSyntax | undefined)[] | undefined;
    try {
      text = await readFile(path, 'utf8');
      if (pool && looksLikeKubernetes(text)) syntaxes = await pool.parse(text, chunksOf(text, uri), uri, isHelmTemplate(path));
    } catch (e) {
      failure = e;
    }
    // Making the objects takes the thread: the scheduler gives it a slice, after the editor's work.
    await this.events.scheduler.inTurn(() => this.apply(uri, path, read, text, failure, syntaxes));
  }

  /** Puts a file just read into the index, unless a newer read or the editor has it. */
  private apply(uri: string, path: string, read: number, text: string | undefined, failure: unknown, syntaxes: (DocumentSyntax | undefined)[] | undefined): void {
    if (this.reads.get(uri) !== read) return; // a newer read of the file (it changed again) decides
    this.reads.delete(uri);
    // Opened in the editor while it was read: the editor's text wins.
    if (this.documents.isOpen(uri)) return;
    if (text === undefined) {
      // Gone (deleted, renamed) or unreadable: out of the index; say why unless it is simply gone.
      if ((failure as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`k8s-dns: cannot read ${path}: ${failure instanceof Error ? failure.message : String(failure)}`);
      this.events.forget(uri);
      return;
    }
    try {
      this.events.read(uri, text, syntaxes);
    } catch (e) {
      // A bug reading one file must not stop the scan of the others.
      this.log(`k8s-dns: could not read ${path}: ${e instanceof Error ? e.stack : String(e)}`);
      this.events.forget(uri);
    }
  }

  /** Reads every manifest file of some workspace folders into the index (`onlyNew`: those not in it yet). */
  async scan(paths: readonly string[], onlyNew = false): Promise<void> {
    this.started = true;
    this.events.scheduler.scanStarted();
    const start = Date.now();
    let count = 0;
    // The worker parses the next files while this thread makes objects of the last one.
    const pool = new SyntaxPool();
    const loading = new Set<Promise<void>>();
    try {
      for (const folder of paths) {
        // A folder removed while it was read: stop reading it.
        if (!this.folders.includes(folder)) continue;
        for await (const path of manifestFiles(folder, this.indexes.settingsOf(pathToFileURL(folder).href).exclude)) {
          if (!this.folders.includes(folder)) break;
          const uri = pathToFileURL(path).href;
          if (this.documents.isOpen(uri) || (onlyNew && this.indexes.file(uri))) continue;
          const load = this.load(uri, pool).finally(() => loading.delete(load));
          loading.add(load);
          count++;
          if (loading.size >= SCAN_PIPELINE) await Promise.race(loading);
        }
      }
      await Promise.all(loading);
    } finally {
      pool.close();
      this.events.scheduler.scanEnded();
    }
    this.log(`k8s-dns: indexed ${count} files in ${Date.now() - start} ms`);
    this.indexed(count, Date.now() - start);
  }

  /** Each folder's `exclude` globs, to compare before and after a settings change. */
  excludes(): Map<string, string> {
    return new Map(this.folders.map((f) => [f, JSON.stringify(this.indexes.settingsOf(pathToFileURL(f).href).exclude)]));
  }

  /** After `exclude` changed: files now excluded leave the index, files no longer excluded come in. */
  applyExcludes(before: ReadonlyMap<string, string>): void {
    const after = this.excludes();
    const changed = this.folders.filter((f) => before.get(f) !== after.get(f));
    if (changed.length === 0) return;
    for (const uri of this.indexes.uris()) {
      const path = pathOf(uri);
      if (path && !this.documents.isOpen(uri) && isExcluded(path, this.indexes.folderOf(path), this.indexes.settingsOf(uri).exclude)) this.events.forget(uri);
    }
    this.scan(changed, true).catch((e: unknown) => this.log(`k8s-dns: workspace scan failed: ${String(e)}`));
  }

  /** Forgets the files no folder holds any more (folders removed). */
  forgetOutside(): void {
    for (const uri of this.indexes.uris()) {
      const path = pathOf(uri);
      if (path && !this.documents.isOpen(uri) && this.indexes.folderOf(path) === undefined) this.events.forget(uri);
    }
  }
}
