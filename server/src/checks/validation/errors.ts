/**
 * The bodies of API-server field errors, printed as `kubectl` shows them (service-validation.md §2,
 * apimachinery `field/errors.go`): `Required value`, `Invalid value: "x": …`, `Duplicate value: …`,
 * `Unsupported value: …`, `Forbidden: …`, `Too long: …`, `Too many: …`.
 */

/** A value printed verbatim, for Go values that are not strings or numbers (a struct literal). */
export class GoLiteral {
  constructor(readonly text: string) {}
}

/** Go's `%q` for the strings we meet (JSON quoting agrees with it on printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** A bad value as the API server prints it: strings quoted, `[]string{…}` for string lists. */
export function goValue(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`;
  return JSON.stringify(v);
}

/** `Required value`, with the detail when there is one. */
export function required(detail?: string): string {
  return detail ? `Required value: ${detail}` : 'Required value';
}

/**
 * `Invalid value: <v>: <detail>`. The API server returns one error per detail; an editor shows
 * them as one finding, details joined by "; ".
 */
export function invalid(value: unknown, details: readonly string[]): string {
  return `Invalid value: ${goValue(value)}: ${details.join('; ')}`;
}

/** `Duplicate value: <v>`. */
export function duplicate(value: unknown): string {
  return `Duplicate value: ${goValue(value)}`;
}

/** `Unsupported value: <v>: supported values: "A", "B"` (the list in the order given). */
export function unsupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${goValue(value)}: supported values: ${supported.map(goQuote).join(', ')}`;
}

/** `Forbidden: <detail>` (no value). */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** TooLong prints no value. */
export function tooLong(maxBytes: number): string {
  return `Too long: must have at most ${maxBytes} bytes`;
}

/** `Too many: <n>: must have at most <max> items`. */
export function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}
