/**
 * Port numbers and IANA service names (apimachinery IsValidPortNum, IsValidPortName;
 * service-validation.md §4). IANA_SVC_NAME applies to string targetPorts, not to Service port names.
 */
import type { FieldPath } from '../../manifests/types';
import type { Reporter } from '../types';
import { invalid } from './errors';
import { hasPlaceholder } from './placeholder';
import { qualifiedNameErrors } from './qualifiedName';
import { optString } from './raw';
import { at, fail, fieldOf } from './report';

/** The lowest valid port number. */
export const PORT_MIN = 1;
/** The highest valid port number. */
export const PORT_MAX = 65535;

/** `must be between 1 and 65535, inclusive` unless `n` is a port number. */
export function portNumberErrors(n: number): string[] {
  return n >= PORT_MIN && n <= PORT_MAX ? [] : [`must be between ${PORT_MIN} and ${PORT_MAX}, inclusive`];
}

/** IANA_SVC_NAME: 1–15 of [-a-z0-9], at least one letter, no `--`, no leading/trailing `-`. */
export function ianaSvcNameErrors(s: string): string[] {
  if (hasPlaceholder(s)) return [];
  const errs: string[] = [];
  if (s.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(s)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(s)) errs.push('must contain at least one letter (a-z)');
  if (s.includes('--')) errs.push('must not contain consecutive hyphens');
  if (s.startsWith('-') || s.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** The protocols a Service, Endpoints or EndpointSlice port may use, sorted as the API lists them. */
export const PROTOCOLS: readonly string[] = ['SCTP', 'TCP', 'UDP'];

/**
 * An `appProtocol` must be a qualified name (`http`, `kubernetes.io/h2c`), checked alike on
 * Service, Endpoints and EndpointSlice ports (PORT-8, EP-6, EPS-4).
 */
export function checkAppProtocol(report: Reporter, value: unknown, path: FieldPath): void {
  const appProtocol = optString(value);
  const errors = typeof appProtocol === 'string' ? qualifiedNameErrors(appProtocol) : [];
  if (errors.length) fail(report, at(path), fieldOf(path), invalid(appProtocol, errors), 'use a protocol name such as http, or a domain-prefixed name.');
}
