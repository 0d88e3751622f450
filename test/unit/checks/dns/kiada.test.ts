/**
 * The chapter's kiada objects: a well-formed set that must give no DNS warning besides the
 * LoadBalancer info on `kiada` (DNS serves only its cluster IP, dns-rules.md §3.3, §15).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDns } from '../dnsHelpers';

const KIADA = `apiVersion: v1
kind: Service
metadata:
  name: quote
spec:
  type: ClusterIP
  clusterIP: 10.96.161.97
  selector:
    app: quote
  ports:
  - name: http
    port: 80
    targetPort: 8080
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: kiada
spec:
  type: LoadBalancer
  selector:
    app: kiada
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: https
    port: 443
    targetPort: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: quote-headless
spec:
  clusterIP: None
  selector:
    app: quote
  ports:
  - name: http
    port: 80
    targetPort: http
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: quote-headless-2xq4k
  generateName: quote-headless-
  labels:
    kubernetes.io/service-name: quote-headless
    service.kubernetes.io/headless: ""
    endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
  ownerReferences:
  - apiVersion: v1
    kind: Service
    name: quote-headless
    controller: true
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
- addresses: ["10.244.2.9"]
  conditions: {ready: true, serving: true, terminating: false}
- addresses: ["10.244.2.8"]
  conditions: {ready: true, serving: true, terminating: false}
- addresses: ["10.244.2.10"]
  conditions: {ready: true, serving: true, terminating: false}
- addresses: ["10.244.1.10"]
  conditions: {ready: true, serving: true, terminating: false}
---
apiVersion: v1
kind: Service
metadata:
  name: time-api
spec:
  type: ExternalName
  externalName: worldtimeapi.org
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: quote
spec:
  replicas: 4
  selector:
    matchLabels:
      app: quote
  template:
    metadata:
      labels:
        app: quote
    spec:
      containers:
      - name: quote-api
        image: luksa/quote-api:0.1
        ports:
        - name: http
          containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kiada
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kiada
  template:
    metadata:
      labels:
        app: kiada
    spec:
      containers:
      - name: kiada
        image: luksa/kiada:0.6
        ports:
        - name: http
          containerPort: 8080
        - name: https
          containerPort: 8443
`;

test('kiada: only the LoadBalancer info on kiada', () => {
  const run = runDns({ 'kiada.yaml': KIADA }, { defaultNamespace: 'kiada' });
  assert.deepEqual(run.problems, []);
  assert.deepEqual(
    run.findings.map((f) => [f.code, f.severity, f.text]),
    [['svc-external-address-not-in-dns', 'info', 'LoadBalancer']],
  );
  assert.match(run.findings[0]!.message, /^kiada\.kiada\.svc\.cluster\.local answers only with its cluster IP/);
});

test('kiada on kube-dns: one info per non-ExternalName Service, nothing else new', () => {
  const run = runDns({ 'kiada.yaml': KIADA }, { defaultNamespace: 'kiada', config: { flavor: 'kube-dns' } });
  const kubeDns = run.of('svc-kube-dns-differences').map((f) => f.text);
  assert.deepEqual(kubeDns, ['quote', 'kiada', 'quote-headless']);
  assert.deepEqual(
    run.findings.filter((f) => f.code !== 'svc-kube-dns-differences').map((f) => f.code),
    ['svc-external-address-not-in-dns'],
  );
});

test('examples/kiada: only the LoadBalancer info on kiada', () => {
  const dir = join(__dirname, '..', '..', '..', '..', 'examples', 'kiada');
  const files = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
  assert.ok(Object.keys(files).length > 0);
  const run = runDns(files);
  assert.deepEqual(run.problems, []);
  assert.deepEqual(
    run.findings.map((f) => [f.code, f.severity, f.text]),
    [['svc-external-address-not-in-dns', 'info', 'LoadBalancer']],
  );
  assert.match(run.findings[0]!.message, /answers only with its cluster IP 10\.96\.7\.83/);
});
