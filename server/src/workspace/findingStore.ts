/**
 * The findings of each object, with what they were drawn from beyond the object's fixed
 * dependency keys (`dependencies.ts`): the sets its rules watched (`Reporter.watch`), and the
 * objects its related locations point into. Both decide, like the fixed keys, which findings an
 * edit makes stale.
 *
 * Stale findings are kept (marked, not dropped) until the object is checked again: the check
 * scheduler may show them a little longer (an open document's findings while the workspace scan
 * runs) instead of showing nothing, and re-checks them once, when it is their turn.
 */
import type { Finding, Watch } from '../checks';
import type { KubeObject } from '../manifests';
import { DependencyIndex, watchKey } from './dependencies';

export class FindingStore {
  private readonly findings = new Map<KubeObject, Finding[]>();
  /** Objects whose findings were computed before something they depend on changed. */
  private readonly stale = new Set<KubeObject>();
  private readonly watches = new DependencyIndex();
  private readonly watchedKeys = new Map<KubeObject, string[]>();
  /** Objects that related locations point into, and the objects whose findings point there. */
  private readonly mentionedBy = new Map<KubeObject, Set<KubeObject>>();
  private readonly mentions = new Map<KubeObject, KubeObject[]>();

  /** The object's current findings; undefined if never checked or stale. */
  get(o: KubeObject): Finding[] | undefined {
    return this.stale.has(o) ? undefined : this.findings.get(o);
  }

  /** The object's last findings, current or stale (what the editor last saw for it). */
  last(o: KubeObject): Finding[] | undefined {
    return this.findings.get(o);
  }

  /** Whether the object's findings are current. */
  has(o: KubeObject): boolean {
    return this.findings.has(o) && !this.stale.has(o);
  }

  /** Whether the object's findings are stale (checked before, not since its inputs changed). */
  isStale(o: KubeObject): boolean {
    return this.stale.has(o);
  }

  /** Keeps `o`'s findings and what they were drawn from (`watched`: what its rules declared). */
  set(o: KubeObject, findings: Finding[], watched: readonly Watch[]): void {
    this.forget(o);
    this.findings.set(o, findings);
    const keys = [...new Set(watched.map(watchKey))];
    if (keys.length) {
      this.watchedKeys.set(o, keys);
      this.watches.add(o, keys);
    }
    const mentioned = [...new Set(findings.flatMap((f) => (f.related ?? []).map((r) => r.object)))].filter((m): m is KubeObject => m !== undefined && m !== o);
    if (mentioned.length) {
      this.mentions.set(o, mentioned);
      for (const m of mentioned) {
        let by = this.mentionedBy.get(m);
        if (!by) this.mentionedBy.set(m, (by = new Set()));
        by.add(o);
      }
    }
  }

  /**
   * Something `o`'s findings depend on changed: they are stale. They stay readable through
   * `last` (and keep their watches, so a later change marks them again at no cost) until `set`.
   */
  drop(o: KubeObject): void {
    if (this.findings.has(o)) this.stale.add(o);
  }

  /** Forgets everything about `o`'s findings. */
  private forget(o: KubeObject): void {
    this.findings.delete(o);
    this.stale.delete(o);
    const keys = this.watchedKeys.get(o);
    if (keys) this.watches.remove(o, keys);
    this.watchedKeys.delete(o);
    for (const m of this.mentions.get(o) ?? []) this.mentionedBy.get(m)?.delete(o);
    this.mentions.delete(o);
  }

  /**
   * `o` left the workspace (or was replaced by a re-parse): its findings go, and so do those of
   * the objects whose related locations point into it (they are not kept even as stale: their
   * related ranges point into text that is gone). Returns those objects.
   */
  removed(o: KubeObject): KubeObject[] {
    this.forget(o);
    const by = [...(this.mentionedBy.get(o) ?? [])];
    for (const d of by) this.forget(d);
    this.mentionedBy.delete(o);
    return by;
  }

  /** The objects whose findings watch one of `keys`. */
  watchers(keys: Iterable<string>): Set<KubeObject> {
    return this.watches.dependents(keys);
  }
}
