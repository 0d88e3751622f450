/**
 * Reads fields of an object's plain JSON the way Go decodes them: an absent (or null) field is the
 * zero value, a pointer field is `undefined` when absent. A value of the wrong type reads as `null`:
 * the reader already reports it (`manifest-field-type`) and the API server stops at decoding, so
 * rules skip it rather than pile a second finding on top.
 */
import type { FieldPath } from '../../manifests/types';

/** A JSON object as read from YAML. */
export type JsonMap = Readonly<Record<string, unknown>>;

function absent(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

/** Whether a JSON value is an object (not null, not a list). */
export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at `path` (map keys and list indexes), `undefined` when any step is missing. */
export function getIn(root: unknown, path: FieldPath): unknown {
  let v: unknown = root;
  for (const part of path) {
    if (typeof part === 'number') v = Array.isArray(v) ? v[part] : undefined;
    else v = isMap(v) ? v[part] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** Whether the field is written with a non-null value. */
export function present(m: JsonMap, key: string): boolean {
  return !absent(m[key]);
}

/** A string field: `''` when absent. */
export function goString(v: unknown): string | null {
  if (absent(v)) return '';
  return typeof v === 'string' ? v : null;
}

/** An integer field: `0` when absent. */
export function goInt(v: unknown): number | null {
  if (absent(v)) return 0;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** A `*string` field: `undefined` when absent (even `""` counts as set). */
export function optString(v: unknown): string | undefined | null {
  if (absent(v)) return undefined;
  return typeof v === 'string' ? v : null;
}

/** A `*int32` field: `undefined` when absent. */
export function optInt(v: unknown): number | undefined | null {
  if (absent(v)) return undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** A `*bool` field: `undefined` when absent. */
export function optBool(v: unknown): boolean | undefined | null {
  if (absent(v)) return undefined;
  return typeof v === 'boolean' ? v : null;
}

/** A map field: `{}` when absent. */
export function goMap(v: unknown): JsonMap | null {
  if (absent(v)) return {};
  return isMap(v) ? v : null;
}

/** A list field: `[]` when absent. */
export function goList(v: unknown): readonly unknown[] | null {
  if (absent(v)) return [];
  return Array.isArray(v) ? v : null;
}

/** A `[]string` field: `[]` when absent, `null` when it or any item has the wrong type. */
export function goStringList(v: unknown): readonly string[] | null {
  const list = goList(v);
  if (!list) return null;
  return list.every((x) => typeof x === 'string') ? (list as string[]) : null;
}

/** An IntOrString field (`targetPort`): `undefined` when absent. */
export function intOrString(v: unknown): number | string | undefined | null {
  if (absent(v)) return undefined;
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}
