/**
 * Quoted scalars continued at the key's indentation, as `kubectl get -o yaml` writes long
 * messages:
 *
 *     message: 'a long message that
 *     continues here'
 *
 * go-yaml's scanner does not check the indentation of a quoted scalar's continuation lines; YAML
 * 1.2 (and the `yaml` package) wants them indented more than the key, and reports "Missing closing
 * quote". {@link relaxQuotedContinuations} indents such lines so the package reads what go-yaml
 * reads (a continuation line's leading spaces are folded away, so the value does not change), and
 * maps offsets of the indented text back to the original.
 */

/** Text with spaces inserted at some line starts, and the way back to the original offsets. */
export interface RelaxedText {
  readonly text: string;
  /** The offset in the original text of an offset in `text` (inside inserted spaces: the line start). */
  toOriginal(offset: number): number;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The offset just past the quote closing a scalar opened before `from` (`-1`: not on this line). */
function closingQuote(text: string, from: number, lineEnd: number, quote: string): number {
  for (let i = from; i < lineEnd; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++; // '' is a quote inside the scalar
      else return i + 1;
    }
  }
  return -1;
}

/** A space, a tab, a line break or the end of the text (`NaN`). */
function isBlankOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === SPACE || c === TAB || c === 10 || c === 13;
}

/** Where the value of the plain key at `i` starts (after `: `), or `-1` when `i` starts no key. */
function afterPlainKey(text: string, i: number, lineEnd: number): number {
  for (let j = i; j < lineEnd; j++) {
    const c = text.charCodeAt(j);
    if (c === HASH && (text.charCodeAt(j - 1) === SPACE || text.charCodeAt(j - 1) === TAB)) return -1;
    if (c === COLON && (j + 1 === lineEnd || isBlankOrEnd(text.charCodeAt(j + 1)))) return j + 1;
  }
  return -1;
}

function skipBlanks(text: string, i: number, lineEnd: number): number {
  while (i < lineEnd && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}

/** What a line leaves open for the next: a quoted scalar (and the column it must be indented past) or a block scalar. */
type Open = { readonly quote: string; readonly owner: number } | { readonly block: number } | undefined;

/**
 * Reads the block structure of one line from `i` (keys, `- ` entries, values) far enough to see
 * whether it opens a quoted scalar that it does not close, or a block scalar.
 */
function scanLine(text: string, lineStart: number, i: number, lineEnd: number): Open {
  let owner = i - lineStart - 1; // a scalar alone on its line: indented as it is
  for (;;) {
    i = skipBlanks(text, i, lineEnd);
    if (i >= lineEnd) return undefined;
    const c = text[i]!;
    const col = i - lineStart;
    if (c === '-' && isBlankOrEnd(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== DASH) {
      owner = col;
      i++;
    } else if (c === "'" || c === '"') {
      const end = closingQuote(text, i + 1, lineEnd, c);
      if (end < 0) return { quote: c, owner };
      const after = skipBlanks(text, end, lineEnd);
      if (text.charCodeAt(after) !== COLON) return undefined;
      owner = col; // a quoted key
      i = after + 1;
    } else if (c === '&' || c === '!') {
      while (i < lineEnd && !isBlankOrEnd(text.charCodeAt(i))) i++; // an anchor or a tag
    } else if (c === '|' || c === '>') {
      return { block: owner };
    } else if (c === '#' || c === '{' || c === '[' || c === '*') {
      return undefined;
    } else {
      const value = afterPlainKey(text, i, lineEnd);
      if (value < 0) return undefined;
      owner = col;
      i = value;
    }
  }
}

/**
 * The text with each continuation line of a quoted scalar indented past its key's column, when
 * any needed it; `undefined` otherwise. A heuristic reading of block structure, used only after
 * the parser reported a missing closing quote, and kept only if the parser then reads better.
 */
export function relaxQuotedContinuations(src: string): RelaxedText | undefined {
  const inserts: { at: number; spaces: number }[] = [];
  let open: Open;
  for (let lineStart = 0; lineStart < src.length; ) {
    const nl = src.indexOf('\n', lineStart);
    const next = nl < 0 ? src.length : nl + 1;
    let lineEnd = nl < 0 ? src.length : nl;
    if (src.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const first = skipBlanks(src, lineStart, lineEnd);
    const indent = first - lineStart;
    if (first < lineEnd) {
      if (open && 'block' in open && indent <= open.block) open = undefined;
      if (open && 'quote' in open) {
        if (indent <= open.owner) inserts.push({ at: lineStart, spaces: open.owner + 1 - indent });
        const end = closingQuote(src, first, lineEnd, open.quote);
        if (end >= 0) open = undefined;
      } else if (!open) {
        open = scanLine(src, lineStart, first, lineEnd);
      }
    }
    lineStart = next;
  }
  if (inserts.length === 0) return undefined;
  return withInserts(src, inserts);
}

/** `src` with the spaces inserted, and the map of its offsets back to `src`'s. */
function withInserts(src: string, inserts: readonly { at: number; spaces: number }[]): RelaxedText {
  const parts: string[] = [];
  const starts: number[] = []; // where each insert begins in the new text
  let prev = 0;
  let shift = 0;
  for (const { at, spaces } of inserts) {
    parts.push(src.slice(prev, at), ' '.repeat(spaces));
    starts.push(at + shift);
    shift += spaces;
    prev = at;
  }
  parts.push(src.slice(prev));
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = starts.length; // inserts starting at or before `offset`: [0, lo)
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return offset;
    const k = lo - 1;
    const insert = inserts[k]!;
    const before = starts[k]! - insert.at; // spaces inserted before this insert
    return offset < starts[k]! + insert.spaces ? insert.at : offset - before - insert.spaces;
  };
  return { text: parts.join(''), toOriginal };
}
