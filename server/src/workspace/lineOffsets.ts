/**
 * Line starts of a text: the one line table of the server (an editor's document, kept current
 * edit by edit as vscode-languageserver's TextDocument does, but over a {@link TextBuffer}
 * instead of one string that every keystroke copies) and of the CLI (a file's line numbers).
 * Lines end at `\n`, `\r` or `\r\n`, as LSP, VS Code and YAML (§5.4) count them.
 */
import type { TextSource } from '../manifests/types';
import { replaceItems } from './arrays';

const LF = 10;
const CR = 13;

/** Converts offsets to LSP positions and back (LineOffsets, or a TextDocument in tests). */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(p: Position): number;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Offsets of the line starts inside `text`, each shifted by `base` (the first line's start is not included). */
function breaksIn(text: string, base: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      out.push(base + i + 1);
    } else if (c === LF) {
      out.push(base + i + 1);
    }
  }
  return out;
}

/** Offsets to 0-based line/character positions and back; {@link LineOffsets.update} follows edits. */
export class LineOffsets {
  private starts: number[] | undefined;

  /**
   * `text` is the live text (the owner edits it, then calls {@link update}). The table is built
   * on first use: files that never need a position never pay for one.
   */
  constructor(private readonly text: TextSource) {}

  private table(): number[] {
    return (this.starts ??= [0, ...breaksIn(this.text.slice(0, this.text.length), 0)]);
  }

  get lineCount(): number {
    return this.table().length;
  }

  /** Follows an edit, already made to the text, that replaced `removed` at `start` with `inserted`. */
  update(start: number, removed: string, inserted: string): void {
    let starts = this.starts;
    if (!starts) return; // built from the current text when first needed
    const after = this.text;
    const end = start + removed.length;
    const insEnd = start + inserted.length;
    // A `\r\n` pair made or broken across either edge changes a line break the edit's own text
    // does not show: recount all (editors never split a pair; this is for the odd client).
    const oldAtStart = removed.length ? removed.charCodeAt(0) : after.charCodeAt(insEnd);
    const oldBeforeEnd = removed.length ? removed.charCodeAt(removed.length - 1) : after.charCodeAt(start - 1);
    const pairAtStart = after.charCodeAt(start - 1) === CR && (after.charCodeAt(start) === LF || oldAtStart === LF);
    const pairAtEnd = after.charCodeAt(insEnd) === LF && (after.charCodeAt(insEnd - 1) === CR || oldBeforeEnd === CR);
    if (pairAtStart || pairAtEnd) {
      this.starts = undefined;
      return;
    }
    // Lines starting inside the replaced range go; those of the inserted text come; later ones move.
    const lo = upperBound(starts, start);
    const hi = upperBound(starts, end);
    const added = breaksIn(inserted, start);
    if (hi - lo === added.length) {
      for (let i = 0; i < added.length; i++) starts[lo + i] = added[i]!;
    } else {
      starts = this.starts = replaceItems(starts, lo, hi - lo, added);
    }
    const delta = inserted.length - removed.length;
    if (delta !== 0) for (let i = lo + added.length; i < starts.length; i++) starts[i]! += delta;
  }

  /** 0-based line and character (UTF-16 code units). */
  positionAt(offset: number): Position {
    const starts = this.table();
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Inside a `\r\n` pair means before it.
    if (this.text.charCodeAt(o) === LF && this.text.charCodeAt(o - 1) === CR) o--;
    const line = upperBound(starts, o) - 1;
    return { line, character: o - starts[line]! };
  }

  /** The offset of a position; a character past the line's end means the end (before its line break). */
  offsetAt(p: Position): number {
    const starts = this.table();
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return this.text.length;
    const lineStart = starts[p.line]!;
    let lineEnd = p.line + 1 < starts.length ? starts[p.line + 1]! : this.text.length;
    if (p.line + 1 < starts.length) {
      lineEnd--;
      if (this.text.charCodeAt(lineEnd) === LF && this.text.charCodeAt(lineEnd - 1) === CR && lineEnd > lineStart) lineEnd--;
    }
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, p.character), lineEnd));
  }
}

/** The index of the first element greater than `x` (elements ascending). */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
