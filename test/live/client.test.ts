/**
 * The live cluster layer against the fake API server: kubeconfig loading as kubectl does it, the
 * five reads, and every failure (faults injected into the server, closed ports, foreign CAs,
 * missing files, credential plugins) ending as one clear LiveError within the timeout.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClusterReader, type ClusterReader } from '../../server/src/live/client';
import { LiveError, type LiveErrorKind } from '../../server/src/live/errors';
import { loadKubeconfig, type KubeconfigOptions } from '../../server/src/live/kubeconfig';
import {
  FakeKubeApi,
  kiadaSeed,
  kubeconfigObject,
  startBlackHole,
  writeKubeconfig,
  type FaultResponse,
  type KubeconfigOptions as WriteOptions,
  type KubeconfigTarget,
} from '../support/fake-kube-api';

/** The timeout given to readers in failure tests, and how much later than it a failure may land. */
const TIMEOUT_MS = 500;
const SLACK_MS = 1000;

// Any unhandled rejection from the live layer is a bug; collect them and fail at the end.
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(unhandled, [], 'no unhandled rejections');
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'live-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a kubeconfig for `target` and opens a reader on it (untrusted unless said otherwise). */
async function readerFor(target: KubeconfigTarget, write: WriteOptions = {}, load: Partial<KubeconfigOptions> = {}, timeoutMs = TIMEOUT_MS): Promise<ClusterReader> {
  const kc = await writeKubeconfig(target, write);
  cleanups.push(kc.cleanup);
  const resolved = await loadKubeconfig({ path: kc.path, trusted: false, ...load });
  const reader = await createClusterReader(resolved, { timeoutMs });
  cleanups.push(() => reader.close());
  return reader;
}

/** Asserts that `work` rejects with a LiveError of `kind` whose message matches every pattern, within the timeout plus slack. */
async function expectLiveError(work: () => Promise<unknown>, kind: LiveErrorKind, patterns: readonly RegExp[], limitMs = TIMEOUT_MS + SLACK_MS): Promise<LiveError> {
  const started = Date.now();
  let caught: unknown;
  try {
    await work();
  } catch (e) {
    caught = e;
  }
  const elapsed = Date.now() - started;
  assert.ok(caught instanceof LiveError, `expected a LiveError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  for (const pattern of patterns) assert.match(caught.message, pattern);
  assert.ok(elapsed <= limitMs, `ended after ${elapsed} ms, limit ${limitMs} ms`);
  return caught;
}

describe('reading a live cluster', () => {
  let api: FakeKubeApi;
  let reader: ClusterReader;

  before(async () => {
    api = await FakeKubeApi.start({ seed: kiadaSeed() });
    cleanups.push(() => api.stop());
    reader = await readerFor(api, {}, {}, 5000);
  });

  test('the context, its namespace and server come from the kubeconfig', () => {
    assert.equal(reader.context, 'fake');
    assert.equal(reader.namespace, 'kiada');
    assert.equal(reader.server, api.url);
  });

  test('getService returns the object as the server sent it', async () => {
    const svc = await reader.getService('kiada', 'quote');
    assert.equal(svc.kind, 'Service');
    assert.equal(svc.apiVersion, 'v1');
    assert.equal(svc.metadata.name, 'quote');
    assert.deepEqual((svc.spec as { clusterIPs: string[] }).clusterIPs, ['10.96.0.21']);
    // Plain JSON, not client-node's model classes: timestamps stay strings.
    assert.equal(typeof svc.metadata.creationTimestamp, 'string');
  });

  test('listEndpointSlices selects by the kubernetes.io/service-name label', async () => {
    const slices = await reader.listEndpointSlices('kiada', 'quote');
    assert.deepEqual(slices.map((s) => [s.kind, s.apiVersion, s.metadata.name]), [['EndpointSlice', 'discovery.k8s.io/v1', 'quote-x7k2p']]);
    const sent = api.requests.filter((r) => r.path === '/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices').at(-1);
    assert.equal(sent?.query.labelSelector, 'kubernetes.io/service-name=quote');
  });

  test('listPods, getConfigMap and listNamespaces', async () => {
    const pods = await reader.listPods('kiada');
    assert.deepEqual(pods.map((p) => `${p.kind}/${p.metadata.name}`), ['Pod/quote-001', 'Pod/quote-002', 'Pod/quote-003']);
    const corefile = await reader.getConfigMap('kube-system', 'coredns');
    assert.match((corefile.data as { Corefile: string }).Corefile, /kubernetes cluster\.local in-addr\.arpa ip6\.arpa/);
    const namespaces = await reader.listNamespaces();
    assert.deepEqual(namespaces.map((n) => n.metadata.name), ['default', 'kiada', 'kube-system']);
    assert.ok(namespaces.every((n) => n.kind === 'Namespace' && n.apiVersion === 'v1'));
  });

  test('an empty list is an empty array', async () => {
    assert.deepEqual(await reader.listEndpointSlices('kiada', 'no-such-service'), []);
    assert.deepEqual(await reader.listPods('empty'), []);
  });

  test('requests carry the bearer token and reuse connections', async () => {
    const first = api.requests.length;
    for (let i = 0; i < 4; i++) await reader.listNamespaces();
    const sent = api.requests.slice(first);
    assert.equal(sent.length, 4);
    assert.ok(sent.every((r) => r.authorization === `Bearer ${api.token}`));
    // undici may open a second socket when a request follows the last answer at once; a pool
    // per request would open one for every request.
    const connections = new Set(sent.map((r) => r.connection)).size;
    assert.ok(connections < sent.length, `${connections} connections for ${sent.length} requests`);
  });
});

describe('failures end as one clear message within the timeout', () => {
  let api: FakeKubeApi;
  let reader: ClusterReader;

  before(async () => {
    api = await FakeKubeApi.start({ seed: kiadaSeed() });
    cleanups.push(() => api.stop());
    reader = await readerFor(api);
  });

  /** Injects `respond` (and/or a delay) for the next request to `path` only. */
  function fault(path: string, respond?: FaultResponse, delayMs?: number): void {
    api.clearFaults();
    api.inject({ path, times: 1, ...(respond === undefined ? {} : { respond }), ...(delayMs === undefined ? {} : { delayMs }) });
  }

  test('a delay beyond the timeout is a timeout', async () => {
    fault('/api/v1/namespaces/kiada/services/quote', undefined, 5_000);
    await expectLiveError(() => reader.getService('kiada', 'quote'), 'timeout', [/context "fake"/, new RegExp(`within ${TIMEOUT_MS} ms`), /service "quote"/]);
  });

  test('a delay within the timeout is fine', async () => {
    fault('/api/v1/namespaces/kiada/services/quote', undefined, 100);
    assert.equal((await reader.getService('kiada', 'quote')).metadata.name, 'quote');
  });

  test('a server that reads the request and never answers is a timeout', async () => {
    fault('/api/v1/namespaces/kiada/pods', 'hang');
    await expectLiveError(() => reader.listPods('kiada'), 'timeout', [/No answer from the API server of context "fake"/]);
  });

  test('a server that accepts the connection and never speaks TLS is a timeout', async () => {
    const hole = await startBlackHole();
    cleanups.push(() => hole.stop());
    const silent = await readerFor({ url: hole.url, caPem: api.caPem, token: api.token });
    await expectLiveError(() => silent.listNamespaces(), 'timeout', [/within 500 ms/]);
    assert.ok(hole.accepted() >= 1, 'the client did connect');
  });

  test('401 asks to log in again', async () => {
    const wrong = await readerFor(api, { token: 'expired-token' });
    const error = await expectLiveError(() => wrong.listNamespaces(), 'unauthorized', [/context "fake"/, /401 Unauthorized/, /log in/]);
    assert.equal(error.httpStatus, 401);
  });

  test('403 quotes the RBAC message', async () => {
    fault('/api/v1/namespaces/kiada/services/quote', { status: 403 });
    await expectLiveError(() => reader.getService('kiada', 'quote'), 'forbidden', [
      /context "fake"/i,
      /services "quote" is forbidden: User "system:serviceaccount:default:viewer" cannot get resource "services" in API group "" in the namespace "kiada"/,
      /Ask a cluster admin/,
    ]);
  });

  test('404 says the object is not in the cluster', async () => {
    await expectLiveError(() => reader.getService('kiada', 'missing'), 'not-found', [/Service "missing" in namespace "kiada" is not in the cluster of context "fake"/, /services "missing" not found/]);
    await expectLiveError(() => reader.getConfigMap('kube-system', 'nope'), 'not-found', [/configmaps "nope" not found/]);
  });

  test('404 for a whole API says the cluster does not serve it', async () => {
    fault('/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices', { status: 404 });
    await expectLiveError(() => reader.listEndpointSlices('kiada', 'quote'), 'not-found', [/does not serve the API/, /EndpointSlices need Kubernetes 1\.21/]);
  });

  test('500 is a server error with the server message', async () => {
    fault('/api/v1/namespaces', { status: 500 });
    await expectLiveError(() => reader.listNamespaces(), 'server-error', [/HTTP 500/, /Internal error occurred: etcdserver: request timed out/, /context "fake"/]);
  });

  test('a connection reset says the connection was closed', async () => {
    fault('/api/v1/namespaces/kiada/services/quote', 'reset');
    await expectLiveError(() => reader.getService('kiada', 'quote'), 'connection-reset', [/connection to the API server of context "fake"/, /closed before it answered/]);
  });

  test('a body that is not JSON is an invalid response', async () => {
    fault('/api/v1/namespaces/kube-system/configmaps/coredns', 'invalid-json');
    await expectLiveError(() => reader.getConfigMap('kube-system', 'coredns'), 'invalid-response', [/context "fake"/, /not the JSON expected/, /HTTP 200/, /the body is not JSON/]);
  });

  test('a proxy page or JSON of the wrong kind is an invalid response too', async () => {
    fault('/api/v1/namespaces/kiada/services/quote', { raw: '<html><body>Sign in to the corporate proxy</body></html>', contentType: 'text/html' });
    await expectLiveError(() => reader.getService('kiada', 'quote'), 'invalid-response', [/text\/html/, /proxy or load balancer/]);
    fault('/api/v1/namespaces', { raw: JSON.stringify({ kind: 'ServiceList', apiVersion: 'v1', items: [] }) });
    await expectLiveError(() => reader.listNamespaces(), 'invalid-response', [/expected a NamespaceList/]);
  });

  test('an HTML error page from a load balancer is a server error', async () => {
    fault('/api/v1/namespaces/kiada/pods', { raw: '<html>502 Bad Gateway</html>', status: 502, contentType: 'text/html' });
    await expectLiveError(() => reader.listPods('kiada'), 'server-error', [/HTTP 502/, /non-JSON text\/html page/]);
  });

  test('a certificate from another CA is not trusted', async () => {
    const impostor = await FakeKubeApi.start({ seed: kiadaSeed(), token: api.token });
    cleanups.push(() => impostor.stop());
    const fooled = await readerFor({ url: impostor.url, caPem: api.caPem, token: api.token });
    await expectLiveError(() => fooled.listNamespaces(), 'tls', [/certificate of the API server of context "fake"/, /not signed by the certificate authority/, /certificate-authority-data/]);
    assert.equal(impostor.requests.length, 0, 'no request reached the impostor');
  });

  test('a closed port is unreachable', async () => {
    const port = await closedPort();
    const nowhere = await readerFor(api, { server: `https://127.0.0.1:${port}` });
    await expectLiveError(() => nowhere.listNamespaces(), 'unreachable', [/Cannot reach the API server of context "fake"/, /connection refused/, new RegExp(`127\\.0\\.0\\.1:${port}`)]);
  });

  test('a cancelled lookup ends at once', async () => {
    fault('/api/v1/namespaces', 'hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expectLiveError(() => reader.listNamespaces(controller.signal), 'cancelled', [/cancelled/], 50 + SLACK_MS);
    await expectLiveError(() => reader.listNamespaces(AbortSignal.abort()), 'cancelled', [/cancelled/], SLACK_MS);
  });

  test('after all those failures the reader still works', async () => {
    api.clearFaults();
    assert.equal((await reader.getService('kiada', 'quote')).metadata.name, 'quote');
  });
});

describe('finding the kubeconfig as kubectl does', () => {
  test('an explicit path that does not exist', async () => {
    const dir = await tempDir();
    await expectLiveError(() => loadKubeconfig({ path: join(dir, 'nope'), trusted: true }), 'no-kubeconfig', [/k8sDns\.live\.kubeconfig/, /does not exist/]);
  });

  test('no KUBECONFIG and no ~/.kube/config', async () => {
    const home = await tempDir();
    await expectLiveError(() => loadKubeconfig({ trusted: true, env: {}, homeDir: home }), 'no-kubeconfig', [/No kubeconfig found/, /\.kube\/config does not exist/]);
  });

  test('KUBECONFIG naming only missing files', async () => {
    const dir = await tempDir();
    const env = { KUBECONFIG: `${join(dir, 'a')}:${join(dir, 'b')}` };
    await expectLiveError(() => loadKubeconfig({ trusted: true, env, homeDir: dir }), 'no-kubeconfig', [/None of the kubeconfig files in KUBECONFIG exists/]);
  });

  test('~/.kube/config is the default', async () => {
    const home = await tempDir();
    await mkdir(join(home, '.kube'));
    await writeKubeconfig({ url: 'https://127.0.0.1:1', caPem: 'x', token: 't' }, { dir: join(home, '.kube'), context: 'home' });
    const resolved = await loadKubeconfig({ trusted: true, env: {}, homeDir: home });
    assert.equal(resolved.context, 'home');
    assert.deepEqual(resolved.files, [join(home, '.kube', 'config')]);
  });

  test('KUBECONFIG files merge: first current-context and first definition win, missing files are skipped', async () => {
    const dir = await tempDir();
    const first = kubeconfigObject({ url: 'https://first.invalid', caPem: 'ca' }, { context: 'a', namespace: 'ns-a', token: 'ta' });
    const second = kubeconfigObject({ url: 'https://second.invalid', caPem: 'ca' }, { context: 'b', namespace: null, token: 'tb' });
    // The second file redefines cluster "a" and sets its own current-context: both must lose.
    (second.clusters as unknown[]).push({ name: 'a', cluster: { server: 'https://shadowed.invalid' } });
    await writeFile(join(dir, 'one'), JSON.stringify(first));
    await writeFile(join(dir, 'two'), JSON.stringify(second));
    const env = { KUBECONFIG: [join(dir, 'missing'), join(dir, 'one'), '', join(dir, 'two')].join(':') };
    const current = await loadKubeconfig({ trusted: true, env });
    assert.equal(current.context, 'a');
    assert.equal(current.namespace, 'ns-a');
    assert.equal(current.server, 'https://first.invalid');
    assert.deepEqual(current.files, [join(dir, 'one'), join(dir, 'two')]);
    const b = await loadKubeconfig({ trusted: true, env, context: 'b' });
    assert.equal(b.server, 'https://second.invalid');
    assert.equal(b.namespace, 'default', 'a context without a namespace means "default"');
  });

  test('relative certificate paths are relative to the kubeconfig file', async () => {
    const dir = await tempDir();
    const config = kubeconfigObject({ url: 'https://x.invalid', caPem: 'ca' });
    (config.clusters as { cluster: Record<string, unknown> }[])[0]!.cluster = { server: 'https://x.invalid', 'certificate-authority': 'certs/ca.crt' };
    await writeFile(join(dir, 'config'), JSON.stringify(config));
    const resolved = await loadKubeconfig({ path: join(dir, 'config'), trusted: true });
    const cluster = (resolved.config.clusters as { cluster: Record<string, unknown> }[])[0]!.cluster;
    assert.equal(cluster['certificate-authority'], join(dir, 'certs', 'ca.crt'));
  });

  test('an unknown context lists the known ones', async () => {
    const kc = await writeKubeconfig({ url: 'https://x.invalid', caPem: 'ca', token: 't' }, { context: 'kind-kiada' });
    cleanups.push(kc.cleanup);
    await expectLiveError(() => loadKubeconfig({ path: kc.path, context: 'prod', trusted: true }), 'unknown-context', [/Context "prod" is not in the kubeconfig/, /"kind-kiada"/]);
  });

  test('no current-context and none asked for', async () => {
    const kc = await writeKubeconfig({ url: 'https://x.invalid', caPem: 'ca', token: 't' }, { setCurrentContext: false });
    cleanups.push(kc.cleanup);
    await expectLiveError(() => loadKubeconfig({ path: kc.path, trusted: true }), 'unknown-context', [/sets no current-context/, /kubectl config use-context/]);
  });

  test('a file that is not YAML', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'config'), 'clusters: [\n  - {name: x\n');
    await expectLiveError(() => loadKubeconfig({ path: join(dir, 'config'), trusted: true }), 'invalid-kubeconfig', [/cannot be read/]);
  });
});

describe('credential plugins', () => {
  let api: FakeKubeApi;
  let dir: string;
  let marker: string;
  let plugin: string;

  before(async () => {
    api = await FakeKubeApi.start({ seed: kiadaSeed() });
    cleanups.push(() => api.stop());
    dir = await tempDir();
    marker = join(dir, 'plugin-ran');
    plugin = join(dir, 'credential-plugin.sh');
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: api.token } });
    await writeFile(plugin, `#!/bin/sh\ntouch '${marker}'\nprintf '%s' '${credential}'\n`);
    await chmod(plugin, 0o755);
  });

  const execUser = (): Record<string, unknown> => ({
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, args: [], interactiveMode: 'Never' },
  });

  test('an exec plugin is refused in an untrusted workspace and never runs', async () => {
    const kc = await writeKubeconfig(api, { user: execUser() });
    cleanups.push(kc.cleanup);
    await expectLiveError(() => loadKubeconfig({ path: kc.path, trusted: false }), 'untrusted-credentials', [
      /Context "fake" gets its credentials from the exec credential plugin/,
      /untrusted workspace/,
      /Trust the workspace/,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(existsSync(marker), false, 'the plugin did not run');
    assert.equal(api.requests.length, 0, 'nothing was sent');
  });

  test('auth-provider plugins and token files are refused too', async () => {
    const gcp = await writeKubeconfig(api, { user: { 'auth-provider': { name: 'gcp', config: { 'cmd-path': plugin } } } });
    const file = await writeKubeconfig(api, { user: { tokenFile: '/etc/hostname' } });
    cleanups.push(gcp.cleanup, file.cleanup);
    await expectLiveError(() => loadKubeconfig({ path: gcp.path, trusted: false }), 'untrusted-credentials', [/auth-provider plugin "gcp"/]);
    await expectLiveError(() => loadKubeconfig({ path: file.path, trusted: false }), 'untrusted-credentials', [/token file "\/etc\/hostname"/]);
  });

  test('a plugin on another, unused user does not block the chosen context', async () => {
    const config = kubeconfigObject(api, { context: 'fake' });
    (config.users as unknown[]).push({ name: 'other', user: execUser() });
    const kc = await writeKubeconfig(api);
    cleanups.push(kc.cleanup);
    await writeFile(kc.path, JSON.stringify(config));
    const resolved = await loadKubeconfig({ path: kc.path, trusted: false });
    assert.equal(resolved.credentials, 'token');
    assert.deepEqual((resolved.config.users as { name: string }[]).map((u) => u.name), ['fake'], 'only the chosen user is handed on');
  });

  test('in a trusted workspace the plugin runs and its token is used', async () => {
    const reader = await readerFor(api, { user: execUser() }, { trusted: true }, 5000);
    const namespaces = await reader.listNamespaces();
    assert.equal(namespaces.length, 3);
    assert.equal(existsSync(marker), true, 'the plugin ran');
  });
});

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
