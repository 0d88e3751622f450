/**
 * Discovery documents: the legacy ones (`/api`, `/api/v1`, `/apis`, `/apis/<g>`, `/apis/<g>/<v>`)
 * and the aggregated `apidiscovery.k8s.io/v2` lists that kubectl ≥ 1.30 asks for first.
 */
import { groupVersion, namedGroups, RESOURCES, VERBS, type ResourceInfo } from './resources';

/** The media type of an aggregated discovery answer. */
export const AGGREGATED_MEDIA_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether an Accept header asks for aggregated discovery v2 (clients list it before plain JSON). */
export function wantsAggregated(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('g=apidiscovery.k8s.io') && params.includes('v=v2') && params.includes('as=APIGroupDiscoveryList');
  });
}

function apiResource(r: ResourceInfo): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: r.resource,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: [...VERBS],
  };
  if (r.shortNames.length > 0) entry.shortNames = [...r.shortNames];
  return entry;
}

/** `/api`: the legacy APIVersions document. */
export function legacyCoreVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `/apis`: the legacy APIGroupList. */
export function legacyGroupList(): unknown {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...namedGroups()].map(([name, versions]) => apiGroup(name, versions)) };
}

/** `/apis/<group>`: one APIGroup, or undefined when not served. */
export function legacyGroup(group: string): unknown {
  const versions = namedGroups().get(group);
  return versions === undefined ? undefined : { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) };
}

function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
  const list = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: list, preferredVersion: list[0] };
}

/** `/api/v1` or `/apis/<g>/<v>`: the APIResourceList, or undefined when not served. */
export function resourceList(group: string, version: string): unknown {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion({ group, version }), resources: resources.map(apiResource) };
}

/** Aggregated discovery for `/api` (core: true) or `/apis` (core: false). */
export function aggregatedDiscovery(core: boolean): unknown {
  const groups = core ? new Map([['', ['v1']]]) : namedGroups();
  const items = [...groups].map(([group, versions]) => ({
    metadata: group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => {
        const entry: Record<string, unknown> = {
          resource: r.resource,
          responseKind: { group: r.group, version: r.version, kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: r.singular,
          verbs: [...VERBS],
        };
        if (r.shortNames.length > 0) entry.shortNames = [...r.shortNames];
        return entry;
      }),
      freshness: 'Current',
    })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
