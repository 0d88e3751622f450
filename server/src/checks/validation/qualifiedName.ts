/**
 * Qualified names (label/annotation keys, appProtocol, loadBalancerClass, finalizers) and label
 * values, with apimachinery's messages (IsQualifiedName, IsValidLabelValue; service-validation.md §4).
 */
import { hasPlaceholder } from './placeholder';
import { byteLength, dns1123SubdomainErrors, maxLenError, regexError } from './dns';

const NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const NAME_RE = new RegExp(`^${NAME_FMT}$`);
const NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const NAME_MAX = 63;

const VALUE_FMT = `(${NAME_FMT})?`;
const VALUE_RE = new RegExp(`^${VALUE_FMT}$`);
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const VALUE_MAX = 63;

/** An optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  // A templated key is the template's to get right (placeholder.ts).
  if (hasPlaceholder(value)) return [];
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(NAME_MSG, NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > NAME_MAX) errs.push(`name part ${maxLenError(NAME_MAX)}`);
  if (!NAME_RE.test(name)) errs.push(`name part ${regexError(NAME_MSG, NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** A label value: empty, or up to 63 alphanumerics, '-', '_' and '.' inside. */
export function labelValueErrors(value: string): string[] {
  if (hasPlaceholder(value)) return [];
  const errs: string[] = [];
  if (byteLength(value) > VALUE_MAX) errs.push(maxLenError(VALUE_MAX));
  if (!VALUE_RE.test(value)) errs.push(regexError(VALUE_MSG, VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** One problem in a label map (`metadata.labels`, `spec.selector`). */
export interface LabelProblem {
  readonly key: string;
  /** Whether the key or the value is wrong. */
  readonly part: 'key' | 'value';
  /** The offending text (the key or the value). */
  readonly text: string;
  readonly messages: readonly string[];
}

/** ValidateLabels: every key a qualified name, every (string) value a label value. */
export function labelMapProblems(map: Readonly<Record<string, unknown>>): LabelProblem[] {
  const out: LabelProblem[] = [];
  for (const [key, value] of Object.entries(map)) {
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length) out.push({ key, part: 'key', text: key, messages: keyErrs });
    // Non-string values fail decoding and are reported by the reader.
    if (typeof value !== 'string') continue;
    const valueErrs = labelValueErrors(value);
    if (valueErrs.length) out.push({ key, part: 'value', text: value, messages: valueErrs });
  }
  return out;
}
