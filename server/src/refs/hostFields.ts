/**
 * Which string fields of an object can hold a host name a pod looks up, decided by what the
 * field means (Kubernetes API reference, core/v1 and apps/v1 types): a container's env values,
 * arguments and command, probe and lifecycle hosts, ConfigMap and Secret data, annotations.
 * Names of Secrets, ConfigMaps, volumes and service accounts, downward-API field paths, and names
 * an object serves (Ingress rules, gateway hosts) are not lookups.
 */
import type { FieldPath } from '../manifests/types';
import { POD_SPEC_PATHS } from '../manifests/objects';

/**
 * What a string field holds:
 * - `host`: a value a program reads as a host or URL; a bare word there may name a Service.
 * - `text`: text that may contain URLs or dotted names (configuration files, annotations).
 * - `none`: never a name looked up.
 */
export type FieldRole = 'host' | 'text' | 'none';

/** Kinds whose pod spec sits at the path given: the workloads the reader models, and PodTemplate. */
const POD_SPEC: Readonly<Record<string, FieldPath>> = { ...POD_SPEC_PATHS, PodTemplate: ['template', 'spec'] };

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const PROBES = new Set(['livenessProbe', 'readinessProbe', 'startupProbe']);

/**
 * Keys whose values are never looked-up hosts, in objects of any kind (custom resources use the
 * core names for the same things): identities, references to other objects by name, paths.
 */
export const NOT_HOST_KEYS: ReadonlySet<string> = new Set([
  'apiVersion', 'kind', 'image', 'imagePullPolicy', 'name', 'namespace', 'uid', 'resourceVersion', 'generateName',
  'mountPath', 'path', 'key', 'operator', 'effect',
  // Downward API, object references by name, volumes: names of objects, not of hosts.
  'fieldPath', 'resourceFieldRef', 'secretName', 'configMapName', 'serviceAccountName', 'serviceAccount', 'claimName',
  'volumeName', 'storageClassName', 'priorityClassName', 'schedulerName', 'runtimeClassName', 'subPath', 'subPathExpr',
  'containerName', 'hostname', 'subdomain', 'nodeName', 'issuerRef', 'secretRef', 'configMapRef',
]);

/** Maps whose values are labels, selectors or quantities, not names. */
export const NOT_HOST_MAPS: ReadonlySet<string> = new Set(['labels', 'matchLabels', 'selector', 'nodeSelector', 'resources', 'limits', 'requests', 'fieldRef', 'secretKeyRef', 'configMapKeyRef']);

/** Whether `path` starts with `prefix`. */
function under(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/** The role of a string inside a container (`rest` is relative to the container). */
function containerRole(rest: FieldPath): FieldRole {
  const [a, b, c, d, e] = rest;
  if (a === 'env' && typeof b === 'number' && c === 'value' && rest.length === 3) return 'host';
  if ((a === 'args' || a === 'command') && typeof b === 'number' && rest.length === 2) return 'host';
  // httpGet.host / tcpSocket.host of probes and lifecycle hooks: the kubelet connects there.
  if (typeof a === 'string' && PROBES.has(a) && (b === 'httpGet' || b === 'tcpSocket') && c === 'host' && rest.length === 3) return 'host';
  if (a === 'lifecycle' && (c === 'httpGet' || c === 'tcpSocket') && d === 'host' && e === undefined) return 'host';
  return 'none';
}

/**
 * Whether the fields of this kind are known (core and `*.k8s.io` groups, and the gateways we
 * model); in other custom resources, any string may hold a host, and nothing is certain.
 */
export function knownKind(apiVersion: string, kind: string): boolean {
  if (servedHostKind(apiVersion, kind)) return true;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * Kinds whose host fields are names they serve, not names they look up: Istio's Gateway
 * (`spec.servers[].hosts`) and ServiceEntry (`spec.hosts`), and the Gateway API's Gateway
 * (`listeners[].hostname`) and routes (`spec.hostnames`). Sources: istio.io networking/v1
 * Gateway and ServiceEntry reference; gateway-api apis/v1 gateway_types.go, httproute_types.go.
 */
function servedHostKind(apiVersion: string, kind: string): boolean {
  if (apiVersion.startsWith('networking.istio.io/')) return kind === 'Gateway' || kind === 'ServiceEntry';
  return apiVersion.startsWith('gateway.networking.k8s.io/');
}

/** The role of the string at `path` (relative to the object) in an object of a known kind. */
export function fieldRole(kind: string, path: FieldPath): FieldRole {
  if (path[0] === 'metadata') return path[1] === 'annotations' ? 'text' : 'none';
  // Annotations of a pod template (sidecar injectors, scrapers read URLs there) are text too.
  if (path[path.length - 2] === 'annotations' && path[path.length - 3] === 'metadata') return 'text';
  if (kind === 'ConfigMap' || kind === 'Secret') return path[0] === 'data' || path[0] === 'stringData' ? 'host' : 'none';
  const spec = POD_SPEC[kind];
  if (!spec || !under(path, spec)) return 'none';
  const list = path[spec.length];
  if (typeof list !== 'string' || !CONTAINER_LISTS.has(list) || typeof path[spec.length + 1] !== 'number') return 'none';
  return containerRole(path.slice(spec.length + 2));
}
