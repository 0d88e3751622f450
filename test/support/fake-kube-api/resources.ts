/**
 * The API resources the fake server knows: the ones CoreDNS and our live lookups read
 * (dns-rules.md §1.1) plus ConfigMaps (the CoreDNS Corefile lives in one).
 */

/** One served resource, described the way discovery describes it. */
export interface ResourceInfo {
  /** API group; `''` for the core group. */
  readonly group: string;
  readonly version: string;
  /** Plural, lower-case resource name as it appears in URLs (`services`). */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  readonly listKind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
}

/** Read-only verbs: the fake server answers GET only, but advertises what kubectl expects. */
export const VERBS = ['get', 'list', 'watch'] as const;

/** Every resource the fake server serves. */
export const RESOURCES: readonly ResourceInfo[] = [
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', listKind: 'NamespaceList', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', listKind: 'ServiceList', namespaced: true, shortNames: ['svc'] },
  { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', listKind: 'PodList', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', listKind: 'ConfigMapList', namespaced: true, shortNames: ['cm'] },
  { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', listKind: 'EndpointSliceList', namespaced: true, shortNames: [] },
];

/** `v1` or `discovery.k8s.io/v1`. */
export function groupVersion(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** The resource served under `group`/`version` with plural name `resource`, if any. */
export function findResource(group: string, version: string, resource: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

/** The resource whose objects have this `apiVersion` and `kind`, if any. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => groupVersion(r) === apiVersion && r.kind === kind);
}

/** The API groups other than core, each with its versions, in a stable order. */
export function namedGroups(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of RESOURCES) {
    if (r.group === '') continue;
    const versions = groups.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    groups.set(r.group, versions);
  }
  return groups;
}
