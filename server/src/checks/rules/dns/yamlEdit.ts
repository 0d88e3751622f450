/**
 * Quick-fix text edits for the DNS and reference rules. Rules see offsets (`source.locate`) but
 * not the file's text, so the column of a block map is inferred from the offsets of its
 * neighbours; when it cannot be inferred, no fix is offered rather than a wrong one.
 */
import type { FieldPath, KubeObject, TextRange } from '../../../manifests/types';
import type { FixEdit } from '../../types';

type Json = unknown;

function plainMap(v: Json): Record<string, Json> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : undefined;
}

/** The plain JSON value at `path` in the object. */
export function rawAt(obj: KubeObject, path: FieldPath): Json {
  let v: Json = obj.raw;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, Json>)[part];
  }
  return v;
}

/** Whether the object was read from text (live and synthetic objects have empty ranges). */
function hasText(obj: KubeObject): boolean {
  return obj.source.range.end > obj.source.range.start;
}

/** Whether the map at `path` is written in block style (its first key starts the node). */
function isBlockMap(obj: KubeObject, path: FieldPath): boolean | undefined {
  const m = plainMap(rawAt(obj, path));
  const first = m && Object.keys(m)[0];
  if (first === undefined) return undefined;
  return obj.source.locate([...path, first], { key: true }).start === obj.source.locate(path).start;
}

function isOneLineScalar(v: Json): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.includes('\n'));
}

/**
 * The column of the keys of the block map at `path`. Every estimate below can only come out too
 * large (a trailing comment or a blank line widens a gap), never too small, so the smallest wins.
 */
export function blockMapColumn(obj: KubeObject, path: FieldPath): number | undefined {
  const m = plainMap(rawAt(obj, path));
  if (!m || isBlockMap(obj, path) !== true) return undefined;
  const src = obj.source;
  const keys = Object.keys(m);
  const estimates: number[] = [];
  for (let j = 0; j + 1 < keys.length; j++) {
    const v = m[keys[j]!];
    const valueEnd = src.locate([...path, keys[j]!]).end;
    const nextKey = src.locate([...path, keys[j + 1]!], { key: true }).start;
    // A scalar ends before its line break; a block map ends at the start of the next line.
    if (isOneLineScalar(v)) estimates.push(nextKey - valueEnd - 1);
    else if (plainMap(v) && isBlockMap(obj, [...path, keys[j]!])) estimates.push(nextKey - valueEnd);
  }
  const start = src.locate(path).start;
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'string') {
    // `key:` then a line break, then the map.
    estimates.push(start - src.locate(path, { key: true }).end - 2);
  } else if (last === 0 && typeof parent[parent.length - 1] === 'string') {
    // The first item of a block sequence: the dash sits on the line after `key:`. A comment after
    // `key:` would widen this guess, so it must also sit where dashes go: 0-4 columns past `key`.
    const dashPos = src.locate(parent).start;
    const dashCol = dashPos - src.locate(parent, { key: true }).end - 2;
    const keyCol = blockMapColumn(obj, parent.slice(0, -1));
    if (keyCol === undefined || (dashCol >= keyCol && dashCol <= keyCol + 4)) estimates.push(dashCol + (start - dashPos));
  }
  const valid = estimates.filter((e) => e >= 0);
  return valid.length ? Math.min(...valid) : undefined;
}

const YAML11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/** A string as a YAML scalar: plain when that reads back as the same string, else quoted. */
export function yamlString(s: string): string {
  return /^[a-z][a-z0-9./-]*$/i.test(s) && !YAML11_WORDS.has(s.toLowerCase()) ? s : JSON.stringify(s);
}

/**
 * A fix that adds `key: value` (a string, or a map of strings) as the first entry of the map at
 * `path`; `undefined` when the map is missing, empty or its indentation cannot be inferred.
 */
export function insertMapEntry(obj: KubeObject, path: FieldPath, key: string, value: string | Readonly<Record<string, string>>, title: string): FixEdit | undefined {
  if (!hasText(obj)) return undefined;
  const block = isBlockMap(obj, path);
  if (block === undefined) return undefined;
  const start = obj.source.locate(path).start;
  let range: TextRange;
  let newText: string;
  if (!block) {
    // Flow map (or JSON): right after the `{`, in the file's own syntax.
    const json = obj.source.file.toLowerCase().endsWith('.json');
    const str = json ? (s: string) => JSON.stringify(s) : yamlString;
    const val =
      typeof value === 'string' ? str(value) : `{${Object.entries(value).map(([k, v]) => `${str(k)}: ${str(v)}`).join(', ')}}`;
    range = { start: start + 1, end: start + 1 };
    newText = `${str(key)}: ${val}, `;
  } else {
    const col = blockMapColumn(obj, path);
    if (col === undefined) return undefined;
    const pad = ' '.repeat(col);
    const entry =
      typeof value === 'string'
        ? `${yamlString(key)}: ${yamlString(value)}`
        : `${yamlString(key)}:${Object.entries(value).map(([k, v]) => `\n${pad}  ${yamlString(k)}: ${yamlString(v)}`).join('')}`;
    range = { start, end: start };
    newText = `${entry}\n${pad}`;
  }
  return { title, edits: [{ file: obj.source.file, range, newText }] };
}

/** A fix that replaces the scalar at `path` with `value`. */
export function replaceScalar(obj: KubeObject, path: FieldPath, value: string, title: string): FixEdit | undefined {
  if (!hasText(obj) || !obj.source.has(path)) return undefined;
  const json = obj.source.file.toLowerCase().endsWith('.json');
  return { title, edits: [{ file: obj.source.file, range: obj.source.locate(path), newText: json ? JSON.stringify(value) : yamlString(value) }] };
}
