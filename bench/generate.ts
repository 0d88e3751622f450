/**
 * Deterministic generators of benchmark input (seeded PRNG, same seed → same bytes):
 *
 * - `bigManifest()`: one multi-document YAML file of ~10,000 objects (~10 MB): 4,500 Services
 *   (ClusterIP with and without `clusterIP`, LoadBalancer, headless governing Services of
 *   StatefulSets, selectorless headless Services with hand-written EndpointSlices, ExternalName),
 *   2,900 Deployments, 620 StatefulSets, ConfigMaps holding DNS names, EndpointSlices and
 *   Namespaces, spread over 40 namespaces, with comments, annotations and resources blocks.
 * - `writeWorkspace()`: a workspace of 2,000 small files (~3 objects each) in a folder.
 *
 * Run directly (`node --import tsx bench/generate.ts`) to write bench/generated/big.yaml.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATED_DIR = join(__dirname, 'generated');

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

export const NAMESPACES = 40;
export const COUNTS = {
  services: 4500,
  deployments: 2900,
  statefulSets: 620,
  /** Selectorless headless Services, each with one hand-written EndpointSlice. */
  endpointSlices: 740,
  configMaps: 1200,
  namespaces: NAMESPACES,
} as const;
/**
 * Services 0..2899 select Deployment i; 2900..3519 govern StatefulSet i-2900; 3520..4259 are
 * selectorless headless; the rest ExternalName. (`bigManifest(seed, scale)` scales them all.)
 */
let SVC_DEPLOY_END: number = COUNTS.deployments;
let SVC_STS_END: number = SVC_DEPLOY_END + COUNTS.statefulSets;
let SVC_SELECTORLESS_END: number = SVC_STS_END + COUNTS.endpointSlices;

const nsOf = (i: number): string => `ns-${i % NAMESPACES}`;
const svcName = (i: number): string => `svc-${i}`;

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'platform', 'data', 'ml', 'edge', 'growth'];
const IMAGES = ['nginx:1.27.2', 'ghcr.io/acme/api:2.14.1', 'ghcr.io/acme/worker:2.14.1', 'redis:7.4.1', 'envoyproxy/envoy:v1.31.2', 'ghcr.io/acme/frontend:5.3.0', 'quay.io/prometheus/node-exporter:v1.8.2'];
const PORT_DEFS: readonly { name: string; port: number; target: number }[] = [
  { name: 'http', port: 80, target: 8080 },
  { name: 'https', port: 443, target: 8443 },
  { name: 'grpc', port: 9000, target: 9000 },
  { name: 'metrics', port: 9090, target: 9090 },
  { name: 'admin', port: 8081, target: 8081 },
];
const LOREM = 'Serves the internal API of the team; owned by on-call rotation; see the runbook before scaling or changing ports; traffic is mirrored to the canary during rollouts'.split(' ');

function sentence(r: Rand, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(r.pick(LOREM));
  return out.join(' ');
}

/** Services refBase..refBase+refLimit-1 exist (in namespace ns-(i % 40)); references point at them. */
let refLimit: number = SVC_STS_END;
let refBase = 0;

/**
 * Which share of a workspace's references name a Service of the big manifest rather than one of
 * the workspace: 0 except in `writeWorkspace(…, { besideBig: { crossRefs } })`.
 */
let crossRefs = 0;
/** Services of the big manifest that cross references may name (those that select pods). */
let crossRefLimit: number = SVC_STS_END;

/** A DNS name of some Service of the manifest, as applications write them. */
function serviceRef(r: Rand): string {
  const cross = crossRefs > 0 && r.chance(crossRefs);
  const i = cross ? r.int(0, crossRefLimit - 1) : refBase + r.int(0, refLimit - 1);
  const ns = nsOf(i);
  // The port the Service exposes; one reference in fifty names a port it does not (a typical slip).
  const port = r.chance(0.02) ? 8080 : r.pick(portsOf(i)).port;
  switch (r.int(0, 3)) {
    case 0:
      return `http://${svcName(i)}.${ns}:${port}/${r.pick(['x', 'api/v1', 'healthz', 'graphql'])}`;
    case 1:
      return `http://${svcName(i)}.${ns}.svc.cluster.local:${port}/`;
    case 2:
      return `grpc://${svcName(i)}.${ns}.svc:${port}`;
    default:
      return `${svcName(i)}.${ns}.svc.cluster.local`;
  }
}

function commonLabels(r: Rand, app: string): string[] {
  return [`app.kubernetes.io/name: ${app}`, `app.kubernetes.io/part-of: ${r.pick(TEAMS)}`, `app.kubernetes.io/managed-by: kustomize`];
}

function annotations(r: Rand, indent: string, checksum = true): string {
  const lines = [
    `${indent}annotations:`,
    `${indent}  owner.acme.io/team: ${r.pick(TEAMS)}`,
    `${indent}  description: ${sentence(r, r.int(3, 9))}`,
  ];
  if (checksum) lines.push(`${indent}  owner.acme.io/slack: "#team-${r.pick(TEAMS)}"`, `${indent}  config.acme.io/checksum: sha256:${r.hex(64)}`);
  return lines.join('\n');
}

interface ServiceSpecInput {
  readonly i: number;
  readonly kind: 'clusterIP' | 'noClusterIP' | 'loadBalancer' | 'headlessSts' | 'selectorless' | 'externalName';
  readonly selector?: string;
  readonly ports: readonly { name?: string; port: number; target: number | string }[];
}

/** A unique address in the default service CIDR 10.96.0.0/12. */
const clusterIP = (second: number, i: number): string => `10.${second + ((i + 1) >> 16)}.${((i + 1) >> 8) & 255}.${(i + 1) & 255}`;

function service(r: Rand, s: ServiceSpecInput): string {
  const name = svcName(s.i);
  const ns = nsOf(s.i);
  const out: string[] = [];
  out.push(`# Service ${name}: ${sentence(r, r.int(2, 6))}`);
  out.push('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${ns}`, '  labels:');
  for (const l of commonLabels(r, s.selector ?? name)) out.push(`    ${l}`);
  out.push(annotations(r, '  ', false));
  out.push('spec:');
  switch (s.kind) {
    case 'clusterIP':
      out.push('  type: ClusterIP', `  clusterIP: ${clusterIP(96, s.i)}`);
      break;
    case 'noClusterIP':
      break;
    case 'loadBalancer':
      out.push('  type: LoadBalancer');
      if (r.chance(0.5)) out.push(`  clusterIP: ${clusterIP(100, s.i)}`);
      out.push('  externalTrafficPolicy: Local');
      break;
    case 'headlessSts':
    case 'selectorless':
      out.push('  clusterIP: None');
      if (s.kind === 'headlessSts') out.push('  publishNotReadyAddresses: true');
      break;
    case 'externalName':
      out.push('  type: ExternalName', `  externalName: ${r.chance(0.5) ? `db-${s.i}.${r.pick(TEAMS)}.example.com` : `${svcName(r.int(0, SVC_DEPLOY_END - 1))}.${nsOf(r.int(0, 39))}.svc.cluster.local`}`);
      break;
  }
  if (s.selector) out.push('  selector:', `    app: ${s.selector}`);
  if (s.kind !== 'externalName') {
    out.push('  ports:');
    for (const p of s.ports) {
      if (p.name) out.push(`  - name: ${p.name}`, `    port: ${p.port}`);
      else out.push(`  - port: ${p.port}`);
      out.push(`    targetPort: ${p.target}`, '    protocol: TCP');
    }
  }
  return out.join('\n');
}

/**
 * The ports of Service i (0 ≤ i < 3520: Deployment and StatefulSet Services), fixed by i alone so
 * that references written before the Service is generated use a port it exposes.
 */
function portsOf(i: number): ServicePortDef[] {
  return servicePorts(new Rand(0x9e3779b9 ^ (i * 2654435761)), i >= SVC_DEPLOY_END);
}

type ServicePortDef = { name?: string; port: number; target: number | string };

function servicePorts(r: Rand, forceNamed: boolean): ServicePortDef[] {
  const n = r.int(1, 3);
  const defs = r.shuffle([...PORT_DEFS]).slice(0, n);
  // An unnamed port is valid only when it is the only one.
  if (n === 1 && !forceNamed && r.chance(0.4)) return [{ port: defs[0]!.port, target: defs[0]!.target }];
  return defs.map((d) => ({ name: d.name, port: d.port, target: r.chance(0.5) ? d.name : d.target }));
}

function resources(r: Rand, indent: string): string {
  return [
    `${indent}resources:`,
    `${indent}  requests:`,
    `${indent}    cpu: ${r.pick(['50m', '100m', '250m', '500m'])}`,
    `${indent}    memory: ${r.pick(['64Mi', '128Mi', '256Mi', '512Mi'])}`,
    `${indent}  limits:`,
    `${indent}    cpu: ${r.pick(['500m', '1', '2'])}`,
    `${indent}    memory: ${r.pick(['256Mi', '512Mi', '1Gi', '2Gi'])}`,
  ].join('\n');
}

function container(r: Rand, name: string, ports: readonly { name?: string; target: number | string }[], indent: string): string {
  const out: string[] = [];
  out.push(`${indent}- name: ${name}`, `${indent}  image: ${r.pick(IMAGES)}`, `${indent}  imagePullPolicy: IfNotPresent`);
  out.push(`${indent}  ports:`);
  const seen = new Set<string>();
  for (const def of PORT_DEFS) {
    // Every port a Service may target by name exists in the first container.
    if (!ports.some((p) => p.name === def.name) && !r.chance(0.15)) continue;
    if (seen.has(def.name)) continue;
    seen.add(def.name);
    out.push(`${indent}  - name: ${def.name}`, `${indent}    containerPort: ${def.target}`, `${indent}    protocol: TCP`);
  }
  if (seen.size === 0) out.push(`${indent}  - name: http`, `${indent}    containerPort: 8080`);
  out.push(`${indent}  env:`);
  const envs = r.int(1, 4);
  for (let e = 0; e < envs; e++) {
    out.push(`${indent}  - name: ${r.pick(['UPSTREAM', 'BACKEND', 'CACHE', 'AUTH', 'EVENTS', 'SEARCH', 'LEDGER'])}_URL_${e}`, `${indent}    value: ${serviceRef(r)}`);
  }
  out.push(`${indent}  - name: LOG_LEVEL`, `${indent}    value: ${r.pick(['info', 'debug', 'warn'])}`);
  out.push(resources(r, `${indent}  `));
  out.push(
    `${indent}  readinessProbe:`,
    `${indent}    httpGet:`,
    `${indent}      path: /healthz`,
    `${indent}      port: ${[...seen][0] ?? 'http'}`,
    `${indent}    periodSeconds: 10`,
  );
  return out.join('\n');
}

function deployment(r: Rand, d: number, ports: readonly { name?: string; target: number | string }[]): string {
  const name = `app-${d}`;
  const out: string[] = [];
  out.push(`# Deployment ${name} (${r.pick(TEAMS)}): ${sentence(r, r.int(5, 12))}`);
  out.push('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${nsOf(d)}`, '  labels:');
  for (const l of commonLabels(r, name)) out.push(`    ${l}`);
  out.push(annotations(r, '  '));
  out.push('spec:', `  replicas: ${r.int(1, 5)}`, '  revisionHistoryLimit: 5', '  selector:', '    matchLabels:', `      app: ${name}`);
  out.push('  strategy:', '    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 25%', '      maxUnavailable: 0');
  out.push('  template:', '    metadata:', '      labels:', `        app: ${name}`, `        tier: ${r.pick(['web', 'api', 'worker'])}`);
  out.push('      annotations:', `        prometheus.io/scrape: "true"`, `        prometheus.io/port: "9090"`);
  out.push('    spec:', `      serviceAccountName: ${name}`, '      terminationGracePeriodSeconds: 30', '      containers:');
  out.push(container(r, name, ports, '      '));
  if (r.chance(0.15)) out.push(container(r, 'sidecar', [], '      '));
  return out.join('\n');
}

function statefulSet(r: Rand, s: number, governing: number, ports: readonly { name?: string; target: number | string }[]): string {
  const name = `db-${s}`;
  const out: string[] = [];
  out.push(`# StatefulSet ${name}: ${sentence(r, r.int(5, 12))}`);
  out.push('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', `  name: ${name}`, `  namespace: ${nsOf(governing)}`, '  labels:');
  for (const l of commonLabels(r, name)) out.push(`    ${l}`);
  out.push(annotations(r, '  '));
  out.push('spec:', `  serviceName: ${svcName(governing)}`, `  replicas: ${r.int(1, 5)}`, '  podManagementPolicy: Parallel', '  selector:', '    matchLabels:', `      app: ${name}`);
  out.push('  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:');
  out.push(container(r, name, ports, '      '));
  out.push('  volumeClaimTemplates:', '  - metadata:', '      name: data', '    spec:', '      accessModes: ["ReadWriteOnce"]', '      resources:', '        requests:', `          storage: ${r.pick(['1Gi', '10Gi', '50Gi'])}`);
  return out.join('\n');
}

function endpointSlice(r: Rand, svc: number, ports: readonly { name?: string; port: number }[]): string {
  const out: string[] = [];
  out.push(`# Endpoints of the external database behind ${svcName(svc)}, written by hand`);
  out.push('apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata:', `  name: ${svcName(svc)}-manual`, `  namespace: ${nsOf(svc)}`, '  labels:', `    kubernetes.io/service-name: ${svcName(svc)}`);
  out.push('addressType: IPv4', 'ports:');
  for (const p of ports) {
    if (p.name) out.push(`- name: ${p.name}`, `  port: ${p.port}`, '  protocol: TCP');
    else out.push(`- port: ${p.port}`, '  protocol: TCP');
  }
  out.push('endpoints:');
  const n = r.int(1, 3);
  for (let e = 0; e < n; e++) {
    out.push(`- addresses: ["192.168.${(svc >> 4) & 255}.${((svc & 15) << 4) + e + 1}"]`, `  hostname: node-${e}`, '  conditions:', `    ready: ${r.chance(0.9) ? 'true' : 'false'}`);
  }
  return out.join('\n');
}

/** An EndpointSlice with one ready address for Service `svc`, written in workspace file `f`. */
function readyEndpoints(svc: number, f: number): string {
  return [
    `# More endpoints of ${svcName(svc)} (the external database), kept with the team's files`,
    'apiVersion: discovery.k8s.io/v1',
    'kind: EndpointSlice',
    'metadata:',
    `  name: ${svcName(svc)}-team-${f}`,
    `  namespace: ${nsOf(svc)}`,
    '  labels:',
    `    kubernetes.io/service-name: ${svcName(svc)}`,
    'addressType: IPv4',
    'endpoints:',
    `- addresses: ["192.168.${200 + (f % 50)}.${(f % 250) + 1}"]`,
    `  hostname: team-${f}`,
    '  conditions:',
    '    ready: true',
  ].join('\n');
}

function configMap(r: Rand, c: number): string {
  const out: string[] = [];
  out.push(`# ConfigMap cfg-${c}: service discovery settings`);
  out.push('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: cfg-${c}`, `  namespace: ${nsOf(c)}`, '  labels:', `    app.kubernetes.io/part-of: ${r.pick(TEAMS)}`, 'data:');
  const n = r.int(3, 8);
  for (let k = 0; k < n; k++) out.push(`  endpoint_${k}: ${serviceRef(r)}`);
  out.push('  application.properties: |', `    server.port=8080`, `    upstream.host=${serviceRef(r)}`, `    cache.host=${serviceRef(r)}`, `    # ${sentence(r, 10)}`);
  return out.join('\n');
}

function namespace(i: number): string {
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ns-${i}`, '  labels:', `    kubernetes.io/metadata.name: ns-${i}`].join('\n');
}

export interface BigManifest {
  readonly text: string;
  readonly counts: Record<string, number>;
}

/** Object counts of the big manifest at `scale` (1: the ~10 MB file; smaller for quick runs). */
export function scaledCounts(scale = 1): { [K in keyof typeof COUNTS]: number } {
  const n = (x: number): number => Math.max(1, Math.round(x * scale));
  return { services: n(COUNTS.services), deployments: n(COUNTS.deployments), statefulSets: n(COUNTS.statefulSets), endpointSlices: n(COUNTS.endpointSlices), configMaps: n(COUNTS.configMaps), namespaces: NAMESPACES };
}

/** Sets the Service index ranges for a manifest of `scale`; returns the counts. */
function setScale(scale: number): ReturnType<typeof scaledCounts> {
  const c = scaledCounts(scale);
  SVC_DEPLOY_END = c.deployments;
  SVC_STS_END = SVC_DEPLOY_END + c.statefulSets;
  SVC_SELECTORLESS_END = SVC_STS_END + c.endpointSlices;
  refLimit = SVC_STS_END;
  crossRefLimit = SVC_STS_END;
  return c;
}

/**
 * The ~10 MB manifest: groups (a Service with what it selects) shuffled, Namespaces first.
 * `scale` < 1 makes a smaller one of the same shapes (for quick runs of the bench).
 */
export function bigManifest(seed = 42, scale = 1): BigManifest {
  const COUNTS = setScale(scale);
  const r = new Rand(seed);
  const counts: Record<string, number> = {};
  const count = (k: string): void => void (counts[k] = (counts[k] ?? 0) + 1);
  const groups: string[][] = [];
  for (let d = 0; d < COUNTS.deployments; d++) {
    const kind = r.chance(0.6) ? 'clusterIP' : r.chance(0.6) ? 'noClusterIP' : 'loadBalancer';
    const ports = portsOf(d);
    groups.push([service(r, { i: d, kind, selector: `app-${d}`, ports }), deployment(r, d, ports)]);
    count(`Service (${kind})`);
    count('Deployment');
  }
  for (let s = 0; s < COUNTS.statefulSets; s++) {
    const governing = SVC_DEPLOY_END + s;
    const ports = portsOf(governing);
    groups.push([service(r, { i: governing, kind: 'headlessSts', selector: `db-${s}`, ports }), statefulSet(r, s, governing, ports)]);
    count('Service (headless, StatefulSet)');
    count('StatefulSet');
  }
  for (let i = SVC_STS_END; i < SVC_SELECTORLESS_END; i++) {
    const ports = servicePorts(r, false).map((p) => ({ ...p, target: p.port }));
    groups.push([service(r, { i, kind: 'selectorless', ports }), endpointSlice(r, i, ports)]);
    count('Service (headless, selectorless)');
    count('EndpointSlice');
  }
  for (let i = SVC_SELECTORLESS_END; i < Math.max(COUNTS.services, SVC_SELECTORLESS_END); i++) {
    groups.push([service(r, { i, kind: 'externalName', ports: [] })]);
    count('Service (ExternalName)');
  }
  for (let c = 0; c < COUNTS.configMaps; c++) {
    groups.push([configMap(r, c)]);
    count('ConfigMap');
  }
  r.shuffle(groups);
  const docs: string[] = [];
  for (let i = 0; i < NAMESPACES; i++) {
    docs.push(namespace(i));
    count('Namespace');
  }
  for (const g of groups) docs.push(...g);
  setScale(1);
  return { text: `# Generated by bench/generate.ts (seed ${seed}); do not edit.\n${docs.join('\n---\n')}\n`, counts };
}

/** The first object number of a workspace beside the big manifest (above any of the big manifest's). */
const WORKSPACE_BESIDE_BIG_BASE = 10_000;

export interface WorkspaceOptions {
  /**
   * Beside the big manifest (in one folder): objects are numbered from 10,000 (svc-10000,
   * app-10000, cfg-10000, …: no name is defined twice) in the big manifest's namespaces ns-N,
   * and this share of the references name Services of the big manifest (of `scale`), which
   * makes workspace objects its dependents.
   */
  readonly besideBig?: { readonly crossRefs: number; readonly scale?: number };
}

/**
 * A workspace of `files` small manifests (~3 objects each: a Service, the Deployment it selects,
 * and a ConfigMap or a second Service), in `dir/team-N/` folders. Returns the file paths.
 */
export function writeWorkspace(dir: string, files = 2000, seed = 7, opts: WorkspaceOptions = {}): string[] {
  const r = new Rand(seed);
  const paths: string[] = [];
  // References name Services of this workspace (svc-0 … svc-<files-1>), some of the big manifest's.
  if (opts.besideBig) {
    setScale(opts.besideBig.scale ?? 1);
    crossRefs = opts.besideBig.crossRefs;
    refBase = WORKSPACE_BESIDE_BIG_BASE;
  }
  const base = refBase;
  refLimit = files;
  try {
    for (let f = 0; f < files; f++) {
      const sub = join(dir, `team-${f % 50}`);
      mkdirSync(sub, { recursive: true });
      const k = base + f;
      const ports = portsOf(k);
      const docs = [service(r, { i: k, kind: r.chance(0.7) ? 'clusterIP' : 'noClusterIP', selector: `app-${k}`, ports }), deployment(r, k, ports)];
      docs.push(r.chance(0.5) ? configMap(r, k) : service(r, { i: 100000 + k, kind: 'headlessSts', selector: `app-${k}`, ports: servicePorts(r, true) }));
      // One file in ten adds ready endpoints to a selectorless Service of the big manifest: its
      // diagnostics depend on the folder (a Service whose only endpoints were not ready is served).
      if (opts.besideBig && f % 10 === 5) docs.push(readyEndpoints(SVC_STS_END + ((Math.floor(f / 10) * 7) % (SVC_SELECTORLESS_END - SVC_STS_END)), f));
      const path = join(sub, `app-${k}.yaml`);
      writeFileSync(path, `${docs.join('\n---\n')}\n`);
      paths.push(path);
    }
  } finally {
    setScale(1);
    crossRefs = 0;
    refBase = 0;
  }
  return paths;
}

/** Writes bench/generated/big.yaml (big-<scale>.yaml when scaled); returns its path and what it holds. */
export function writeBigManifest(seed = 42, scale = 1): { path: string; bytes: number; objects: number; counts: Record<string, number> } {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const { text, counts } = bigManifest(seed, scale);
  setScale(1);
  const path = join(GENERATED_DIR, scale === 1 ? 'big.yaml' : `big-${scale}.yaml`);
  // Atomically (write, then rename): another bench may be reading the same file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return { path, bytes: Buffer.byteLength(text), objects: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

if (require.main === module) {
  const t = Date.now();
  const res = writeBigManifest();
  console.log(`${res.path}: ${(res.bytes / 1e6).toFixed(2)} MB, ${res.objects} objects in ${Date.now() - t} ms`);
  for (const [k, v] of Object.entries(res.counts)) console.log(`  ${k}: ${v}`);
}
