/**
 * Where the Kubernetes types of the kinds we read declare a `string` (or `map[string]string`,
 * `[]string`, IntOrString) field: a boolean there fails decoding ("cannot unmarshal bool into Go
 * struct field … of type string"). Written as paths: `*` is any map key, `[]` any list item.
 */
import type { FieldPath } from '../../manifests/types';
import { isMap } from './raw';

const META = ['name', 'generateName', 'namespace', 'deletionTimestamp', 'labels.*', 'annotations.*', 'finalizers[]'];
const OBJECT_REF = ['kind', 'name', 'namespace'];
const CONTAINER = [
  'name',
  'image',
  'imagePullPolicy',
  'workingDir',
  'restartPolicy',
  'command[]',
  'args[]',
  'env[].name',
  'env[].value',
  'ports[].name',
  'ports[].protocol',
  'ports[].hostIP',
];
const POD_SPEC = [
  'hostname',
  'subdomain',
  'dnsPolicy',
  'nodeName',
  'serviceAccountName',
  'restartPolicy',
  'schedulerName',
  'priorityClassName',
  'nodeSelector.*',
  ...CONTAINER.map((f) => `containers[].${f}`),
  ...CONTAINER.map((f) => `initContainers[].${f}`),
];
const PORT = ['name', 'protocol', 'appProtocol'];
const ADDRESS = ['ip', 'hostname', 'nodeName', ...OBJECT_REF.map((f) => `targetRef.${f}`)];

/** A pod template's fields at `prefix`, and a LabelSelector's labels at `selector`. */
const template = (prefix: string): string[] => [...META.map((f) => `${prefix}.metadata.${f}`), ...POD_SPEC.map((f) => `${prefix}.spec.${f}`)];
const workload = (spec: string): string[] => [`${spec}.selector.matchLabels.*`, ...template(`${spec}.template`)];

const BY_KIND: Readonly<Record<string, readonly string[]>> = {
  Service: [
    ...['type', 'clusterIP', 'clusterIPs[]', 'externalIPs[]', 'ipFamilies[]', 'ipFamilyPolicy', 'selector.*', 'externalName', 'sessionAffinity'].map((f) => `spec.${f}`),
    ...['loadBalancerIP', 'loadBalancerSourceRanges[]', 'externalTrafficPolicy', 'internalTrafficPolicy', 'loadBalancerClass', 'trafficDistribution'].map((f) => `spec.${f}`),
    ...[...PORT, 'targetPort'].map((f) => `spec.ports[].${f}`),
  ],
  Pod: [...POD_SPEC.map((f) => `spec.${f}`), 'status.phase', 'status.podIP', 'status.podIPs[].ip'],
  Deployment: workload('spec'),
  ReplicaSet: workload('spec'),
  DaemonSet: workload('spec'),
  Job: workload('spec'),
  StatefulSet: [...workload('spec'), 'spec.serviceName'],
  ReplicationController: ['spec.selector.*', ...template('spec.template')],
  CronJob: ['spec.schedule', 'spec.timeZone', ...META.map((f) => `spec.jobTemplate.metadata.${f}`), ...workload('spec.jobTemplate.spec')],
  EndpointSlice: [
    'addressType',
    ...['addresses[]', 'hostname', 'nodeName', 'zone', ...OBJECT_REF.map((f) => `targetRef.${f}`)].map((f) => `endpoints[].${f}`),
    ...PORT.map((f) => `ports[].${f}`),
  ],
  Endpoints: [
    ...ADDRESS.map((f) => `subsets[].addresses[].${f}`),
    ...ADDRESS.map((f) => `subsets[].notReadyAddresses[].${f}`),
    ...PORT.map((f) => `subsets[].ports[].${f}`),
  ],
  Ingress: [
    'spec.ingressClassName',
    'spec.tls[].hosts[]',
    'spec.tls[].secretName',
    'spec.rules[].host',
    ...['path', 'pathType', 'backend.service.name', 'backend.service.port.name'].map((f) => `spec.rules[].http.paths[].${f}`),
  ],
  ConfigMap: ['data.*'],
  Secret: ['type', 'data.*', 'stringData.*'],
};

type Segment = string | typeof ANY_KEY | typeof ANY_ITEM;
const ANY_KEY = Symbol('any key');
const ANY_ITEM = Symbol('any item');

/** `spec.ports[].name` → `['spec', 'ports', ANY_ITEM, 'name']`. */
function segments(pattern: string): Segment[] {
  return pattern.split('.').flatMap((part): Segment[] => {
    if (part === '*') return [ANY_KEY];
    if (part.endsWith('[]')) return [part.slice(0, -2), ANY_ITEM];
    return [part];
  });
}

const COMMON = ['apiVersion', 'kind', ...META.map((f) => `metadata.${f}`)].map(segments);
const COMPILED = new Map(Object.entries(BY_KIND).map(([kind, ps]) => [kind, [...COMMON, ...ps.map(segments)]]));

/** The string fields of an object of `kind` (its metadata, for a kind not listed). */
function patternsOf(kind: string): readonly Segment[][] {
  return COMPILED.get(kind) ?? COMMON;
}

/** Calls `found` with the path and value of every string field written in `raw`. */
export function forEachStringField(kind: string, raw: unknown, found: (path: FieldPath, value: unknown) => void): void {
  const walk = (v: unknown, segs: readonly Segment[], i: number, path: (string | number)[]): void => {
    if (v === undefined) return;
    if (i === segs.length) {
      found(path, v);
      return;
    }
    const seg = segs[i]!;
    if (seg === ANY_ITEM) {
      if (Array.isArray(v)) v.forEach((item, k) => walk(item, segs, i + 1, [...path, k]));
    } else if (isMap(v)) {
      if (seg === ANY_KEY) for (const [k, item] of Object.entries(v)) walk(item, segs, i + 1, [...path, k]);
      else walk(v[seg], segs, i + 1, [...path, seg]);
    }
  };
  for (const segs of patternsOf(kind)) walk(raw, segs, 0, []);
}
