/** Quick fixes of the DNS and reference rules: applied to the text, the result parses and the finding is gone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkObjects } from '../../../../server/src/checks/runner';
import { DNS_RULES } from '../../../../server/src/checks/dnsRules';
import { buildCluster } from '../../../../server/src/dns/cluster';
import { makeConfig } from '../../../../server/src/dns/config';
import { readKubeObject } from '../../../../server/src/manifests/objects';
import { readManifest } from '../../../../server/src/manifests/read';
import { syntheticSource } from '../../../../server/src/manifests/yamlSource';
import { isService, type Service } from '../../../../server/src/manifests/types';
import { applyFix, asFiles, runDns, type Files } from '../dnsHelpers';

/** Runs the rules, applies the single fix of `code`, and re-runs them on the result. */
function fixOnce(files: Files, code: string): { text: Record<string, string>; after: ReturnType<typeof runDns> } {
  const run = runDns(files);
  const found = run.of(code);
  assert.equal(found.length, 1, `one ${code}: ${JSON.stringify(run.findings.map((f) => f.code))}`);
  const fix = found[0]!.fixes?.[0];
  assert.ok(fix, `${code} offers a fix`);
  const text = applyFix(files, fix);
  for (const [file, t] of Object.entries(text)) {
    assert.deepEqual(readManifest(t, file, { defaultNamespace: 'default' }).problems, [], `the fixed ${file} parses:\n${t}`);
  }
  const after = runDns(text);
  assert.deepEqual(after.of(code), [], `${code} is gone after the fix:\n${Object.values(text).join('\n')}`);
  return { text, after };
}

function firstService(files: Record<string, string>): Service {
  const [file, text] = Object.entries(files)[0]!;
  const s = readManifest(text, file, { defaultNamespace: 'default' }).objects.find(isService);
  assert.ok(s);
  return s;
}

const unnamed: [string, string, string][] = [
  ['block item, dash indented', 'spec:\n  ports:\n    - port: 80\n      targetPort: 8080\n', 'http'],
  ['block item, compact dash', 'spec:\n  ports:\n  - port: 443\n    targetPort: 8443\n', 'https'],
  ['single-key block item', 'spec:\n  ports:\n  - port: 9000\n', 'port-9000'],
  ['comment after ports:', 'spec:\n  ports: # the one port\n  - protocol: UDP\n    port: 53\n', 'port-53'],
  ['flow item', 'spec:\n  ports: [{port: 80, targetPort: 8080}]\n', 'http'],
  ['appProtocol', 'spec:\n  ports:\n  - port: 8080\n    appProtocol: grpc\n', 'grpc'],
  ['prefixed appProtocol, named targetPort', 'spec:\n  ports:\n  - port: 8080\n    appProtocol: kubernetes.io/h2c\n    targetPort: metrics\n', 'metrics'],
];

for (const [name, spec, expected] of unnamed) {
  test(`svc-port-unnamed-no-srv fix: ${name}`, () => {
    const yaml = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${spec}`;
    const { text } = fixOnce(yaml, 'svc-port-unnamed-no-srv');
    const port = firstService(text).spec.ports[0]!;
    assert.equal(port.name, expected);
  });
}

test('svc-port-unnamed-no-srv fix: JSON manifest', () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } }, null, 2);
  const files = { 'svc.json': json };
  const { text } = fixOnce(files, 'svc-port-unnamed-no-srv');
  assert.equal(JSON.parse(text['svc.json']!).spec.ports[0].name, 'http');
});

test('svc-port-unnamed-no-srv fix: everything in flow style', () => {
  const { text } = fixOnce('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n', 'svc-port-unnamed-no-srv');
  assert.equal(firstService(text).spec.ports[0]!.name, 'http');
});

test('svc-port-unnamed-no-srv: no fix for an object read from the cluster (no text)', () => {
  const raw = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } };
  const { object } = readKubeObject(raw, syntheticSource('live', raw), { defaultNamespace: 'default' });
  assert.ok(object);
  const config = makeConfig();
  const findings = checkObjects([object], { config, cluster: buildCluster([object], config) }, DNS_RULES).filter((f) => f.code === 'svc-port-unnamed-no-srv');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.fixes, undefined);
});

test('svc-external-name-trailing-dot fix removes the dot', () => {
  const { text } = fixOnce('apiVersion: v1\nkind: Service\nmetadata:\n  name: t\nspec:\n  type: ExternalName\n  externalName: "worldtimeapi.org."\n', 'svc-external-name-trailing-dot');
  assert.equal(firstService(text).spec.externalName, 'worldtimeapi.org');
});

test('svc-external-name-short-cluster-name fix writes the full name', () => {
  const { text } = fixOnce('apiVersion: v1\nkind: Service\nmetadata:\n  name: t\nspec:\n  type: ExternalName\n  externalName: quote.kiada.svc\n', 'svc-external-name-short-cluster-name');
  assert.equal(firstService(text).spec.externalName, 'quote.kiada.svc.cluster.local');
});

const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: nginx}]\n';

test('sts-service-not-headless fix inserts clusterIP: None', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n';
  const { text } = fixOnce(`${service}---\n${sts}`, 'sts-service-not-headless');
  assert.equal(firstService(text).spec.clusterIP, 'None');
});

test('sts-service-not-headless fix replaces a cluster IP', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.96.0.20\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n';
  const { text } = fixOnce(`${service}---\n${sts}`, 'sts-service-not-headless');
  assert.equal(firstService(text).spec.clusterIP, 'None');
});

test('sts-service-not-headless: no fix for a NodePort Service or a Service in another file', () => {
  const nodePort = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n';
  assert.equal(runDns(`${nodePort}---\n${sts}`).of('sts-service-not-headless')[0]!.fixes, undefined);
  const clusterIP = nodePort.replace('  type: NodePort\n', '');
  const split = runDns({ 'svc.yaml': clusterIP, 'sts.yaml': sts }).of('sts-service-not-headless');
  assert.equal(split.length, 1);
  assert.equal(split[0]!.fixes, undefined);
});

test('endpointslice-no-service-label fix adds the label to existing labels', () => {
  const files = asFiles(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: external-db\nspec:\n  ports: [{name: pg, port: 5432}]\n---\n' +
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: external-db-1\n  labels:\n    team: data\naddressType: IPv4\nendpoints:\n- addresses: ["10.0.0.7"]\n',
  );
  const { after } = fixOnce(files, 'endpointslice-no-service-label');
  const slice = after.objects.find((o) => o.kind === 'EndpointSlice')!;
  assert.deepEqual(slice.meta.labels, { 'kubernetes.io/service-name': 'external-db', team: 'data' });
});

test('endpointslice-no-service-label fix adds a labels map', () => {
  const files = asFiles(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: external-db\nspec:\n  ports: [{name: pg, port: 5432}]\n---\n' +
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: external-db\n  namespace: default\naddressType: IPv4\nendpoints:\n- addresses: ["10.0.0.7"]\n',
  );
  const { after } = fixOnce(files, 'endpointslice-no-service-label');
  const slice = after.objects.find((o) => o.kind === 'EndpointSlice')!;
  assert.deepEqual(slice.meta.labels, { 'kubernetes.io/service-name': 'external-db' });
  assert.equal(slice.meta.namespace, 'default');
});

test('svc-port-unnamed-no-srv: no fix when a comment after `ports:` hides the column', () => {
  const f = runDns('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: # the one port\n  - port: 9000\n').of('svc-port-unnamed-no-srv');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.fixes, undefined);
});

test('endpointslice-no-service-label fix in a flow metadata map', () => {
  const files = asFiles(
    'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {ports: [{name: pg, port: 5432}]}\n---\n' +
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ext-abc}\naddressType: IPv4\nendpoints: [{addresses: ["10.0.0.7"]}]\n',
  );
  const { after } = fixOnce(files, 'endpointslice-no-service-label');
  assert.deepEqual(after.objects.find((o) => o.kind === 'EndpointSlice')!.meta.labels, { 'kubernetes.io/service-name': 'ext' });
});

test('a diagnostics pass computes no fixes: code actions ask for them afresh', () => {
  const files = { 'manifest.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n' };
  const withFixes = runDns(files).of('svc-port-unnamed-no-srv');
  const without = runDns(files, { withFixes: false }).of('svc-port-unnamed-no-srv');
  assert.equal(withFixes[0]?.fixes?.length, 1);
  assert.equal(without.length, 1);
  assert.equal(without[0]!.fixes, undefined);
  assert.equal(without[0]!.text, withFixes[0]!.text, 'the same range either way');
});
