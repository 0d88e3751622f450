/**
 * A file's text as a list of pieces. An editor sends one small edit per keystroke; a single
 * string would be copied whole on each (10 MB for a large manifest), and the copies left to the
 * garbage collector stall the server for a long pause every few dozen keystrokes. An edit here
 * splits one piece instead; the pieces are joined only when there are many of them, or when
 * someone asks for the whole text.
 */

import type { TextSource } from '../manifests/types';

/** Joining past this many pieces keeps slicing cheap; it costs one copy per ~MAX_PIECES/2 edits. */
const MAX_PIECES = 1024;

export class TextBuffer implements TextSource {
  private pieces: string[];
  /** `ends[i]`: the offset just after piece i. */
  private ends: number[];

  constructor(text: string) {
    this.pieces = [text];
    this.ends = [text.length];
  }

  get length(): number {
    return this.ends.length ? this.ends[this.ends.length - 1]! : 0;
  }

  /** The index of the piece holding `offset` (the last piece for the end of the text). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  slice(start: number, end: number = this.length): string {
    const len = this.length;
    start = Math.max(0, Math.min(start, len));
    end = Math.max(start, Math.min(end, len));
    if (start === end) return '';
    let i = this.pieceAt(start);
    const from = start - this.startOf(i);
    if (end <= this.ends[i]!) return this.pieces[i]!.slice(from, end - this.startOf(i));
    let out = this.pieces[i]!.slice(from);
    for (i++; i < this.pieces.length && this.startOf(i) < end; i++) {
      out += end >= this.ends[i]! ? this.pieces[i]! : this.pieces[i]!.slice(0, end - this.startOf(i));
    }
    return out;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i]!.charCodeAt(offset - this.startOf(i));
  }

  /** Replaces `[start, end)` with `text`. */
  replace(start: number, end: number, text: string): void {
    const len = this.length;
    start = Math.max(0, Math.min(start, len));
    end = Math.max(start, Math.min(end, len));
    const first = this.pieceAt(start);
    const last = this.pieceAt(Math.max(start, end - 1));
    const head = this.pieces[first]!.slice(0, start - this.startOf(first));
    const tail = end >= len ? '' : this.pieces[last]!.slice(end - this.startOf(last));
    const fresh = [head, text, tail].filter((p) => p.length > 0);
    this.pieces.splice(first, last - first + 1, ...fresh);
    if (this.pieces.length > MAX_PIECES) this.pieces = [this.pieces.join('')];
    // One (possibly empty) piece at least: lookups always find a piece.
    if (this.pieces.length === 0) this.pieces = [''];
    this.ends = [];
    let at = 0;
    for (const p of this.pieces) this.ends.push((at += p.length));
  }

  /** The whole text; the pieces become one, so asking again costs nothing. */
  toString(): string {
    if (this.pieces.length !== 1) {
      const text = this.pieces.join('');
      this.pieces = [text];
      this.ends = [text.length];
      return text;
    }
    return this.pieces[0]!;
  }
}
