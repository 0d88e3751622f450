/**
 * The one scheduler of check work: every event (an edit, a document opened, a file read by the
 * scan, a file changed or deleted on disk, a settings change) tells it which files and objects it
 * made stale, and it decides what runs when. The order, each with its reason:
 *
 * 1. Objects an editor event made stale in open documents (the edited object and its dependents)
 *    are checked first, then those documents are published: an edit shows its effect within a few
 *    milliseconds, whatever else is pending.
 * 2. Files the scan has read and parsed, made into objects in the index: a few per slice. They
 *    go before the open documents' other checks, which fill the time the scan waits for its
 *    worker thread: the scan keeps close to its pace alone, and its reads make stale only what
 *    they touch (the open documents' checks are not lost, see 3).
 * 3. The other objects of open documents: never-checked ones (a large file just opened) in
 *    slices. While a workspace scan runs, objects that were checked before and were made stale by
 *    the scan are not re-checked yet (their last findings are shown): each file the scan reads
 *    would otherwise re-check them again. They are re-checked once, when the scan ends.
 * 4. Closed files, once no scan runs (their references point at files not read yet).
 *
 * Work runs in slices of a few milliseconds with a turn of the event loop between them, so a
 * hover or code lens request waits at most one slice; the scan's own work (which parses on a
 * worker thread) runs between slices too. Nothing here knows the LSP connection: publishing is
 * a callback, and the clock can be replaced (tests).
 */
import type { KubeObject } from '../manifests';
import type { FolderIndexes } from '../workspace/folderIndexes';

/** How a publish reads objects whose findings are not current (see `WorkspaceIndex.diagnosticGroups`). */
export type PublishMode = 'compute' | 'last';

export interface SchedulerHost {
  readonly indexes: FolderIndexes;
  isOpen(uri: string): boolean;
  /** Sends a file's diagnostics as the index holds them now (with the document's current version). */
  publish(uri: string, mode: PublishMode): void;
}

/** Time and turns of the event loop, replaceable in tests. */
export interface SchedulerClock {
  now(): number;
  /** Runs `fn` on a later turn of the event loop (after pending I/O). */
  defer(fn: () => void): void;
}

const REAL_CLOCK: SchedulerClock = { now: () => performance.now(), defer: (fn) => void setImmediate(fn) };

/** The longest a slice of check work runs before requests get their turn. */
export const SLICE_MS = 3;

/** The set under `key`, made empty if there is none. */
function setAt<T>(map: Map<string, Set<T>>, key: string): Set<T> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function* chain<T>(a: Iterable<T>, b: Iterable<T>): Generator<T> {
  yield* a;
  yield* b;
}

export class CheckScheduler {
  /** Objects of open documents that an editor event made stale: checked before anything else. */
  private readonly urgent = new Set<KubeObject>();
  /** Open documents to publish as soon as the urgent objects are checked. */
  private readonly urgentPublish = new Set<string>();
  /** Open files to publish once their pending objects are checked. */
  private readonly dirtyOpen = new Set<string>();
  /** Closed files to check and publish once no scan runs (kept apart: a scan makes thousands). */
  private readonly dirty = new Set<string>();
  /** Objects to check, by file, in the order they became stale (a new file's: text order). */
  private readonly pending = new Map<string, Set<KubeObject>>();
  /** Objects of open documents a scan made stale, re-checked when it ends. */
  private readonly deferred = new Map<string, Set<KubeObject>>();
  /** Open files whose diagnostics changed since their last publish (something in them was checked, or their text changed). */
  private readonly unpublished = new Set<string>();
  /** Scan reads waiting for their turn (each puts one file into the index). */
  private readonly reads: (() => void)[] = [];
  private scans = 0;
  private queued = false;

  constructor(
    private readonly host: SchedulerHost,
    private readonly clock: SchedulerClock = REAL_CLOCK,
  ) {}

  /** Whether a workspace scan is running. */
  get scanning(): boolean {
    return this.scans > 0;
  }

  /** Whether no work is pending (deferred re-checks wait for the scan's end). */
  get idle(): boolean {
    return this.urgent.size === 0 && this.urgentPublish.size === 0 && this.reads.length === 0 && this.dirtyOpen.size === 0 && this.dirty.size === 0 && this.pending.size === 0 && (this.scanning || this.deferred.size === 0);
  }

  /**
   * An open document changed in the editor (an edit, or opened small enough to check at once):
   * what the change made stale in open documents is checked first, then they are published.
   */
  editorChanged(uris: Iterable<string>, affected: Iterable<string>): void {
    for (const o of this.host.indexes.takeTouched()) {
      const uri = o.source.file;
      if (this.host.isOpen(uri)) {
        this.urgent.add(o);
        this.urgentPublish.add(uri);
      } else this.add(uri, o);
    }
    for (const u of uris) {
      this.urgentPublish.add(u);
      this.unpublished.add(u);
    }
    this.markDirty(affected);
  }

  /**
   * A large document was opened: its parse problems are published now, its checks run in slices
   * (requests and edits are answered between them).
   */
  openedLarge(uri: string, affected: Iterable<string>): void {
    this.absorb();
    this.urgentPublish.add(uri);
    this.unpublished.add(uri);
    this.markDirty(affected);
  }

  /**
   * Runs `read` (a file the scan read and parsed, put into the index) in a slice: after the
   * editor's work, before other checks, a few per turn of the event loop, so that requests wait
   * at most one slice whatever the number of files the scan has in flight.
   */
  inTurn(read: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.reads.push(() => {
        try {
          read();
          resolve();
        } catch (e) {
          reject(e);
        }
      });
      this.kick();
    });
  }

  /** Anything else changed (a file read by the scan, changed or deleted on disk, settings): re-check what it made stale, in turn. */
  changed(affected: Iterable<string>): void {
    this.absorb();
    this.markDirty(affected);
  }

  /** A file left the index: nothing of it is pending any more (its empty publish is the caller's). */
  forgotten(uri: string): void {
    this.pending.delete(uri);
    this.deferred.delete(uri);
    this.urgentPublish.delete(uri);
    this.unpublished.delete(uri);
    this.dirtyOpen.delete(uri);
    this.dirty.delete(uri);
  }

  scanStarted(): void {
    this.scans++;
  }

  /** A scan ended: the open documents' deferred re-checks, then the closed files, are due. */
  scanEnded(): void {
    this.scans--;
    if (this.scans === 0) {
      for (const [uri, objects] of this.deferred) {
        for (const o of objects) this.add(uri, o);
        this.markFile(uri);
      }
      this.deferred.clear();
    }
    this.kick();
  }

  /** Takes what the last event made stale, to be checked in turn. */
  private absorb(): void {
    for (const o of this.host.indexes.takeTouched()) this.add(o.source.file, o);
  }

  private add(uri: string, o: KubeObject): void {
    setAt(this.pending, uri).add(o);
    this.markFile(uri);
  }

  private markFile(uri: string): void {
    if (this.host.isOpen(uri)) this.dirtyOpen.add(uri);
    else this.dirty.add(uri);
  }

  private markDirty(uris: Iterable<string>): void {
    for (const u of uris) this.markFile(u);
    this.kick();
  }

  private kick(): void {
    if (this.queued) return;
    this.queued = true;
    this.clock.defer(() => {
      this.queued = false;
      this.runSlice();
    });
  }

  /** Runs one slice of work; queues the next if any is left. Returns whether work is left. */
  runSlice(): boolean {
    const deadline = this.clock.now() + SLICE_MS;
    const more = this.work(deadline);
    if (more) this.kick();
    return more;
  }

  private check(o: KubeObject): void {
    if (this.host.indexes.holderOf(o.source.file)?.check(o)) this.unpublished.add(o.source.file);
  }

  private work(deadline: number): boolean {
    // 1. What editor events made stale in open documents, then their publish.
    for (const o of this.urgent) {
      this.urgent.delete(o);
      this.pending.get(o.source.file)?.delete(o);
      this.check(o);
      if (this.clock.now() > deadline) return true;
    }
    for (const uri of this.urgentPublish) {
      this.urgentPublish.delete(uri);
      this.unpublished.delete(uri);
      this.host.publish(uri, 'last');
    }
    // 2. Files the scan read.
    for (let read = this.reads.shift(); read; read = this.reads.shift()) {
      read();
      if (this.clock.now() > deadline) return true;
    }
    // 3. Open documents, then (no scan running) closed files.
    const scanning = this.scanning;
    for (const uri of this.dirtyOpen) {
      // Closed since: its turn comes with the closed files.
      if (this.host.isOpen(uri)) continue;
      this.dirtyOpen.delete(uri);
      this.dirty.add(uri);
    }
    const order = scanning ? this.dirtyOpen : chain(this.dirtyOpen, this.dirty);
    for (const uri of order) {
      const index = this.host.indexes.holderOf(uri);
      const open = this.host.isOpen(uri);
      const objects = this.pending.get(uri);
      if (objects && index?.checksFile(uri)) {
        for (const o of objects) {
          objects.delete(o);
          if (scanning && open && index.isStale(o)) {
            // Checked before, made stale by the scan: once, when it ends.
            setAt(this.deferred, uri).add(o);
            continue;
          }
          this.check(o);
          if (this.clock.now() > deadline) {
            if (objects.size === 0) this.pending.delete(uri);
            return true;
          }
        }
      }
      this.pending.delete(uri);
      this.dirtyOpen.delete(uri);
      this.dirty.delete(uri);
      if (!open || this.unpublished.has(uri)) {
        this.unpublished.delete(uri);
        // Gone from the index: the publish clears its diagnostics.
        this.host.publish(uri, scanning && open ? 'last' : 'compute');
      }
      if (this.clock.now() > deadline) return this.runnable();
    }
    return this.runnable();
  }

  /** Whether pending work can run now (closed files wait for the scan to end). */
  private runnable(): boolean {
    return this.urgent.size > 0 || this.urgentPublish.size > 0 || this.reads.length > 0 || this.dirtyOpen.size > 0 || (!this.scanning && this.dirty.size > 0);
  }
}
