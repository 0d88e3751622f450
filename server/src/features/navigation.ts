/**
 * Go to definition, find references and rename across the objects DNS ties together: DNS names
 * in values, selectors, named target ports, StatefulSet `serviceName`, EndpointSlice labels,
 * Endpoints names, pod `subdomain`s, and Ingress and route backends (`backendNavigation.ts`).
 */
import { serviceKey, type ServiceEntry } from '../dns/cluster';
import { selectsPodsOf } from '../dns/controllerLabels';
import { isEndpointSlice, isEndpoints, isPod, isService, isStatefulSet, isWorkload, type FieldPath, type KubeObject, type Service, type TextRange } from '../manifests/types';
import { dnsNameUses, type DnsNameUse } from '../refs/dnsNames';
import { hostRange, labelRange } from '../refs/locate';
import type { WorkspaceIndex } from '../workspace';
import { objectAt } from './hover';
import { backendDefinition, backendReferencesTo } from './backendNavigation';

export interface Location {
  readonly uri: string;
  readonly range: TextRange;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const startsWith = (path: FieldPath, prefix: FieldPath): boolean => prefix.every((p, i) => path[i] === p);
const eq = (a: FieldPath, b: FieldPath): boolean => a.length === b.length && startsWith(a, b);

function loc(o: KubeObject, path: FieldPath): Location {
  return { uri: o.source.file, range: o.source.locate(path) };
}

/** The DNS-name use under the cursor, if any. */
export function useAt(index: WorkspaceIndex, uri: string, offset: number): DnsNameUse | undefined {
  const hit = objectAt(index, uri, offset);
  const text = index.file(uri)?.source;
  if (!hit || text === undefined) return undefined;
  for (const use of dnsNameUses(hit.object, index.cluster())) {
    if (!eq(use.token.path, hit.path)) continue;
    const r = hostRange(use, text);
    if (r && offset >= r.start && offset <= r.end) return use;
  }
  return undefined;
}

function serviceOf(index: WorkspaceIndex, ns: string, name: string | undefined): ServiceEntry | undefined {
  return name ? index.cluster().services.get(serviceKey(ns, name)) : undefined;
}

/** The pod-bearing objects a Service's selector matches, with their label maps. */
function selectedTemplates(index: WorkspaceIndex, svc: Service): KubeObject[] {
  const out: KubeObject[] = [];
  for (const o of index.cluster().objects) {
    if ((isPod(o) || isWorkload(o) || isStatefulSet(o)) && o.meta.namespace === svc.meta.namespace && selectsPodsOf(svc.spec.selector, o)) out.push(o);
  }
  return out;
}

function labelsPath(o: KubeObject): FieldPath {
  if (isPod(o)) return ['metadata', 'labels'];
  if (isWorkload(o) || isStatefulSet(o)) return [...o.template.specPath.slice(0, -1), 'metadata', 'labels'];
  return ['metadata', 'labels'];
}

/** Where the thing under the cursor is defined. */
export function definitionAt(index: WorkspaceIndex, uri: string, offset: number): Location[] {
  const use = useAt(index, uri, offset);
  if (use) {
    if (use.builtin) return []; // a built-in Service is written in no file
    const entry = use.target ?? serviceOf(index, use.serviceNamespace, use.serviceName);
    return entry ? [loc(entry.service, ['metadata', 'name'])] : [];
  }
  const hit = objectAt(index, uri, offset);
  if (!hit) return [];
  const { object: o, path } = hit;
  const ns = o.meta.namespace;
  const backend = backendDefinition(index.cluster(), o, path);
  if (backend) return [loc(backend.object, backend.path)];
  if (isService(o)) {
    if (startsWith(path, ['spec', 'selector'])) return selectedTemplates(index, o).map((t) => loc(t, labelsPath(t)));
    if (path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number' && path[3] === 'targetPort') {
      const port = o.spec.ports.find((p) => p.index === path[2]);
      if (typeof port?.targetPort !== 'string') return [];
      const out: Location[] = [];
      for (const t of selectedTemplates(index, o)) {
        if (!(isPod(t) || isWorkload(t) || isStatefulSet(t))) continue;
        const groups: [string, typeof t.template.containers][] = [['containers', t.template.containers], ['initContainers', t.template.initContainers]];
        for (const [key, containers] of groups) {
          containers.forEach((c, ci) =>
            c.ports.forEach((p, pi) => {
              if (p.name === port.targetPort && p.protocol === port.protocol) out.push(loc(t, [...t.template.specPath, key, ci, 'ports', pi, 'name']));
            }),
          );
        }
      }
      return out;
    }
    return [];
  }
  let target: string | undefined;
  if (isStatefulSet(o) && eq(path, ['spec', 'serviceName'])) target = o.serviceName;
  else if (isEndpointSlice(o) && eq(path, ['metadata', 'labels', SERVICE_NAME_LABEL])) target = o.serviceName;
  else if (isEndpoints(o) && eq(path, ['metadata', 'name'])) target = o.meta.name;
  else if ((isPod(o) || isWorkload(o) || isStatefulSet(o)) && eq(path, [...o.template.specPath, 'subdomain'])) target = o.template.subdomain;
  const entry = serviceOf(index, ns, target);
  return entry ? [loc(entry.service, ['metadata', 'name'])] : [];
}

/** A place that refers to a Service, with the exact range of the name to rename there. */
interface Reference {
  readonly location: Location;
  /** The range holding just the Service's name (for rename). */
  readonly nameRange: TextRange;
}

/** Every reference to a Service in the workspace. */
export function serviceReferences(index: WorkspaceIndex, svc: Service): Reference[] {
  const cluster = index.cluster();
  const ns = svc.meta.namespace;
  const name = svc.meta.name;
  const out: Reference[] = [];
  const at = (o: KubeObject, path: FieldPath): void => {
    const r = o.source.locate(path);
    out.push({ location: { uri: o.source.file, range: r }, nameRange: r });
  };
  for (const o of cluster.objects) {
    if (o === svc) continue;
    const ons = o.meta.namespace;
    if (ons === ns) {
      if (isStatefulSet(o) && o.serviceName === name) at(o, ['spec', 'serviceName']);
      if (isEndpointSlice(o) && o.serviceName === name) at(o, ['metadata', 'labels', SERVICE_NAME_LABEL]);
      if (isEndpoints(o) && o.meta.name === name) at(o, ['metadata', 'name']);
      if ((isPod(o) || isWorkload(o) || isStatefulSet(o)) && o.template.subdomain === name) at(o, [...o.template.specPath, 'subdomain']);
    }
    // Ingress and route backends (a route may name a Service of another namespace).
    for (const p of backendReferencesTo(o, svc)) at(o, p);
    const text = index.file(o.source.file)?.source;
    if (text === undefined) continue;
    for (const use of dnsNameUses(o, cluster)) {
      const means = use.target ? use.target.service === svc : use.serviceName === name && use.serviceNamespace === ns;
      if (!means) continue;
      const host = hostRange(use, text);
      const label = labelRange(use, text, use.serviceLabel);
      if (host && label) out.push({ location: { uri: o.source.file, range: host }, nameRange: label });
    }
  }
  return out;
}

/** The Service a cursor is on: its own `metadata.name`, or a DNS name / reference naming it. */
export function serviceAt(index: WorkspaceIndex, uri: string, offset: number): Service | undefined {
  const hit = objectAt(index, uri, offset);
  if (hit && isService(hit.object) && eq(hit.path, ['metadata', 'name'])) return hit.object;
  const def = definitionAt(index, uri, offset);
  if (def.length !== 1) return undefined;
  for (const o of index.file(def[0]!.uri)?.objects() ?? []) {
    if (isService(o) && o.source.locate(['metadata', 'name']).start === def[0]!.range.start) return o;
  }
  return undefined;
}

/** References of the Service under the cursor (with its declaration if asked). */
export function referencesAt(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const svc = serviceAt(index, uri, offset);
  if (!svc) return [];
  const refs = serviceReferences(index, svc).map((r) => r.location);
  return includeDeclaration ? [loc(svc, ['metadata', 'name']), ...refs] : refs;
}

const DNS_1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The edits that rename the Service under the cursor everywhere it is named. */
export function renameAt(index: WorkspaceIndex, uri: string, offset: number, newName: string): { edits: { uri: string; range: TextRange; newText: string }[] } | { error: string } {
  const svc = serviceAt(index, uri, offset);
  if (!svc) return { error: 'Rename works on a Service name, or on a reference to a Service.' };
  if (!DNS_1035.test(newName)) return { error: `${newName} is not a valid Service name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.` };
  const edits = [{ uri: svc.source.file, range: svc.source.locate(['metadata', 'name']), newText: newName }];
  for (const r of serviceReferences(index, svc)) edits.push({ uri: r.location.uri, range: r.nameRange, newText: newName });
  return { edits };
}

/** The range of the name a rename at the cursor would change (LSP prepareRename). */
export function prepareRenameAt(index: WorkspaceIndex, uri: string, offset: number): TextRange | undefined {
  const hit = objectAt(index, uri, offset);
  if (hit && isService(hit.object) && eq(hit.path, ['metadata', 'name'])) return hit.object.source.locate(['metadata', 'name']);
  const use = useAt(index, uri, offset);
  const text = index.file(uri)?.source;
  if (use && text !== undefined && serviceAt(index, uri, offset)) return labelRange(use, text, use.serviceLabel);
  if (serviceAt(index, uri, offset) && hit) return hit.object.source.locate(hit.path);
  return undefined;
}

/** The Service a command run at the cursor is about: the Service object around it, or one it names. */
export function serviceTargetAt(index: WorkspaceIndex, uri: string, offset: number): Service | undefined {
  const hit = objectAt(index, uri, offset);
  if (hit && isService(hit.object)) return hit.object;
  return serviceAt(index, uri, offset);
}
