/**
 * Splits a multi-document YAML text at its `---` markers without parsing it, so that an edit can
 * re-parse only the document it touched. A line that starts with `---` followed by a space, a tab
 * or the end of the line is a document marker wherever it stands (YAML 1.2 forbids it inside
 * scalars), so this split is exact.
 */

/** One YAML document's slice of the file text. */
export interface DocumentChunk {
  /** Offset of the first character of the chunk in the file. */
  readonly start: number;
  /** Offset just past the last character of the chunk. */
  readonly end: number;
}

const DASH = 45; // '-'
const NL = 10;
const CR = 13;
const SP = 32;
const TAB = 9;
const HASH = 35; // '#'
const DOT = 46; // '.'

function isMarkerAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== DASH || text.charCodeAt(i + 1) !== DASH || text.charCodeAt(i + 2) !== DASH) {
    return false;
  }
  const after = i + 3 < text.length ? text.charCodeAt(i + 3) : NL;
  return after === SP || after === TAB || after === NL || after === CR;
}

/**
 * The chunks of a YAML stream. Each chunk starts at a `---` line (except the first, which starts
 * at 0) and runs up to the next marker. An empty text is one empty chunk.
 */
export function splitYamlDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  // Skip a byte order mark: it belongs to no document.
  if (text.charCodeAt(0) === 0xfeff) {
    chunkStart = 1;
    lineStart = 1;
  }
  const n = text.length;
  // A lone `\r` ends a line too (YAML 1.2 §5.4). The next position of each break is kept, not
  // searched again from every line: a file without `\r` (or, with lone CRs, without `\n`) would be
  // scanned to its end once per line (issue 12: quadratic on a file of CR line ends).
  let cr = text.indexOf('\r', lineStart);
  let nl = text.indexOf('\n', lineStart);
  while (lineStart < n) {
    if (lineStart > chunkStart && isMarkerAt(text, lineStart)) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    if (cr >= 0 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    if (nl >= 0 && nl < lineStart) nl = text.indexOf('\n', lineStart);
    const end = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
    if (end < 0) break;
    lineStart = end + 1;
  }
  chunks.push({ start: chunkStart, end: n });
  return chunks;
}

/**
 * Whether a chunk holds nothing but whitespace, comments and `---` / `...` markers. A single
 * left-to-right scan: a regular expression for this (`(?:\s|#[^\n]*|---)*`) backtracks
 * exponentially on a banner line of `#` followed by content.
 */
export function isBlankChunk(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      // A comment runs to the end of its line (any line break ends it).
      while (i < n && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
    } else if (isWhitespace(c)) {
      i++;
    } else if ((c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

const WHITESPACE = /\s/;

function isWhitespace(c: number): boolean {
  return WHITESPACE.test(String.fromCharCode(c));
}
