/**
 * Turns one plain JSON object (from a manifest or from the cluster API) into a typed model
 * object. Manifests and live objects go through this same function, so the DNS engine cannot
 * tell them apart.
 */
import { modelKind } from './apiGroups';
import { FieldReader } from './fieldReader';
import type {
  Container,
  ContainerPort,
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  FieldPath,
  KubeObject,
  ObjectMeta,
  ObjectRef,
  ObjectSource,
  ParseProblem,
  PodTemplate,
  ServicePort,
  SliceEndpoint,
} from './types';

type Json = unknown;
type JsonMap = Record<string, Json>;

export interface ObjectReadOptions {
  /** The namespace of objects that do not name one (the `--namespace` / `defaultNamespace`). */
  readonly defaultNamespace: string;
}

export interface ObjectReadResult {
  readonly object?: KubeObject;
  readonly problems: ParseProblem[];
}

/** The label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Where each workload kind holds its pod spec (a Pod holds it at `spec`). */
export const POD_SPEC_PATHS: Readonly<Record<string, FieldPath>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function at(r: FieldReader, root: JsonMap, path: FieldPath): Json {
  let v: Json = root;
  for (let i = 0; i < path.length; i++) {
    const m = r.map(v, path.slice(0, i));
    if (!m) return undefined;
    v = m[path[i] as string];
  }
  return v;
}

function readMeta(r: FieldReader, raw: JsonMap, opts: ObjectReadOptions): ObjectMeta {
  const md = r.map(raw['metadata'], ['metadata']) ?? {};
  const ns = r.string(md['namespace'], ['metadata', 'namespace']);
  const deletion = r.string(md['deletionTimestamp'], ['metadata', 'deletionTimestamp']);
  return {
    name: r.string(md['name'], ['metadata', 'name']) ?? '',
    namespace: ns || opts.defaultNamespace,
    namespaceExplicit: !!ns,
    labels: r.stringMap(md['labels'], ['metadata', 'labels']) ?? {},
    annotations: r.stringMap(md['annotations'], ['metadata', 'annotations']) ?? {},
    ...(deletion ? { deletionTimestamp: deletion } : {}),
  };
}

function readObjectRef(r: FieldReader, v: Json, path: FieldPath): ObjectRef | undefined {
  const m = r.map(v, path);
  if (!m) return undefined;
  const kind = r.string(m['kind'], [...path, 'kind']);
  const name = r.string(m['name'], [...path, 'name']);
  const namespace = r.string(m['namespace'], [...path, 'namespace']);
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
}

function readContainers(r: FieldReader, v: Json, path: FieldPath): Container[] {
  return r.list(v, path).map((c, i) => {
    const cp = [...path, i];
    const m = r.map(c, cp) ?? {};
    const ports: ContainerPort[] = [];
    r.list(m['ports'], [...cp, 'ports']).forEach((p, j) => {
      const pp = [...cp, 'ports', j];
      const pm = r.map(p, pp);
      if (!pm) return;
      const containerPort = r.int(pm['containerPort'], [...pp, 'containerPort']);
      const name = r.string(pm['name'], [...pp, 'name']);
      ports.push({
        ...(name ? { name } : {}),
        containerPort: containerPort ?? 0,
        protocol: r.string(pm['protocol'], [...pp, 'protocol']) || 'TCP',
      });
    });
    const restartPolicy = r.string(m['restartPolicy'], [...cp, 'restartPolicy']);
    return {
      name: r.string(m['name'], [...cp, 'name']) ?? '',
      ports,
      ...(restartPolicy ? { restartPolicy } : {}),
    };
  });
}

function readPodTemplate(r: FieldReader, raw: JsonMap, kind: string): PodTemplate {
  const specPath = POD_SPEC_PATHS[kind] ?? ['spec'];
  // The template's labels sit beside its spec (`template.metadata.labels`); a Pod's are its own.
  const metaPath = kind === 'Pod' ? ['metadata'] : [...specPath.slice(0, -1), 'metadata'];
  const meta = r.map(at(r, raw, metaPath), metaPath) ?? {};
  const spec = r.map(at(r, raw, specPath), specPath) ?? {};
  const hostname = r.string(spec['hostname'], [...specPath, 'hostname']);
  const subdomain = r.string(spec['subdomain'], [...specPath, 'subdomain']);
  const dnsPolicy = r.string(spec['dnsPolicy'], [...specPath, 'dnsPolicy']);
  return {
    labels: r.stringMap(meta['labels'], [...metaPath, 'labels']) ?? {},
    ...(hostname ? { hostname } : {}),
    ...(subdomain ? { subdomain } : {}),
    containers: readContainers(r, spec['containers'], [...specPath, 'containers']),
    initContainers: readContainers(r, spec['initContainers'], [...specPath, 'initContainers']),
    ...(dnsPolicy ? { dnsPolicy } : {}),
    hostNetwork: r.bool(spec['hostNetwork'], [...specPath, 'hostNetwork']) ?? false,
    setHostnameAsFQDN: r.bool(spec['setHostnameAsFQDN'], [...specPath, 'setHostnameAsFQDN']) ?? false,
    specPath,
  };
}

function readServicePorts(r: FieldReader, v: Json): ServicePort[] {
  const out: ServicePort[] = [];
  r.list(v, ['spec', 'ports']).forEach((p, index) => {
    const path = ['spec', 'ports', index];
    const m = r.map(p, path);
    if (!m) return;
    const name = r.string(m['name'], [...path, 'name']);
    const targetPort = r.intOrString(m['targetPort'], [...path, 'targetPort']);
    const nodePort = r.int(m['nodePort'], [...path, 'nodePort']);
    const appProtocol = r.string(m['appProtocol'], [...path, 'appProtocol']);
    out.push({
      index,
      ...(name ? { name } : {}),
      protocol: r.string(m['protocol'], [...path, 'protocol']) || 'TCP',
      port: r.int(m['port'], [...path, 'port']) ?? 0,
      ...(targetPort !== undefined ? { targetPort } : {}),
      ...(nodePort !== undefined ? { nodePort } : {}),
      ...(appProtocol ? { appProtocol } : {}),
    });
  });
  return out;
}

function readEndpointPorts(r: FieldReader, v: Json, path: FieldPath): EndpointPort[] {
  const out: EndpointPort[] = [];
  r.list(v, path).forEach((p, i) => {
    const pp = [...path, i];
    const m = r.map(p, pp);
    if (!m) return;
    const name = r.string(m['name'], [...pp, 'name']);
    const port = r.int(m['port'], [...pp, 'port']);
    out.push({
      ...(name ? { name } : {}),
      protocol: r.string(m['protocol'], [...pp, 'protocol']) || 'TCP',
      ...(port !== undefined ? { port } : {}),
    });
  });
  return out;
}

function readAddresses(r: FieldReader, v: Json, path: FieldPath): EndpointAddress[] {
  const out: EndpointAddress[] = [];
  r.list(v, path).forEach((a, i) => {
    const ap = [...path, i];
    const m = r.map(a, ap);
    if (!m) return;
    const hostname = r.string(m['hostname'], [...ap, 'hostname']);
    const nodeName = r.string(m['nodeName'], [...ap, 'nodeName']);
    const targetRef = readObjectRef(r, m['targetRef'], [...ap, 'targetRef']);
    out.push({
      ip: r.string(m['ip'], [...ap, 'ip']) ?? '',
      ...(hostname ? { hostname } : {}),
      ...(nodeName ? { nodeName } : {}),
      ...(targetRef ? { targetRef } : {}),
    });
  });
  return out;
}

function readSliceEndpoints(r: FieldReader, v: Json): SliceEndpoint[] {
  const out: SliceEndpoint[] = [];
  r.list(v, ['endpoints']).forEach((e, i) => {
    const ep = ['endpoints', i];
    const m = r.map(e, ep);
    if (!m) return;
    const cond = r.map(m['conditions'], [...ep, 'conditions']) ?? {};
    const ready = r.bool(cond['ready'], [...ep, 'conditions', 'ready']);
    const serving = r.bool(cond['serving'], [...ep, 'conditions', 'serving']);
    const terminating = r.bool(cond['terminating'], [...ep, 'conditions', 'terminating']);
    const hostname = r.string(m['hostname'], [...ep, 'hostname']);
    const nodeName = r.string(m['nodeName'], [...ep, 'nodeName']);
    const targetRef = readObjectRef(r, m['targetRef'], [...ep, 'targetRef']);
    out.push({
      addresses: r.stringList(m['addresses'], [...ep, 'addresses']),
      ...(ready !== undefined ? { ready } : {}),
      ...(serving !== undefined ? { serving } : {}),
      ...(terminating !== undefined ? { terminating } : {}),
      ...(hostname ? { hostname } : {}),
      ...(nodeName ? { nodeName } : {}),
      ...(targetRef ? { targetRef } : {}),
    });
  });
  return out;
}

function readSubsets(r: FieldReader, v: Json): EndpointSubset[] {
  return r.list(v, ['subsets']).map((s, i) => {
    const sp = ['subsets', i];
    const m = r.map(s, sp) ?? {};
    return {
      addresses: readAddresses(r, m['addresses'], [...sp, 'addresses']),
      notReadyAddresses: readAddresses(r, m['notReadyAddresses'], [...sp, 'notReadyAddresses']),
      ports: readEndpointPorts(r, m['ports'], [...sp, 'ports']),
    };
  });
}

function podReady(r: FieldReader, status: JsonMap): boolean | undefined {
  let ready: boolean | undefined;
  r.list(status['conditions'], ['status', 'conditions']).forEach((c, i) => {
    const m = r.map(c, ['status', 'conditions', i]);
    if (m && m['type'] === 'Ready') ready = m['status'] === 'True';
  });
  return ready;
}

/**
 * Reads one object. Returns no object when the value is not a Kubernetes object at all (no
 * `kind`); problems are returned either way.
 */
export function readKubeObject(raw: Json, source: ObjectSource, opts: ObjectReadOptions): ObjectReadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: [] };
  const obj = raw as JsonMap;
  const written = typeof obj['kind'] === 'string' ? obj['kind'] : undefined;
  if (!written) return { problems: [] };
  const r = new FieldReader(source, written);
  const apiVersion = r.string(obj['apiVersion'], ['apiVersion']) ?? '';
  // Another group's `Service` is kept as `Service.<group>`: not typed, never read as ours.
  const kind = modelKind(written, apiVersion);
  const meta = readMeta(r, obj, opts);
  const base = { apiVersion, meta, source, raw: obj };
  const spec = (): JsonMap => r.map(obj['spec'], ['spec']) ?? {};
  let object: KubeObject;
  switch (kind) {
    case 'Service': {
      const s = spec();
      const clusterIP = r.string(s['clusterIP'], ['spec', 'clusterIP']);
      const ipFamilyPolicy = r.string(s['ipFamilyPolicy'], ['spec', 'ipFamilyPolicy']);
      const selector = r.stringMap(s['selector'], ['spec', 'selector']);
      const externalName = r.string(s['externalName'], ['spec', 'externalName']);
      object = {
        ...base,
        kind,
        spec: {
          type: r.string(s['type'], ['spec', 'type']) || 'ClusterIP',
          ...(clusterIP !== undefined ? { clusterIP } : {}),
          clusterIPs: r.stringList(s['clusterIPs'], ['spec', 'clusterIPs']),
          ipFamilies: r.stringList(s['ipFamilies'], ['spec', 'ipFamilies']),
          ...(ipFamilyPolicy ? { ipFamilyPolicy } : {}),
          ports: readServicePorts(r, s['ports']),
          // An empty selector (`selector: {}`) selects nothing, exactly like none at all.
          ...(selector && Object.keys(selector).length > 0 ? { selector } : {}),
          ...(externalName !== undefined ? { externalName } : {}),
          publishNotReadyAddresses: r.bool(s['publishNotReadyAddresses'], ['spec', 'publishNotReadyAddresses']) ?? false,
        },
      };
      break;
    }
    case 'EndpointSlice': {
      const serviceName = meta.labels['kubernetes.io/service-name'];
      object = {
        ...base,
        kind,
        addressType: r.string(obj['addressType'], ['addressType']) ?? '',
        ...(serviceName ? { serviceName } : {}),
        ports: readEndpointPorts(r, obj['ports'], ['ports']),
        endpoints: readSliceEndpoints(r, obj['endpoints']),
      };
      break;
    }
    case 'Endpoints':
      object = { ...base, kind, subsets: readSubsets(r, obj['subsets']) };
      break;
    case 'Pod': {
      const status = r.map(obj['status'], ['status']) ?? {};
      const s = spec();
      const nodeName = r.string(s['nodeName'], ['spec', 'nodeName']);
      const phase = r.string(status['phase'], ['status', 'phase']);
      const podIP = r.string(status['podIP'], ['status', 'podIP']);
      const podIPs: string[] = [];
      r.list(status['podIPs'], ['status', 'podIPs']).forEach((p, i) => {
        const m = r.map(p, ['status', 'podIPs', i]);
        const ip = m && r.string(m['ip'], ['status', 'podIPs', i, 'ip']);
        if (ip) podIPs.push(ip);
      });
      const ready = podReady(r, status);
      object = {
        ...base,
        kind,
        template: readPodTemplate(r, obj, kind),
        ...(nodeName ? { nodeName } : {}),
        status: {
          ...(phase ? { phase } : {}),
          ...(podIP ? { podIP } : {}),
          podIPs: podIPs.length ? podIPs : podIP ? [podIP] : [],
          ...(ready !== undefined ? { ready } : {}),
        },
      };
      break;
    }
    case 'StatefulSet': {
      const s = spec();
      const serviceName = r.string(s['serviceName'], ['spec', 'serviceName']);
      const ordinals = r.map(s['ordinals'], ['spec', 'ordinals']) ?? {};
      object = {
        ...base,
        kind,
        ...(serviceName ? { serviceName } : {}),
        replicas: r.int(s['replicas'], ['spec', 'replicas']) ?? 1,
        ordinalStart: r.int(ordinals['start'], ['spec', 'ordinals', 'start']) ?? 0,
        template: readPodTemplate(r, obj, kind),
      };
      break;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob': {
      const s = spec();
      // Deployments, ReplicaSets and RCs default to 1 replica; a Job runs `parallelism` pods.
      const replicas =
        kind === 'DaemonSet' || kind === 'CronJob'
          ? undefined
          : kind === 'Job'
            ? r.int(s['parallelism'], ['spec', 'parallelism']) ?? 1
            : r.int(s['replicas'], ['spec', 'replicas']) ?? 1;
      object = {
        ...base,
        kind,
        ...(replicas !== undefined ? { replicas } : {}),
        template: readPodTemplate(r, obj, kind),
      };
      break;
    }
    default:
      object = { ...base, kind };
  }
  return { object, problems: r.problems };
}
