/**
 * Reads a resource URL the way kube-apiserver's RequestInfoFactory does, for the subset the fake
 * server serves: `/api/v1/...` and `/apis/<group>/<version>/...`, namespaced or not, list or get.
 */
import { findResource, type ResourceInfo } from './resources';

/** What a resource request asks for. */
export interface RequestInfo {
  readonly verb: 'get' | 'list';
  readonly group: string;
  readonly version: string;
  /** The plural resource name from the URL (possibly one the server does not serve). */
  readonly resource: string;
  /** The served resource, when the URL names one. */
  readonly served: ResourceInfo | undefined;
  readonly namespace?: string;
  readonly name?: string;
}

/**
 * Parses `pathname` (no query). Returns undefined for paths that are not resource requests
 * (discovery, `/version`, or anything malformed).
 */
export function parseResourcePath(pathname: string): RequestInfo | undefined {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  // `namespaces/<ns>/<resource>[/<name>]` is a namespaced request; `namespaces[/<name>]` is about
  // Namespace objects themselves.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const [, namespace, resource, name, ...extra] = rest;
    if (extra.length > 0) return undefined;
    return build(group, version, resource!, namespace, name);
  }
  const [resource, name, ...extra] = rest;
  if (extra.length > 0) return undefined;
  return build(group, version, resource!, undefined, name);
}

function build(group: string, version: string, resource: string, namespace: string | undefined, name: string | undefined): RequestInfo {
  const info: { -readonly [K in keyof RequestInfo]: RequestInfo[K] } = {
    verb: name === undefined ? 'list' : 'get',
    group,
    version,
    resource,
    served: findResource(group, version, resource),
  };
  if (namespace !== undefined) info.namespace = namespace;
  if (name !== undefined) info.name = name;
  return info;
}
