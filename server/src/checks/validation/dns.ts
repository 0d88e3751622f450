/**
 * DNS name formats with the API server's exact messages (service-validation.md §4; apimachinery
 * `util/validation` IsDNS1035Label, IsDNS1123Label, IsDNS1123Subdomain, and the name functions of
 * `api/validation/generic.go`).
 */
import { hasPlaceholder } from './placeholder';

const LABEL_1123 = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_1123 = `${LABEL_1123}(\\.${LABEL_1123})*`;
const LABEL_1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';

const LABEL_1123_RE = new RegExp(`^${LABEL_1123}$`);
const SUBDOMAIN_1123_RE = new RegExp(`^${SUBDOMAIN_1123}$`);
const LABEL_1035_RE = new RegExp(`^${LABEL_1035}$`);

/** The longest DNS label (DNS1123LabelMaxLength, DNS1035LabelMaxLength). */
export const DNS_LABEL_MAX = 63;
/** The longest DNS-1123 subdomain. */
export const DNS_SUBDOMAIN_MAX = 253;

/** Go measures strings in bytes. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `must be no more than N characters` (apimachinery MaxLenError). */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** apimachinery RegexError: the message, examples, and the regex. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const LABEL_1123_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_1123_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/** DNS-1123 label: port names, namespaces, hostnames, subdomains. */
export function dns1123LabelErrors(v: string): string[] {
  if (hasPlaceholder(v)) return [];
  const errs: string[] = [];
  if (byteLength(v) > DNS_LABEL_MAX) errs.push(maxLenError(DNS_LABEL_MAX));
  if (!LABEL_1123_RE.test(v)) {
    // A valid subdomain that is not a label can only be wrong because of its dots.
    errs.push(SUBDOMAIN_1123_RE.test(v) ? 'must not contain dots' : regexError(LABEL_1123_MSG, LABEL_1123, 'my-name', '123-abc'));
  }
  return errs;
}

/** DNS-1123 subdomain: externalName, Endpoints/EndpointSlice names, node names. */
export function dns1123SubdomainErrors(v: string): string[] {
  if (hasPlaceholder(v)) return [];
  const errs: string[] = [];
  if (byteLength(v) > DNS_SUBDOMAIN_MAX) errs.push(maxLenError(DNS_SUBDOMAIN_MAX));
  if (!SUBDOMAIN_1123_RE.test(v)) errs.push(regexError(SUBDOMAIN_1123_MSG, SUBDOMAIN_1123, 'example.com'));
  return errs;
}

/** DNS-1035 label: Service names (must start with a letter). */
export function dns1035LabelErrors(v: string): string[] {
  if (hasPlaceholder(v)) return [];
  const errs: string[] = [];
  if (byteLength(v) > DNS_LABEL_MAX) errs.push(maxLenError(DNS_LABEL_MAX));
  if (!LABEL_1035_RE.test(v)) errs.push(regexError(LABEL_1035_MSG, LABEL_1035, 'my-name', 'abc-123'));
  return errs;
}

/**
 * generateName may end in `-`: apimachinery masks a trailing dash before checking. The mask drops
 * two characters and appends one ("ab-" → "aa"); we keep that quirk so the same prefixes pass.
 */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}

/** A name checker as `ValidateObjectMeta` takes it: `prefix` is true for generateName. */
export type NameCheck = (name: string, prefix: boolean) => string[];

/** NameIsDNS1035Label: Service names. */
export const nameIsDns1035Label: NameCheck = (n, prefix) => dns1035LabelErrors(prefix ? maskTrailingDash(n) : n);
/** NameIsDNSLabel: namespaces, StatefulSet names. */
export const nameIsDns1123Label: NameCheck = (n, prefix) => dns1123LabelErrors(prefix ? maskTrailingDash(n) : n);
/** NameIsDNSSubdomain: Endpoints and EndpointSlice names. */
export const nameIsDns1123Subdomain: NameCheck = (n, prefix) => dns1123SubdomainErrors(prefix ? maskTrailingDash(n) : n);

/** One IsFullyQualifiedDomainName error: the value it names and the message(s). */
export interface FqdnProblem {
  readonly required?: boolean;
  readonly value: string;
  readonly message: string;
}

/**
 * IsFullyQualifiedDomainName (EndpointSlice FQDN addresses): one trailing dot allowed, a lowercase
 * subdomain of at least two labels. Returns the first problem, as the API server does.
 */
export function fqdnProblem(value: string): FqdnProblem | undefined {
  if (value === '') return { required: true, value, message: '' };
  if (hasPlaceholder(value)) return undefined;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const errs = dns1123SubdomainErrors(name);
  if (errs.length) return { value: name, message: errs.join(',') };
  const labels = name.split('.');
  if (labels.length < 2) return { value: name, message: 'should be a domain with at least two segments separated by dots' };
  for (const label of labels) {
    const labelErrs = dns1123LabelErrors(label);
    if (labelErrs.length) return { value: label, message: labelErrs.join(',') };
  }
  return undefined;
}
