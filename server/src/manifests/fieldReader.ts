/**
 * Reads fields of a plain JSON object with the types the API server expects, collecting a
 * problem for each field of the wrong type (the API server would reject the whole object when
 * decoding it). A field of the wrong type reads as absent, so the rest of the object still counts.
 */
import { formatFieldPath, type FieldPath, type ObjectSource, type ParseProblem } from './types';

type Json = unknown;

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `the ${typeof v} ${String(v)}`;
}

export class FieldReader {
  readonly problems: ParseProblem[] = [];

  constructor(
    private readonly source: ObjectSource,
    private readonly kind: string,
  ) {}

  private wrongType(path: FieldPath, expected: string, got: Json): void {
    const field = formatFieldPath(path);
    this.problems.push({
      file: this.source.file,
      range: this.source.locate(path),
      severity: 'error',
      code: 'manifest-field-type',
      field,
      message: `${this.kind} ${field} must be ${expected}, not ${describe(got)}: the API server rejects the object when decoding it.`,
    });
  }

  /** A map, or `undefined` when absent/null; reports anything else. */
  map(obj: Json, path: FieldPath): Record<string, Json> | undefined {
    if (obj === undefined || obj === null) return undefined;
    if (typeof obj === 'object' && !Array.isArray(obj)) return obj as Record<string, Json>;
    this.wrongType(path, 'a map', obj);
    return undefined;
  }

  /** A list; absent/null reads as empty. */
  list(obj: Json, path: FieldPath): Json[] {
    if (obj === undefined || obj === null) return [];
    if (Array.isArray(obj)) return obj;
    this.wrongType(path, 'a list', obj);
    return [];
  }

  /** A string; a boolean reads as absent, unreported (see {@link notString}). */
  string(obj: Json, path: FieldPath): string | undefined {
    if (obj === undefined || obj === null) return undefined;
    if (typeof obj === 'string') return obj;
    this.notString(path, 'a string', obj);
    return undefined;
  }

  /**
   * A value that is not a string where one is required. A boolean (`yes`, `on`, `true`) is left
   * to the `unquoted-boolean` check, which knows every string field and offers to quote it: one
   * report per value.
   */
  private notString(path: FieldPath, expected: string, got: Json): void {
    if (typeof got !== 'boolean') this.wrongType(path, expected, got);
  }

  /** An integer (Go int32/int64 fields reject strings and fractions alike). */
  int(obj: Json, path: FieldPath): number | undefined {
    if (obj === undefined || obj === null) return undefined;
    if (typeof obj === 'number' && Number.isInteger(obj)) return obj;
    this.wrongType(path, 'an integer', obj);
    return undefined;
  }

  bool(obj: Json, path: FieldPath): boolean | undefined {
    if (obj === undefined || obj === null) return undefined;
    if (typeof obj === 'boolean') return obj;
    this.wrongType(path, 'a boolean (true or false)', obj);
    return undefined;
  }

  /** An IntOrString field such as `targetPort`. */
  intOrString(obj: Json, path: FieldPath): number | string | undefined {
    if (obj === undefined || obj === null) return undefined;
    if (typeof obj === 'string') return obj;
    if (typeof obj === 'number' && Number.isInteger(obj)) return obj;
    this.notString(path, 'an integer or a string', obj);
    return undefined;
  }

  /**
   * A `map[string]string` such as labels; non-string values are reported and left out. A null
   * value (`tier:` or `tier: null`) is the empty string: Go's JSON decoder stores the element's
   * zero value for a null, and the API server accepts it.
   */
  stringMap(obj: Json, path: FieldPath): Record<string, string> | undefined {
    const m = this.map(obj, path);
    if (!m) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) {
      if (typeof v === 'string') out[k] = v;
      else if (v === null) out[k] = '';
      else this.notString([...path, k], 'a string (quote numbers)', v);
    }
    return out;
  }

  /** A list of strings. */
  stringList(obj: Json, path: FieldPath): string[] {
    const out: string[] = [];
    this.list(obj, path).forEach((v, i) => {
      const s = this.string(v, [...path, i]);
      if (s !== undefined) out.push(s);
    });
    return out;
  }
}
