/**
 * Splits a stream of JSON objects (`{…}{…}` or one per line, no enclosing array) into one chunk
 * per object, without parsing them. Kubernetes' YAML-or-JSON decoder (apimachinery
 * `yaml.NewYAMLOrJSONDecoder`) reads a stream whose first non-space character is `{` as JSON,
 * one object after another; YAML would read the second object as garbage after the first.
 */
import type { DocumentChunk } from './split';

const OPEN_BRACE = 123; // '{'
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91; // '['
const CLOSE_BRACKET = 93;
const QUOTE = 34; // '"'
const BACKSLASH = 92;

/** JSON whitespace (space, tab, LF, CR). */
function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The first offset from `i` on that is not JSON whitespace. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the text from `from` on starts (after whitespace) with `{`, as the decoder guesses JSON. */
export function startsAsJsonStream(text: { readonly length: number; charCodeAt(i: number): number }, from = 0): boolean {
  let i = from;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === OPEN_BRACE;
}

/** The offset just past the JSON object or array starting at `i`; `-1` when it is not closed. */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
      if (i >= text.length) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The chunks of a stream of two or more JSON values from `from` on, each running from its value
 * to the next one (the first from `from`); `undefined` when the text is not such a stream (one
 * value, an unclosed value, or anything but whitespace between values), which the YAML parser
 * then reads and reports as it is.
 */
export function splitJsonStream(text: string, from: number): DocumentChunk[] | undefined {
  const starts: number[] = [];
  let i = skipSpace(text, from);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) return undefined;
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    starts.push(i);
    i = skipSpace(text, end);
  }
  if (starts.length < 2) return undefined;
  starts[0] = from;
  return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1]! : text.length }));
}
