/**
 * Which of a document's syntax errors to report. One mistake (a tab, a lost indent) makes the
 * parser report a dozen errors after it, most of them echoes; kubectl stops at the first. We
 * report the first error of the document, then the first of each other top-level field (an
 * error there is likely a mistake of its own), at most {@link MAX_SYNTAX_ERRORS}.
 */
import type { Document, YAMLError } from 'yaml';

/** The most syntax errors reported for one document. */
export const MAX_SYNTAX_ERRORS = 5;

/**
 * Where the top-level nodes of a document's text start: lines that begin at column 0 with
 * content (a key, a `- ` item), by the text rather than the tree, which a broken indent garbles.
 */
function topLevelStarts(src: string): number[] {
  const out: number[] = [];
  let lineStart = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const isBreak = c === '\n' || c === '\r'; // a lone CR ends a line too
    if (lineStart && !isBreak && c !== ' ' && c !== '\t' && c !== '#') out.push(i);
    lineStart = isBreak;
  }
  return out;
}

/** The errors of `doc` (parsed from `src`) worth reporting, in text order. */
export function independentErrors(doc: Document, src: string): YAMLError[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (errors.length <= 1) return errors;
  const starts = topLevelStarts(src);
  let node = -1;
  let lastNode = -2;
  const out: YAMLError[] = [];
  for (const e of errors) {
    while (node + 1 < starts.length && starts[node + 1]! <= e.pos[0]) node++;
    if (node === lastNode) continue;
    lastNode = node;
    out.push(e);
    if (out.length === MAX_SYNTAX_ERRORS) break;
  }
  return out;
}
