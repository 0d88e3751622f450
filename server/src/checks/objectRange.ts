/**
 * A range inside an object, found when first read and kept relative to the object's start: a
 * cached finding (or its related location) stays right when an edit elsewhere in the file moves
 * the object, without locating it again (which may parse its document again).
 */
import type { KubeObject, TextRange } from '../manifests/types';

export class ObjectRange {
  private rel: TextRange | undefined;
  private find: (() => TextRange) | undefined;

  constructor(
    private readonly object: KubeObject,
    find: () => TextRange,
  ) {
    this.find = find;
  }

  get(): TextRange {
    const base = this.object.source.range.start;
    if (!this.rel) {
      let r: TextRange;
      try {
        r = this.find!();
      } catch {
        r = this.object.source.range; // a range that cannot be found must not lose the finding
      }
      this.rel = { start: r.start - base, end: r.end - base };
      // What found it may hold a whole cluster: let it go.
      this.find = undefined;
    }
    return { start: base + this.rel.start, end: base + this.rel.end };
  }
}
