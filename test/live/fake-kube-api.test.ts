/**
 * The fake API server, checked two ways: the real kubectl must work against it (so it speaks
 * the API faithfully enough to test our client with), and its Status bodies and faults must be
 * exactly what the tests of the live layer rely on.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { prerequisite } from '../support/prerequisites';
import { FakeKubeApi, kiadaSeed, writeKubeconfig, type WrittenKubeconfig } from '../support/fake-kube-api';

/** The kubectl binary to run; `KUBECTL=/path/kubectl.1.27` tries another version. */
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl asynchronously: the fake server lives in this process, so a sync spawn would deadlock. */
function kubectl(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(KUBECTL, args, { timeout: 30_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Why kubectl cannot run, or false when it runs. */
async function kubectlMissing(): Promise<string | false> {
  try {
    const run = await kubectl(['version', '--client']);
    return run.code === 0 ? false : `\`${KUBECTL} version --client\` failed: ${run.stderr.trim()}`;
  } catch {
    return `${KUBECTL} is not installed (Debian: apt-get install kubernetes-client)`;
  }
}

/** GET through Node's https with the server's CA (token null: no Authorization header); resolves status, content type and body text. */
function get(api: Pick<FakeKubeApi, 'url' | 'caPem' | 'token'>, path: string, token: string | null = api.token, accept = 'application/json'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const req = request(`${api.url}${path}`, { ca: api.caPem, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('kubectl against the fake API server', async () => {
  // A missing kubectl fails these tests (with the install command) unless K8S_DNS_SKIP=kubectl (or live).
  const kubectlGate = prerequisite('live:kubectl', await kubectlMissing());
  const skip = kubectlGate.skip;
  let api: FakeKubeApi;
  let kc: WrittenKubeconfig;
  let cacheDir: string;
  // A fresh discovery cache per run, so kubectl never reuses answers from an earlier server.
  const base = (): string[] => ['--kubeconfig', kc.path, '--cache-dir', cacheDir];

  before(async () => {
    api = await FakeKubeApi.start({ seed: kiadaSeed() });
    kc = await writeKubeconfig(api);
    cacheDir = await mkdtemp(join(tmpdir(), 'kubectl-cache-'));
  });
  after(async () => {
    await api.stop();
    await kc.cleanup();
    await rm(cacheDir, { recursive: true, force: true });
  });

  test('get svc -n kiada -o json lists the seeded services', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), 'get', 'svc', '-n', 'kiada', '-o', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const list = JSON.parse(run.stdout) as { kind: string; items: { kind: string; metadata: { name: string }; spec: { clusterIP: string } }[] };
    assert.equal(list.kind, 'List');
    assert.deepEqual(list.items.map((s) => s.metadata.name), ['quote', 'quote-headless']);
    assert.deepEqual(list.items.map((s) => s.kind), ['Service', 'Service']);
    assert.equal(list.items[0]!.spec.clusterIP, '10.96.0.21');
  });

  test('get endpointslices -l kubernetes.io/service-name=quote filters on the server', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), 'get', 'endpointslices', '-l', 'kubernetes.io/service-name=quote', '-n', 'kiada', '-o', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const list = JSON.parse(run.stdout) as { items: { metadata: { name: string }; endpoints: unknown[] }[] };
    assert.deepEqual(list.items.map((s) => s.metadata.name), ['quote-x7k2p']);
    assert.equal(list.items[0]!.endpoints.length, 3);
    const sent = api.requests.find((r) => r.path === '/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices');
    assert.equal(sent?.query.labelSelector, 'kubernetes.io/service-name=quote');
  });

  test('get ns prints the server-side table', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), 'get', 'ns']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0]!, /^NAME\s+STATUS\s+AGE$/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2)), [['default', 'Active'], ['kiada', 'Active'], ['kube-system', 'Active']]);
  });

  test('get svc missing -n kiada exits 1 with NotFound', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), 'get', 'svc', 'missing', '-n', 'kiada']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Error from server \(NotFound\): services "missing" not found/);
  });

  test('the context namespace is the default namespace', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), 'get', 'pods', '-o', 'name']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), ['pod/quote-001', 'pod/quote-002', 'pod/quote-003']);
  });

  test('a wrong token is refused with 401', { skip }, async () => {
    kubectlGate.check();
    const run = await kubectl([...base(), '--token', 'wrong', 'get', 'ns']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /You must be logged in to the server/);
  });

  test('an injected 403 reaches kubectl with the RBAC message', { skip }, async () => {
    kubectlGate.check();
    const remove = api.inject({ path: '/api/v1/namespaces/kiada/services/quote', respond: { status: 403 } });
    try {
      const run = await kubectl([...base(), 'get', 'svc', 'quote', '-n', 'kiada']);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /Error from server \(Forbidden\): services "quote" is forbidden: User "system:serviceaccount:default:viewer" cannot get resource "services" in API group "" in the namespace "kiada"/,
      );
    } finally {
      remove();
    }
  });

  test('legacy discovery works too (server without aggregated discovery)', { skip }, async () => {
    kubectlGate.check();
    const legacy = await FakeKubeApi.start({ seed: kiadaSeed(), aggregatedDiscovery: false });
    const legacyKc = await writeKubeconfig(legacy);
    const legacyCache = await mkdtemp(join(tmpdir(), 'kubectl-cache-'));
    try {
      const run = await kubectl(['--kubeconfig', legacyKc.path, '--cache-dir', legacyCache, 'get', 'endpointslices', '-A', '-o', 'name']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.stdout.trim().split('\n'), ['endpointslice.discovery.k8s.io/quote-headless-m2v9q', 'endpointslice.discovery.k8s.io/quote-x7k2p']);
      assert.ok(legacy.requests.some((r) => r.path === '/apis/discovery.k8s.io/v1'), 'kubectl fell back to per-group discovery');
    } finally {
      await legacy.stop();
      await legacyKc.cleanup();
      await rm(legacyCache, { recursive: true, force: true });
    }
  });
});

describe('fake API server responses', () => {
  let api: FakeKubeApi;
  before(async () => {
    api = await FakeKubeApi.start({ seed: kiadaSeed() });
  });
  after(async () => {
    await api.stop();
  });

  test('404 is the real Status body', async () => {
    const res = await get(api, '/api/v1/namespaces/kiada/services/x');
    assert.equal(res.status, 404);
    assert.equal(res.type, 'application/json');
    assert.deepEqual(JSON.parse(res.body), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'services "x" not found',
      reason: 'NotFound',
      details: { name: 'x', kind: 'services' },
      code: 404,
    });
  });

  test('a missing or wrong token gets 401 Unauthorized', async () => {
    for (const token of [null, 'nope']) {
      const res = await get(api, '/api/v1/namespaces', token);
      assert.equal(res.status, 401);
      assert.deepEqual(JSON.parse(res.body), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  test('injected 403 quotes RBAC for gets, lists and cluster-scoped lists', async () => {
    const remove = api.inject({ path: '/**', respond: { status: 403 } });
    try {
      const getOne = JSON.parse((await get(api, '/api/v1/namespaces/kiada/services/quote')).body) as { message: string; details: unknown };
      assert.equal(
        getOne.message,
        'services "quote" is forbidden: User "system:serviceaccount:default:viewer" cannot get resource "services" in API group "" in the namespace "kiada"',
      );
      assert.deepEqual(getOne.details, { name: 'quote', kind: 'services' });
      const list = JSON.parse((await get(api, '/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices')).body) as { message: string };
      assert.equal(
        list.message,
        'endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "endpointslices" in API group "discovery.k8s.io" in the namespace "kiada"',
      );
      const ns = JSON.parse((await get(api, '/api/v1/namespaces')).body) as { message: string };
      assert.equal(ns.message, 'namespaces is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "namespaces" in API group "" at the cluster scope');
    } finally {
      remove();
    }
  });

  test('injected 500 is an InternalError Status', async () => {
    const remove = api.inject({ path: '/api/v1/pods', respond: { status: 500 }, times: 1 });
    const res = await get(api, '/api/v1/pods');
    assert.equal(res.status, 500);
    assert.equal((JSON.parse(res.body) as { reason: string }).reason, 'InternalError');
    assert.equal((await get(api, '/api/v1/pods')).status, 200, 'times: 1 used the rule up');
    remove();
  });

  test('label selectors: =, ==, !=, exists, !exists, in, notin, comma-joined', async () => {
    const names = async (selector: string): Promise<string[]> => {
      const res = await get(api, `/api/v1/pods?labelSelector=${encodeURIComponent(selector)}`);
      assert.equal(res.status, 200, res.body);
      return (JSON.parse(res.body) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);
    };
    const all = ['quote-001', 'quote-002', 'quote-003'];
    assert.deepEqual(await names('app=quote'), all);
    assert.deepEqual(await names('app==quote'), all);
    assert.deepEqual(await names('app!=quote'), []);
    assert.deepEqual(await names('tier!=db'), all, 'a missing label satisfies !=');
    assert.deepEqual(await names('app'), all);
    assert.deepEqual(await names('!app'), []);
    assert.deepEqual(await names('app in (kiada,quote)'), all);
    assert.deepEqual(await names('app notin (quote)'), []);
    assert.deepEqual(await names('app=quote,tier'), []);
    assert.equal((await get(api, `/api/v1/pods?labelSelector=${encodeURIComponent('a=b=c')}`)).status, 400);
  });

  test('list items carry no kind or apiVersion, as from a real server', async () => {
    const res = JSON.parse((await get(api, '/api/v1/namespaces/kiada/services')).body) as { kind: string; apiVersion: string; items: Record<string, unknown>[] };
    assert.equal(res.kind, 'ServiceList');
    assert.equal(res.apiVersion, 'v1');
    assert.ok(res.items.every((i) => !('kind' in i) && !('apiVersion' in i)));
  });

  test('invalid-json, reset and delay faults', async () => {
    api.inject({ path: '/api/v1/namespaces/kiada/configmaps', respond: 'invalid-json', times: 1 });
    const bad = await get(api, '/api/v1/namespaces/kiada/configmaps');
    assert.equal(bad.status, 200);
    assert.throws(() => JSON.parse(bad.body), SyntaxError);

    api.inject({ path: '/api/v1/namespaces/*/pods', respond: 'reset', times: 1 });
    await assert.rejects(get(api, '/api/v1/namespaces/kiada/pods'), /socket hang up|ECONNRESET/);

    api.inject({ path: /^\/api\/v1\/namespaces$/, delayMs: 150, times: 1 });
    const started = Date.now();
    assert.equal((await get(api, '/api/v1/namespaces')).status, 200);
    assert.ok(Date.now() - started >= 140, 'the answer waited for the delay');
  });

  test('stop() ends hung requests and delays at once', async () => {
    const other = await FakeKubeApi.start({ seed: kiadaSeed() });
    other.inject({ path: '/api/v1/namespaces', respond: 'hang' });
    other.inject({ path: '/api/v1/pods', delayMs: 60_000 });
    const hung = get(other, '/api/v1/namespaces').catch((e: unknown) => e);
    const slow = get(other, '/api/v1/pods').catch((e: unknown) => e);
    while (other.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await other.stop();
    assert.ok((await hung) instanceof Error);
    assert.ok((await slow) instanceof Error);
    assert.ok(Date.now() - started < 2000);
  });

  test('aggregated discovery is answered in its own media type', async () => {
    const res = await get(api, '/apis', api.token, 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json');
    assert.equal(res.type, 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = JSON.parse(res.body) as { kind: string; items: { metadata: { name: string } }[] };
    assert.equal(body.kind, 'APIGroupDiscoveryList');
    assert.deepEqual(body.items.map((i) => i.metadata.name), ['discovery.k8s.io']);
  });

  test('a server with another CA is rejected by a client trusting the first', async () => {
    const impostor = await FakeKubeApi.start({ token: api.token });
    try {
      const viaImpostor = { url: impostor.url, caPem: api.caPem, token: api.token };
      await assert.rejects(get(viaImpostor, '/version'), (e: NodeJS.ErrnoException) => e.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || e.code === 'SELF_SIGNED_CERT_IN_CHAIN');
    } finally {
      await impostor.stop();
    }
  });
});
