/**
 * `Status` bodies exactly as kube-apiserver writes them, so clients under test parse the real
 * shapes and messages (apimachinery `errors.NewNotFound`, `NewForbidden`, `NewUnauthorized`,
 * `NewInternalError`).
 */
import type { RequestInfo } from './requestInfo';

/** A `meta/v1` Status object. */
export interface KubeStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure';
  readonly message: string;
  readonly reason: string;
  readonly details?: { name?: string; group?: string; kind?: string; causes?: { message: string }[] };
  readonly code: number;
}

function failure(code: number, reason: string, message: string, details?: KubeStatus['details']): KubeStatus {
  const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason } as const;
  // Field order matters to nobody, but matching the server's order keeps dumps comparable.
  return details === undefined ? { ...base, code } : { ...base, details, code };
}

/** `services` or `endpointslices.discovery.k8s.io`: the resource as apimachinery names it in messages. */
function qualified(info: RequestInfo): string {
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}

function detailsOf(info: RequestInfo): NonNullable<KubeStatus['details']> {
  const details: NonNullable<KubeStatus['details']> = {};
  if (info.name !== undefined) details.name = info.name;
  if (info.group !== '') details.group = info.group;
  details.kind = info.resource;
  return details;
}

/** 404 for a named object: `services "x" not found`. */
export function notFound(info: RequestInfo): KubeStatus {
  return failure(404, 'NotFound', `${qualified(info)} "${info.name ?? ''}" not found`, detailsOf(info));
}

/** 404 for a path the server does not serve at all. */
export function unknownPath(): KubeStatus {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/**
 * 403 with the RBAC authorizer's wording, e.g. `services "quote" is forbidden: User "u" cannot get
 * resource "services" in API group "" in the namespace "kiada"`.
 */
export function forbidden(info: RequestInfo, user: string): KubeStatus {
  const subject = info.name === undefined ? qualified(info) : `${qualified(info)} "${info.name}"`;
  const scope = info.namespace === undefined ? 'at the cluster scope' : `in the namespace "${info.namespace}"`;
  const message =
    `${subject} is forbidden: User "${user}" cannot ${info.verb} resource "${info.resource}" ` +
    `in API group "${info.group}" ${scope}`;
  return failure(403, 'Forbidden', message, detailsOf(info));
}

/** 401, as the authenticator answers a missing or wrong bearer token. */
export function unauthorized(): KubeStatus {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/** 500 with the apiserver's "Internal error occurred" wording. */
export function internalError(cause = 'etcdserver: request timed out'): KubeStatus {
  return failure(500, 'InternalError', `Internal error occurred: ${cause}`, { causes: [{ message: cause }] });
}

/** 400 for a request the server cannot parse (e.g. a bad label selector). */
export function badRequest(message: string): KubeStatus {
  return failure(400, 'BadRequest', message);
}

/** 405 for any verb other than GET: the fake server is read-only. */
export function methodNotAllowed(): KubeStatus {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

/** The Status a fault asks for, worded for the request it hit. */
export function statusForCode(code: 401 | 403 | 404 | 500, info: RequestInfo | undefined, user: string, message?: string): KubeStatus {
  switch (code) {
    case 401:
      return unauthorized();
    case 403:
      return info === undefined ? failure(403, 'Forbidden', message ?? 'forbidden') : forbidden(info, user);
    case 404:
      return info === undefined || info.name === undefined ? unknownPath() : notFound(info);
    case 500:
      return internalError(message);
  }
}
