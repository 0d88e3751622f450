/**
 * The index of every manifest in the workspace: files, their objects, the cluster view built
 * from them, and the findings of each object. Edits update it incrementally; hovers, code lenses
 * and diagnostics read from it and never parse.
 */
import { ALL_RULES, checkObject, problemFindings, type Finding, type Rule, type Watch } from '../checks';
import type { Cluster, ClusterConfig } from '../dns';
import { buildNamespacePart, combineParts, partKey, type NamespacePart } from '../dns/cluster';
import { checksObjects, isService, reportedProblems, type KubeObject } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';
import { pushAll } from './arrays';
import { answerKeys, DependencyIndex, dependencyKeys, nsKey, providedKeys } from './dependencies';
import { FindingStore } from './findingStore';
import { ManifestFile, type FileDelta } from './manifestFile';
import { clusterConfigOf, DEFAULT_SETTINGS, type Settings } from './settings';

/** A text edit in offsets of the file's current text. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Observers of the index's work, for tests and measurements (never needed to run it). */
export interface IndexHooks {
  /** Called each time an object's rules run (once per object per check). */
  checked?(o: KubeObject): void;
}

/** What `diagnosticGroups` shows of objects whose findings are not current. */
export interface GroupOptions {
  /**
   * `compute` (default): check them now. `last`: show their last findings (stale ones, or none
   * for an object never checked): the scheduler publishes what it knows without waiting.
   */
  readonly notCurrent?: 'compute' | 'last';
}

/**
 * Objects in the order of their files and positions: a part's Services (and so its records and
 * the lists in messages) come in the same order whatever the history of edits that made it.
 */
function inTextOrder(a: KubeObject, b: KubeObject): number {
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  return a.source.range.start - b.source.range.start || (a.source.listIndex ?? 0) - (b.source.listIndex ?? 0);
}

/**
 * A part's objects in text order after some changed: the previous order without the changed
 * objects, merged with those of them still held (sorted). Edits move later objects of a file
 * but never reorder them, so the kept ones are still in order: a file read costs the objects it
 * changed, not a sort of the namespace.
 */
function mergeInTextOrder(before: readonly KubeObject[], changed: ReadonlySet<KubeObject>, held: ReadonlySet<KubeObject>): KubeObject[] {
  const added = [...changed].filter((o) => held.has(o)).sort(inTextOrder);
  const out: KubeObject[] = [];
  let i = 0;
  for (const o of before) {
    if (changed.has(o)) continue;
    while (i < added.length && inTextOrder(added[i]!, o) < 0) out.push(added[i++]!);
    out.push(o);
  }
  while (i < added.length) out.push(added[i++]!);
  return out;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, ManifestFile>();
  private readonly deps = new DependencyIndex();
  private readonly findings = new FindingStore();
  /** Where `checkUntil` stopped in each file's objects (while they are the same array). */
  private readonly checkCursors = new WeakMap<readonly KubeObject[], number>();
  /** Objects added or made stale since the last `takeTouched` (the scheduler sorts them by urgency). */
  private touched = new Set<KubeObject>();
  private clusterCache: Cluster | undefined;
  /** Objects by cluster part (namespace), and each part's build: an edit rebuilds one part. */
  private readonly parts = new Map<string, Set<KubeObject>>();
  private readonly partCache = new Map<string, NamespacePart>();
  /** Objects added to or removed from each part since its cached build: the next build reuses the rest. */
  private readonly partChanges = new Map<string, Set<KubeObject>>();
  private readonly settingsValue: Settings;
  private readonly configValue: ClusterConfig;

  /** Settings are fixed for an index's life: files whose settings change move to another one (folderIndexes.ts). */
  constructor(
    settings: Settings = DEFAULT_SETTINGS,
    private readonly rules: readonly Rule[] = ALL_RULES,
    private readonly hooks: IndexHooks = {},
  ) {
    this.settingsValue = settings;
    this.configValue = clusterConfigOf(settings);
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  get config(): ClusterConfig {
    return this.configValue;
  }

  file(uri: string): ManifestFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Adds or replaces a file. Returns the files whose diagnostics may have changed. */
  setFile(uri: string, text: string, helm: boolean, syntaxes?: readonly (DocumentSyntax | undefined)[]): Set<string> {
    const existing = this.files.get(uri);
    if (existing) return this.applyDelta(uri, existing.replaceText(text, syntaxes));
    const f = new ManifestFile(uri, text, { defaultNamespace: this.configValue.defaultNamespace, helm, lazySyntax: true }, syntaxes);
    this.files.set(uri, f);
    return this.applyDelta(uri, { removed: [], added: f.objects() });
  }

  /** Applies edits in order; each edit's offsets refer to the text after the previous one. */
  editFile(uri: string, edits: readonly OffsetEdit[]): Set<string> {
    const f = this.files.get(uri);
    if (!f) return new Set();
    const removed: KubeObject[] = [];
    const added: KubeObject[] = [];
    for (const e of edits) {
      const d = f.applyEdit(e.start, e.end, e.text);
      pushAll(removed, d.removed);
      pushAll(added, d.added);
    }
    // An object one edit added and a later one removed never existed for the index.
    const gone = new Set(removed);
    const transient = new Set(added.filter((o) => gone.has(o)));
    if (transient.size === 0) return this.applyDelta(uri, { removed, added });
    return this.applyDelta(uri, { removed: removed.filter((o) => !transient.has(o)), added: added.filter((o) => !transient.has(o)) });
  }

  removeFile(uri: string): Set<string> {
    const f = this.files.get(uri);
    if (!f) return new Set();
    this.files.delete(uri);
    const out = this.applyDelta(uri, { removed: f.objects(), added: [] });
    out.delete(uri);
    return out;
  }

  /** Updates the dependency index and drops the findings of every affected object. */
  private applyDelta(uri: string, delta: FileDelta): Set<string> {
    const affected = new Set<string>([uri]);
    if (delta.removed.length === 0 && delta.added.length === 0) return affected;
    this.clusterCache = undefined;
    const keys = new Set<string>();
    for (const o of delta.removed) {
      const key = partKey(o);
      const part = this.parts.get(key);
      part?.delete(o);
      if (part?.size === 0 && key) keys.add(nsKey(key));
      this.partChanged(key, o);
      this.deps.remove(o);
      this.touched.delete(o);
      for (const d of this.findings.removed(o)) {
        affected.add(d.source.file);
        this.touched.add(d);
      }
      for (const k of providedKeys(o)) keys.add(k);
    }
    for (const o of delta.added) {
      const key = partKey(o);
      let set = this.parts.get(key);
      if (!set) this.parts.set(key, (set = new Set()));
      if (set.size === 0 && key) keys.add(nsKey(key));
      set.add(o);
      this.partChanged(key, o);
      this.deps.add(o, dependencyKeys(o));
      this.touched.add(o);
      for (const k of providedKeys(o)) keys.add(k);
    }
    for (const o of this.dependentsOf(keys)) {
      this.findings.drop(o);
      this.touched.add(o);
      affected.add(o.source.file);
    }
    return affected;
  }

  /**
   * The objects that depend on `keys`, and on the Services among them: a Service's answers
   * change with what it reads (its slices, the pods it selects), so a name written elsewhere
   * that resolves to it is checked again too, through CNAME chains of ExternalName Services.
   * Only the answer keys of such a Service are followed (`answerKeys`), not the sets it belongs
   * to: it is still there, under the same name, so what watches the Services of a namespace (a
   * list of suggestions) has not changed.
   */
  private dependentsOf(keys: ReadonlySet<string>): Set<KubeObject> {
    const out = new Set<KubeObject>();
    const seen = new Set(keys);
    let frontier: Iterable<string> = keys;
    for (;;) {
      const next: string[] = [];
      for (const o of [...this.deps.dependents(frontier), ...this.findings.watchers(frontier)]) {
        if (out.has(o)) continue;
        out.add(o);
        if (!isService(o)) continue;
        for (const k of answerKeys(o)) {
          if (!seen.has(k)) next.push(k);
          seen.add(k);
        }
      }
      if (next.length === 0) return out;
      frontier = next;
    }
  }

  private partChanged(key: string, o: KubeObject): void {
    let set = this.partChanges.get(key);
    if (!set) this.partChanges.set(key, (set = new Set()));
    set.add(o);
  }

  /** The cluster view of the whole workspace (rebuilt lazily after changes). */
  cluster(): Cluster {
    if (!this.clusterCache) {
      const parts: NamespacePart[] = [];
      // Namespaces in name order, like each part's objects in text order: the same cluster
      // (records, lists in messages) whatever the order the edits made them in.
      for (const key of [...this.parts.keys()].sort()) {
        const objects = this.parts.get(key)!;
        if (objects.size === 0) {
          this.partCache.delete(key);
          this.partChanges.delete(key);
          continue;
        }
        let part = this.partCache.get(key);
        const changed = this.partChanges.get(key);
        if (!part || changed) {
          const ordered = part && changed ? mergeInTextOrder(part.objects, changed, objects) : [...objects].sort(inTextOrder);
          part = buildNamespacePart(ordered, this.configValue, part && changed ? { part, changed } : undefined);
          this.partCache.set(key, part);
          this.partChanges.delete(key);
        }
        parts.push(part);
      }
      this.clusterCache = combineParts(parts, this.configValue);
    }
    return this.clusterCache;
  }

  /** The findings of one object, computed once per version of what it depends on. */
  findingsOf(o: KubeObject): Finding[] {
    let f = this.findings.get(o);
    if (!f) {
      const watched: Watch[] = [];
      this.hooks.checked?.(o);
      f = checkObject(o, { config: this.configValue, cluster: this.cluster(), textOf: (u) => this.files.get(u)?.source }, this.rules, this.settingsValue.checks, watched);
      this.findings.set(o, f, watched);
    }
    return f;
  }

  /** Whether a file's objects get checks (a manifest, not a template): the scheduler checks no others. */
  checksFile(uri: string): boolean {
    const f = this.files.get(uri);
    return f !== undefined && checksObjects(f.treatment);
  }

  /** Whether `o` is one of the index's objects now (not removed or replaced since). */
  holds(o: KubeObject): boolean {
    return this.parts.get(partKey(o))?.has(o) ?? false;
  }

  /** Whether `o`'s findings are current. */
  isCurrent(o: KubeObject): boolean {
    return this.findings.has(o);
  }

  /** Whether `o` was checked before and something it depends on changed since. */
  isStale(o: KubeObject): boolean {
    return this.findings.isStale(o);
  }

  /** Objects added or made stale since the last call (in no particular order). */
  takeTouched(): Set<KubeObject> {
    const out = this.touched;
    this.touched = new Set();
    return out;
  }

  /**
   * Checks one object now if its findings are not current (and it is still in the index), with
   * the ranges they need for publishing. Returns whether it ran the rules.
   */
  check(o: KubeObject): boolean {
    if (this.findings.has(o) || !this.holds(o)) return false;
    // Ranges too: finding one may parse the object's document again, and publishing is then quick.
    for (const finding of this.findingsOf(o)) {
      void finding.range;
      for (const r of finding.related ?? []) void r.range;
    }
    return true;
  }

  /**
   * Computes the findings of a file's objects until `deadline` (a `performance.now()` time), so a
   * large file can be checked in slices; true once every object's findings are known. With
   * `skip`, objects it returns true for are left as they are (and do not count as unknown).
   */
  checkUntil(uri: string, deadline: number, skip?: (o: KubeObject) => boolean): boolean {
    const f = this.files.get(uri);
    if (!f || !this.checksFile(uri)) return true;
    const objects = f.objects();
    // Where the last slice stopped (while the file's objects are the same).
    const cursor = this.checkCursors.get(objects) ?? 0;
    for (let i = cursor; i < objects.length; i++) {
      const o = objects[i]!;
      if (this.findings.has(o) || skip?.(o)) continue;
      this.check(o);
      // At least one object per call, so that slices always make progress.
      if (performance.now() > deadline) {
        this.checkCursors.set(objects, i + 1);
        return false;
      }
    }
    this.checkCursors.delete(objects);
    // Objects before the cursor may have been made stale since: one more pass from the start.
    if (cursor > 0) return this.checkUntil(uri, deadline, skip);
    return true;
  }

  /**
   * Findings freshly computed (not cached) for the objects overlapping `[start, end]` of a file:
   * quick fixes must carry the exact offsets of the text as it is now.
   */
  freshFindingsAt(uri: string, start: number, end: number): Finding[] {
    const f = this.files.get(uri);
    if (!f) return [];
    const ctx = { config: this.configValue, cluster: this.cluster(), textOf: (u: string) => this.files.get(u)?.source, withFixes: true };
    const out: Finding[] = [];
    for (const o of f.objects()) {
      const r = o.source.range;
      if (r.end < start || r.start > end) continue;
      out.push(...checkObject(o, ctx, this.rules, this.settingsValue.checks));
    }
    return out;
  }

  /**
   * A file's diagnostics grouped as the editor shell caches them: parse problems, then each
   * object's findings (the same array until something the object depends on changes).
   */
  diagnosticGroups(uri: string, opts: GroupOptions = {}): { problems: Finding[]; objects: [KubeObject, readonly Finding[]][] } {
    const f = this.files.get(uri);
    if (!f) return { problems: [], objects: [] };
    // One decision for the editor and the CLI: templates get a note, non-manifests nothing.
    const treatment = f.treatment;
    const problems = problemFindings(reportedProblems(treatment, f.problems()), this.settingsValue.checks);
    if (!checksObjects(treatment)) return { problems, objects: [] };
    const objects: [KubeObject, readonly Finding[]][] = [];
    const last = opts.notCurrent === 'last';
    for (const o of f.objects()) {
      const findings = last ? this.findings.last(o) ?? [] : this.findingsOf(o);
      if (findings.length) objects.push([o, findings]);
    }
    return { problems, objects };
  }
}
