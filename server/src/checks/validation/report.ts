/**
 * Reports API-server findings in one shape: `<field path>: <error body> — <what to do>`, at the
 * node the error is about. A missing field is reported at its parent: the parent's key, or for a
 * list item (or the object itself) the item's first key, so the range stays one short token.
 */
import { formatFieldPath, type FieldPath } from '../../manifests/types';
import type { Reporter } from '../types';
import { getIn, isMap, type JsonMap } from './raw';

/** Where a finding goes: a path in the object, and whether to point at the key. */
export interface Where {
  readonly path: FieldPath;
  readonly key?: boolean;
}

/** The value node at `path`. */
export function at(path: FieldPath): Where {
  return { path };
}

/** The key of the node at `path` (for a field that is wrong as a whole, e.g. a forbidden list). */
export function keyOf(path: FieldPath): Where {
  return { path, key: true };
}

/** Where to report a field missing from the map at `parent` (in the object's `raw` JSON). */
export function missing(raw: JsonMap, parent: FieldPath): Where {
  let p = [...parent];
  // Climb to the nearest ancestor that is written at all.
  while (p.length > 0 && getIn(raw, p) === undefined) p = p.slice(0, -1);
  const last = p[p.length - 1];
  if (typeof last === 'string') return { path: p, key: true };
  const node = p.length ? getIn(raw, p) : raw;
  const first = isMap(node) ? Object.keys(node)[0] : undefined;
  return first === undefined ? { path: p } : { path: [...p, first], key: true };
}

/** The field path as the API server prints it. */
export function fieldOf(path: FieldPath): string {
  return formatFieldPath(path);
}

/** An API error: `<field>: <body> — <advice>`. */
export function fail(report: Reporter, where: Where, field: string, body: string, advice: string): void {
  report.at(where.path, `${field}: ${body} — ${advice}`, { field, ...(where.key ? { key: true } : {}) });
}

/** An API warning: the server's text (which names its field itself), then the advice. */
export function warn(report: Reporter, where: Where, field: string, text: string, advice: string): void {
  report.at(where.path, `${text} — ${advice}`, { field, ...(where.key ? { key: true } : {}) });
}
