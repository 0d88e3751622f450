/**
 * Regression fixtures: false positives (and misses) a user could report, each named after its case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDns } from '../dnsHelpers';
import { svc } from '../dns/cases';
import { deployment } from './cases';

/** The codes found; the fixture itself must parse cleanly. */
function codes(input: Parameters<typeof runDns>[0], opts?: Parameters<typeof runDns>[1]): string[] {
  const run = runDns(input, opts);
  assert.deepEqual(run.problems.map((p) => p.message), [], 'the fixture parses');
  return run.findings.map((f) => f.code);
}

const quote = svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http`);

test('named targetPort served by a native sidecar init container', () => {
  const pod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: quote
spec:
  template:
    metadata:
      labels: {app: quote}
    spec:
      initContainers:
      - name: proxy
        image: envoy
        restartPolicy: Always
        ports:
        - name: http
          containerPort: 15001
      containers:
      - name: app
        image: quote
`;
  assert.deepEqual(codes(`${quote}---\n${pod}`), []);
});

test('named targetPort declared only by a plain init container warns', () => {
  const pod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: quote
spec:
  template:
    metadata:
      labels: {app: quote}
    spec:
      initContainers:
      - name: setup
        image: busybox
        ports:
        - name: http
          containerPort: 8080
      containers:
      - name: app
        image: quote
`;
  assert.deepEqual(codes(`${quote}---\n${pod}`), ['svc-target-port-name-unknown']);
});

test('named targetPort declared by a second container', () => {
  const ports = `- name: metrics\n          containerPort: 9090\n      - name: web\n        image: quote\n        ports:\n        - name: http\n          containerPort: 8080`;
  assert.deepEqual(codes(`${quote}---\n${deployment('quote', '{app: quote}', ports)}`), []);
});

test('named targetPort: one of two selected templates lacks it', () => {
  const canary = deployment('quote-canary', '{app: quote, track: canary}', '- name: web\n          containerPort: 8080');
  const run = runDns(`${quote}---\n${deployment('quote', '{app: quote}')}---\n${canary}`);
  const f = run.of('svc-target-port-name-unknown');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /Deployment quote-canary/);
  assert.doesNotMatch(f[0]!.message, /Deployment quote[^-]/);
});

test('named targetPort: an unrelated app elsewhere in the repository lacks it (info, the port works for the pods that declare it)', () => {
  const other = deployment('quote-legacy', '{app: quote}', '- name: web\n          containerPort: 8080');
  const f = runDns(`${quote}---\n${deployment('quote', '{app: quote}')}---\n${other}`).of('svc-target-port-name-unknown');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'info');
});

test('named targetPort: no selected template declares it (warning)', () => {
  const only = deployment('quote', '{app: quote}', '- name: web\n          containerPort: 8080');
  const f = runDns(`${quote}---\n${only}`).of('svc-target-port-name-unknown');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
});

test('Service selecting a CronJob template', () => {
  const cron = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {app: report}
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: report
            ports:
            - name: http
              containerPort: 8080
`;
  const service = svc('report', `  selector: {app: report}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http`);
  assert.deepEqual(codes(`${service}---\n${cron}`), []);
});

test('Service selecting a StatefulSet template', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: pg
        image: postgres
`;
  assert.deepEqual(codes(`${svc('db', `  clusterIP: None\n  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\n${sts}`), []);
});

test('Service with selector in another namespace than a matching Deployment must warn', () => {
  const service = quote.replace('  name: quote\n', '  name: quote\n  namespace: kiada\n');
  const run = runDns(`${service}---\n${deployment('quote', '{app: quote}')}`);
  const f = run.of('svc-selector-no-match');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /Deployment quote in namespace default/);
  assert.deepEqual(f[0]!.relatedText, ['{app: quote}']);
});

test('Service and Deployment without namespace share the default namespace', () => {
  assert.deepEqual(codes(`${quote}---\n${deployment('quote', '{app: quote}')}`, { defaultNamespace: 'kiada' }), []);
});

test('a workspace holding only Services gives no selector warning', () => {
  assert.deepEqual(codes(quote), []);
});

test('selector lists nearest label sets by similarity', () => {
  const service = svc('quote', `  selector: {app: quote, tier: api}\n  ports:\n  - name: http\n    port: 80`);
  const run = runDns([service, deployment('quote', '{app: quote, tier: web}'), deployment('kiada', '{app: kiada}'), deployment('misc', '{team: x}')].join('---\n'));
  const f = run.of('svc-selector-no-match');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /Nearest label sets: app=quote, tier=web \(Deployment quote\); app=kiada \(Deployment kiada\)\./);
  assert.doesNotMatch(f[0]!.message, /misc/);
});

test('ExternalName Service with a selector is not checked against pods', () => {
  const service = svc('ext', `  type: ExternalName\n  externalName: example.com\n  selector: {app: nothing}`);
  assert.deepEqual(codes(`${service}---\n${deployment('quote', '{app: quote}')}`), ['svc-external-name-ignored-fields']);
});

test('EndpointSlice exported from the cluster for a Service with a selector', () => {
  const slice = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: quote-7xk2p
  labels:
    kubernetes.io/service-name: quote
    endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
addressType: IPv4
ports:
- name: http
  port: 8080
endpoints:
- addresses: ["10.244.1.7"]
  conditions: {ready: true}
`;
  assert.deepEqual(codes(`${quote}---\n${deployment('quote', '{app: quote}')}---\n${slice}`), []);
});

test('Endpoints exported from the cluster for a Service with a selector', () => {
  const eps = `apiVersion: v1
kind: Endpoints
metadata:
  name: quote
  annotations:
    endpoints.kubernetes.io/last-change-trigger-time: "2024-05-01T10:00:00Z"
subsets:
- addresses:
  - ip: 10.244.1.7
`;
  assert.deepEqual(codes(`${quote}---\n${deployment('quote', '{app: quote}')}---\n${eps}`), []);
});

test('StatefulSet template subdomain is not checked (the controller overwrites it)', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    metadata:
      labels: {app: db}
    spec:
      subdomain: whatever
      containers:
      - name: pg
        image: postgres
`;
  assert.deepEqual(codes(`${svc('db', `  clusterIP: None\n  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\n${sts}`), []);
});

test('Deployment template subdomain with a headless Service that selects it', () => {
  const d = deployment('dev', '{app: dev}').replace('    spec:\n      containers:', '    spec:\n      subdomain: devs\n      containers:');
  const service = svc('devs', `  clusterIP: None\n  selector: {app: dev}\n  ports:\n  - name: ssh\n    port: 22`);
  assert.deepEqual(codes(`${service}---\n${d}`), []);
  assert.deepEqual(codes(d), ['pod-subdomain-no-headless-service']);
});

test('StatefulSet whose Service lives in another namespace', () => {
  const service = svc('web', `  clusterIP: None\n  selector: {app: web}\n  ports:\n  - name: http\n    port: 80`).replace('  name: web\n', '  name: web\n  namespace: other\n');
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels: {app: web}\n';
  assert.ok(codes(`${service}---\n${sts}`).includes('sts-service-missing'));
});

test('headless selectorless Service with Endpoints that skip mirroring', () => {
  const service = svc('db', `  clusterIP: None\n  ports:\n  - name: pg\n    port: 5432`);
  const eps = `apiVersion: v1
kind: Endpoints
metadata:
  name: db
  labels:
    endpointslice.kubernetes.io/skip-mirror: "true"
subsets:
- addresses:
  - ip: 10.0.0.7
`;
  const f = runDns(`${service}---\n${eps}`).of('svc-headless-no-endpoints');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /not mirrored/);
  assert.deepEqual(f[0]!.relatedText, ['db']);
});

test('kube-dns ignores hand-written EndpointSlices of a headless Service', () => {
  const service = svc('db', `  clusterIP: None\n  ports:\n  - name: pg\n    port: 5432`);
  const slice = 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\n  labels:\n    kubernetes.io/service-name: db\naddressType: IPv4\nendpoints:\n- addresses: ["10.0.0.7"]\n';
  assert.deepEqual(runDns(`${service}---\n${slice}`).of('svc-headless-no-endpoints'), []);
  const f = runDns(`${service}---\n${slice}`, { config: { flavor: 'kube-dns' } }).of('svc-headless-no-endpoints');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /kube-dns never reads/);
});

test('unnamed port rules: ExternalName and multi-port Services are left to other rules', () => {
  assert.deepEqual(runDns(svc('ext', `  type: ExternalName\n  externalName: example.com\n  ports:\n  - port: 80`)).of('svc-port-unnamed-no-srv'), []);
  assert.deepEqual(runDns(svc('two', `  selector: {app: x}\n  ports:\n  - port: 80\n  - port: 443`)).of('svc-port-unnamed-no-srv'), []);
});

test('externalName that merely contains a svc label is a public name', () => {
  assert.deepEqual(codes(svc('ext', `  type: ExternalName\n  externalName: api.eu.svc.example.com`)), []);
  assert.deepEqual(codes(svc('ext', `  type: ExternalName\n  externalName: example.com`)), []);
});

test('externalName <svc>.<ns> naming a Service of the workspace', () => {
  const alias = svc('quote-alias', `  type: ExternalName\n  externalName: quote.kiada`);
  const target = quote.replace('  name: quote\n', '  name: quote\n  namespace: kiada\n');
  assert.deepEqual(codes(`${alias}---\n${target}`), ['svc-external-name-short-cluster-name']);
});

test('externalName with trailing dot inside the cluster zone: both infos, no warning', () => {
  const alias = svc('quote-alias', `  type: ExternalName\n  externalName: quote.kiada.svc.cluster.local.`);
  assert.deepEqual(codes(alias).sort(), ['svc-external-name-in-cluster', 'svc-external-name-trailing-dot']);
});

test('headless Service of a Deployment with placeholder pods is served', () => {
  const service = svc('quote-headless', `  clusterIP: None\n  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http`);
  assert.deepEqual(codes(`${service}---\n${deployment('quote', '{app: quote}')}`), []);
});

test('a custom cluster zone is used in messages', () => {
  const f = runDns(svc('t', `  type: ExternalName\n  externalName: 10.0.0.1`), { config: { zone: 'corp.internal' } }).of('svc-external-name-ip');
  assert.match(f[0]!.message, /t\.default\.svc\.corp\.internal/);
});

test('headless selectorless Service: SRV names come from its hand-written slice', () => {
  const service = svc('db', `  clusterIP: None\n  ports:\n  - port: 5432`);
  const slice = 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\n  labels:\n    kubernetes.io/service-name: db\naddressType: IPv4\nports:\n- name: pg\n  port: 5432\nendpoints:\n- addresses: ["10.0.0.7"]\n';
  assert.deepEqual(codes(`${service}---\n${slice}`), []);
  const portless = svc('db', `  clusterIP: None`);
  assert.deepEqual(codes(`${portless}---\n${slice}`), []);
  assert.deepEqual(codes(`${portless}---\n${slice.replace('ports:\n- name: pg\n  port: 5432\n', '')}`), ['svc-headless-no-ports']);
});

test('ExternalName pointing at the Service itself', () => {
  const f = runDns(svc('loop', `  type: ExternalName\n  externalName: loop.default.svc.cluster.local`)).of('svc-external-name-in-cluster');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.match(f[0]!.message, /itself/);
});

test('StatefulSet serviceName naming a Service of another namespace says so', () => {
  const service = svc('web', `  clusterIP: None\n  selector: {app: web}\n  ports:\n  - name: http\n    port: 80`).replace('  name: web\n', '  name: web\n  namespace: other\n');
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  template:\n    metadata:\n      labels: {app: web}\n';
  const f = runDns(`${service}---\n${sts}`).of('sts-service-missing');
  assert.match(f[0]!.message, /exists in namespace other/);
  assert.deepEqual(f[0]!.relatedText, ['other']);
});
