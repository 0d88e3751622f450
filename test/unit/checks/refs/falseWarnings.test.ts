/**
 * Issue 12: false warnings found running the checker over real repositories. Each test is named
 * after the pattern and built from a small manifest that showed it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDns, yaml } from '../dnsHelpers';
import { dnsNameUses } from '../../../../server/src/refs/dnsNames';
import { buildCluster } from '../../../../server/src/dns/cluster';
import { makeConfig } from '../../../../server/src/dns/config';
import { query } from '../../../../server/src/dns/query';
import { readManifest } from '../../../../server/src/manifests/read';
import { dnsNameHover } from '../../../../server/src/explain/dnsName';

/** The codes found on a fixture that must parse cleanly. */
function codes(input: Parameters<typeof runDns>[0], opts?: Parameters<typeof runDns>[1]): string[] {
  const run = runDns(input, opts);
  assert.deepEqual(run.problems.map((p) => p.message), [], 'the fixture parses');
  return run.findings.map((f) => f.code);
}

/** A Pod in the default namespace whose container has env `TARGET` = `value` and the given args. */
const client = (value: string, args = '[]', ns = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: client
    ${ns ? `namespace: ${ns}` : ''}
  spec:
    containers:
    - name: main
      image: example/client
      args: ${args}
      env:
      - name: TARGET
        value: ${value}
`;

// --- 1. Built-in Services ----------------------------------------------------------------------

test('kubernetes.default.svc: the API server Service resolves without a manifest', () => {
  assert.deepEqual(codes(client('https://kubernetes.default.svc')), []);
  assert.deepEqual(codes(client('https://kubernetes.default.svc.cluster.local:443/api')), []);
  assert.deepEqual(codes(client('https://kubernetes.default')), []);
});

test('kubernetes.default.svc resolves under kube-dns and ignore empty_service too', () => {
  assert.deepEqual(codes(client('https://kubernetes.default.svc'), { config: { flavor: 'kube-dns', ignoreEmptyService: true } }), []);
});

test('kubernetes.default.svc on a port it does not expose still warns', () => {
  assert.deepEqual(codes(client('https://kubernetes.default.svc:6443')), ['dns-name-port-unknown']);
});

test('kube-dns.kube-system: the cluster DNS Service resolves, on 53 and 9153', () => {
  const files = { 'a.yaml': client('kube-dns.kube-system.svc.cluster.local:53', '[--metrics=http://kube-dns.kube-system:9153/metrics]'), 'b.yaml': yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: x, namespace: kube-system}
  ` };
  assert.deepEqual(codes(files), []);
});

test('clusterDnsService setting: the cluster DNS Service under another name', () => {
  const files = { 'a.yaml': client('http://coredns.dns.svc:9153/metrics'), 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: dns}\n' };
  assert.deepEqual(codes(files, { config: { clusterDnsService: 'dns/coredns' } }), []);
  assert.deepEqual(codes(files), ['dns-name-unresolved']);
});

test('clusterDnsService setting: the zone apex NS names that Service', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: coredns, namespace: dns}\nspec:\n  clusterIP: 10.96.0.10\n  ports: [{name: dns, port: 53, protocol: UDP}]\n';
  const config = makeConfig({ clusterDnsService: 'dns/coredns' });
  const cluster = buildCluster(readManifest(text, 'a.yaml', { defaultNamespace: 'default' }).objects, config);
  assert.deepEqual(query(cluster, 'cluster.local', 'NS').answer.map((r) => r.data), ['coredns.dns.svc.cluster.local.']);
});

test('a workspace Service named kubernetes in default wins over the built-in', () => {
  const own = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: kubernetes}
    spec:
      ports: [{name: http, port: 80}]
  `;
  // The described Service exposes 80 only: 443 is not open on it.
  assert.deepEqual(codes(`${own}---\n${client('https://kubernetes.default.svc')}`), ['dns-name-port-unknown']);
});

test('hover on a built-in Service says so', () => {
  const text = client('https://kubernetes.default.svc');
  const config = makeConfig();
  const objects = readManifest(text, 'a.yaml', { defaultNamespace: 'default' }).objects;
  const cluster = buildCluster(objects, config);
  const [use] = dnsNameUses(objects[0]!, cluster);
  assert.ok(use?.builtin);
  assert.match(dnsNameHover(cluster, use), /built-in: the API server creates it/);
});

// --- 2. Strings that are not host names ----------------------------------------------------------

test('downward-API fieldPath metadata.namespace is not a host', () => {
  // A namespace called `namespace` holding objects made `metadata.namespace` read as Service `metadata` there.
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: client}
    spec:
      containers:
      - name: main
        image: example/client
        env:
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef: {fieldPath: metadata.namespace}
  `;
  const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: namespace}\n';
  assert.deepEqual(codes({ 'a.yaml': pod, 'b.yaml': other }), []);
});

test('secretName istio.default is a Secret, not a host', () => {
  const pod = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: app}
    spec:
      template:
        metadata: {labels: {app: app}}
        spec:
          containers:
          - name: main
            image: example/app
          volumes:
          - name: certs
            secret: {secretName: istio.default}
  `;
  assert.deepEqual(codes(pod), []);
});

test('a sentence ending in "by default." is not a name (nor the suggestion default..other.)', () => {
  const files = {
    'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: default, namespace: other}\nspec:\n  ports: [{name: http, port: 80}]\n',
    'cm.yaml': yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: notes, namespace: web}
      data:
        NOTE: "Retries are disabled by default."
    `,
  };
  assert.deepEqual(codes(files), []);
});

test('a dotted word inside a sentence is prose, while configuration lines still name hosts', () => {
  const cm = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cfg}
    data:
      README: "The quote.kiada Service is optional. See docs.example for details."
      nginx.conf: "upstream q { server quote.kiada:80; }"
      app.properties: "quote.host = quote.kiada"
      sentinel.conf: "sentinel monitor primary quote.kiada 6379 2\\nhost quote.kiada"
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: quote, namespace: kiada}
    spec:
      ports: [{name: http, port: 80}]
  `;
  const config = makeConfig();
  const objects = readManifest(cm, 'a.yaml', { defaultNamespace: 'default' }).objects;
  const uses = dnsNameUses(objects[0]!, buildCluster(objects, config));
  assert.deepEqual(uses.map((u) => [u.token.path.join('.'), u.token.host]), [
    ['data.nginx.conf', 'quote.kiada'],
    ['data.app.properties', 'quote.kiada'],
    ['data.sentinel.conf', 'quote.kiada'],
    ['data.sentinel.conf', 'quote.kiada'],
  ]);
});

test('an absolute short name (quote.) suggests the FQDN, never quote..kiada', () => {
  const files = {
    'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: quote, namespace: kiada}\nspec:\n  ports: [{name: http, port: 80}]\n',
    'pod.yaml': client('quote.', '[]', 'web'),
  };
  const run = runDns(files);
  const f = run.of('dns-name-wrong-namespace');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /Write quote\.kiada\.svc\.cluster\.local\.$/);
  assert.doesNotMatch(f[0]!.message, /\.\./);
  assert.deepEqual(f[0]!.fixes?.map((x) => x.edits[0]!.newText), ['quote.kiada.svc.cluster.local.']);
  assert.deepEqual(run.of('dns-name-unresolved'), []);
});

// --- 3. Names a resource serves; custom resources -------------------------------------------------

test('Istio Gateway hosts are names it serves, not references', () => {
  const gw = yaml`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: {name: gw}
    spec:
      servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: ["shop.default.svc.cluster.local", "default/reviews.default.svc.cluster.local"]
  `;
  assert.deepEqual(codes(gw), []);
});

test('Gateway API Gateway hostname and HTTPRoute hostnames are served names', () => {
  const gw = yaml`
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: gw}
    spec:
      gatewayClassName: istio
      listeners:
      - {name: http, port: 80, protocol: HTTP, hostname: shop.default.svc.cluster.local}
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: HTTPRoute
    metadata: {name: route}
    spec:
      hostnames: [shop.default.svc.cluster.local]
  `;
  assert.deepEqual(codes(gw), []);
});

test('an unresolved name in a custom resource of unknown meaning is an info', () => {
  const cr = yaml`
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: w}
    spec:
      endpoint: http://nothere.default.svc:8080
  `;
  const run = runDns(cr);
  assert.deepEqual(run.findings.map((f) => [f.code, f.severity, f.text]), [['dns-name-unresolved', 'info', 'nothere.default.svc']]);
  assert.match(run.findings[0]!.message, /custom resource/);
});

// --- 4. Labels controllers add to the pods they create -----------------------------------------

const job = (name: string): string => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata: {name: ${name}}
  spec:
    template:
      metadata: {labels: {app: comm}}
      spec:
        restartPolicy: Never
        containers:
        - name: main
          image: example/comm
          ports: [{name: http, containerPort: 8080}]
`;
const selecting = (name: string, selector: string, extra = ''): string => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}}
  spec:
    ${extra}
    selector: ${selector}
    ports: [{name: http, port: 80, targetPort: http}]
`;

test('selector job-name: comm-demo matches the pods of Job comm-demo', () => {
  assert.deepEqual(codes(`${job('comm-demo')}---\n${selecting('comm', '{job-name: comm-demo}')}`), []);
  assert.deepEqual(codes(`${job('comm-demo')}---\n${selecting('comm', '{batch.kubernetes.io/job-name: comm-demo, app: comm}')}`), []);
  assert.deepEqual(codes(`${job('comm-demo')}---\n${selecting('comm', '{job-name: other}')}`), ['svc-selector-no-match']);
});

test('selector controller-uid of a Job may match: no warning', () => {
  assert.deepEqual(codes(`${job('comm-demo')}---\n${selecting('comm', '{controller-uid: 0f1e2d3c, app: comm}')}`), []);
});

const sts = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: minio}
  spec:
    serviceName: minio
    replicas: 3
    selector: {matchLabels: {app: minio}}
    template:
      metadata: {labels: {app: minio}}
      spec:
        containers:
        - name: main
          image: example/minio
          ports: [{name: http, containerPort: 9000}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: minio}
  spec:
    clusterIP: None
    selector: {app: minio}
    ports: [{name: http, port: 9000}]
`;

test('selector statefulset.kubernetes.io/pod-name picks one pod of the StatefulSet; headless answers stay right', () => {
  const one = selecting('minio-1', '{statefulset.kubernetes.io/pod-name: minio-1}', 'clusterIP: None');
  const run = runDns(`${sts}---\n${one}`);
  assert.deepEqual(run.findings.map((f) => f.code), []);
  const config = makeConfig();
  const cluster = buildCluster(run.objects, config);
  const entry = cluster.services.get('default/minio-1')!;
  assert.deepEqual(entry.slices.flatMap((s) => s.endpoints.map((e) => e.podName)), ['minio-1']);
  assert.deepEqual(query(cluster, 'minio-1.default.svc.cluster.local', 'A').answer.map((r) => r.data), ['<IP of pod minio-1>']);
  // Ordinals 0..replicas-1 only; pod-index names the same pods.
  assert.deepEqual(codes(`${sts}---\n${selecting('x', '{statefulset.kubernetes.io/pod-name: minio-3}')}`), ['svc-selector-no-match']);
  assert.deepEqual(codes(`${sts}---\n${selecting('x', '{apps.kubernetes.io/pod-index: "2", app: minio}')}`), []);
});

test('selector pod-template-hash or controller-revision-hash may match: no warning', () => {
  const dep = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: main
            image: example/web
            ports: [{name: http, containerPort: 8080}]
  `;
  assert.deepEqual(codes(`${dep}---\n${selecting('web', '{app: web, pod-template-hash: 7d4b9c}')}`), []);
  assert.deepEqual(codes(`${sts}---\n${selecting('m', '{app: minio, controller-revision-hash: minio-5d8f}')}`), []);
  // A hash label on a kind whose controller does not add it still needs the template to carry it.
  assert.deepEqual(codes(`${job('comm-demo')}---\n${selecting('comm', '{app: comm, pod-template-hash: 7d4b9c}')}`), ['svc-selector-no-match']);
});

// --- 5. Ports on names that resolve to pod IPs ---------------------------------------------------

test('port on a headless Service per-pod name is the pod’s business: info at most', () => {
  const url = (u: string): string => `${sts}---\n${client(u)}`;
  assert.deepEqual(codes(url('http://minio-0.minio.default.svc.cluster.local:9000/data')), []);
  const run = runDns(url('http://minio-0.minio.default.svc.cluster.local/data'));
  assert.deepEqual(run.findings.map((f) => [f.code, f.severity]), [['dns-name-port-unknown', 'info']]);
  assert.match(run.findings[0]!.message, /no proxy between: port 80 \(the http:\/\/ default\) goes straight to the pod, and no container of StatefulSet minio declares it/);
});

test('port on a headless Service own name goes to pod IPs too: info at most', () => {
  assert.deepEqual(codes(`${sts}---\n${client('minio.default:9000')}`), []);
  const run = runDns(`${sts}---\n${client('http://minio.default:8080/')}`);
  assert.deepEqual(run.findings.map((f) => [f.code, f.severity]), [['dns-name-port-unknown', 'info']]);
});

test('port on a headless Service whose pods declare no port: nothing to say', () => {
  const svc = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: ext}
    spec:
      clusterIP: None
    ---
    apiVersion: v1
    kind: Endpoints
    metadata: {name: ext}
    subsets:
    - addresses: [{ip: 10.1.2.3}]
  `;
  assert.deepEqual(codes(`${svc}---\n${client('http://ext.default:1234/')}`), ['svc-headless-no-ports']);
});

// --- 6. Manifests without a namespace, applied with `kubectl apply -n` ----------------------------

const kiadaQuote = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: quote, namespace: kiada}
  spec:
    clusterIP: None
    selector: {app: quote}
    ports: [{name: http, port: 80}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: quote-0, namespace: kiada, labels: {app: quote}}
  spec:
    hostname: quote-0
    subdomain: quote
    containers:
    - name: main
      image: example/quote
      ports: [{name: http, containerPort: 80}]
`;

test('a manifest without a namespace whose names resolve only in one other namespace says kubectl apply -n', () => {
  const run = runDns({ 'q.yaml': kiadaQuote, 'c.yaml': client('http://quote/') });
  const [f] = run.of('dns-name-wrong-namespace');
  assert.match(f!.message, /resolves only if applied in namespace kiada: use `kubectl apply -n kiada` or set k8sDns.defaultNamespace/);
  // With a namespace written, the writer meant it: no such hint.
  const explicit = runDns({ 'q.yaml': kiadaQuote, 'c.yaml': client('http://quote/', '[]', 'web') });
  assert.doesNotMatch(explicit.of('dns-name-wrong-namespace')[0]!.message, /kubectl apply/);
});

test('a per-pod short name (quote-0.quote) in a manifest without a namespace was missed', () => {
  const run = runDns({ 'q.yaml': kiadaQuote, 'c.yaml': client('http://quote-0.quote/') });
  assert.deepEqual(run.findings.map((f) => f.code), ['dns-name-unresolved']);
  assert.match(run.findings[0]!.message, /quote-0\.quote \(written in namespace default\) resolves to nothing.*resolves only if applied in namespace kiada/);
  // Applied where it belongs, it resolves.
  assert.deepEqual(codes({ 'q.yaml': kiadaQuote, 'c.yaml': client('http://quote-0.quote/') }, { defaultNamespace: 'kiada' }), []);
});
