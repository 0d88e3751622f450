/**
 * `k8s-dns resolve --live`, the built CLI run as a child process against the fake API server with
 * a generated kubeconfig: the JSON shape, exit 0 for any answer, exit 2 with one clear line for
 * every failure. Build first: `node scripts/build.mjs --no-typecheck`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FakeKubeApi, startBlackHole, writeKubeconfig, type KubeconfigOptions } from '../support/fake-kube-api';
import { closedPort, KIADA_MANIFESTS, liveSeed } from './liveFixtures';

const CLI = join(__dirname, '../../out/cli.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI without blocking this process (the fake server answers from this event loop). */
function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // HOME and KUBECONFIG point nowhere, so a test can never read the developer's kubeconfig.
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Asserts exit 2 with exactly one line on stderr matching every pattern, and nothing on stdout. */
function assertOneLineFailure(r: Run, ...patterns: RegExp[]): void {
  assert.equal(r.code, 2, `exit 2, got ${r.code}: ${r.stderr}${r.stdout}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^k8s-dns resolve: /);
  for (const p of patterns) assert.match(lines[0]!, p);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

let api: FakeKubeApi;
let kubeconfig: string;

async function kubeconfigFor(options: KubeconfigOptions = {}, target: { url: string; caPem: string; token?: string } = api): Promise<string> {
  const kc = await writeKubeconfig(target, options);
  cleanups.push(kc.cleanup);
  return kc.path;
}

before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`node scripts/build.mjs --no-typecheck\` first`);
  api = await FakeKubeApi.start({ seed: liveSeed() });
  cleanups.push(() => api.stop());
  kubeconfig = await kubeconfigFor();
});

describe('resolve --live answers', () => {
  test('--json: the query shape plus "source": "live"; the namespace is the context\'s', async () => {
    const r = await run(['resolve', 'quote', '--live', '--kubeconfig', kubeconfig, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), {
      question: { name: 'quote.kiada.svc.cluster.local.', type: 'A' },
      rcode: 'NOERROR',
      answer: [{ name: 'quote.kiada.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.0.21' }],
      additional: [],
      source: 'live',
    });
  });

  test('the headless Service serves only its ready endpoint; the FQDN and the type are honoured', async () => {
    const r = await run(['resolve', 'quote-headless.kiada.svc.cluster.local.', 'srv', '--live', '--kubeconfig', kubeconfig, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.answer.map((a: { data: string }) => a.data), ['0 100 8080 10-244-1-7.quote-headless.kiada.svc.cluster.local.']);
    assert.deepEqual(j.additional.map((a: { data: string }) => a.data), ['10.244.1.7']);
  });

  test('with -f: "drift" against the manifests', async () => {
    const r = await run(['resolve', 'quote-headless.kiada', '--live', '--kubeconfig', kubeconfig, '-f', KIADA_MANIFESTS, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.source, 'live');
    assert.ok(j.drift.includes('1 endpoint ready, 1 not ready (not served by DNS: 10.244.3.4 (pod quote-003)).'), j.drift.join('\n'));
    const quote = JSON.parse((await run(['resolve', 'quote', '--live', '--kubeconfig', kubeconfig, '-f', KIADA_MANIFESTS, '--json'])).stdout);
    assert.ok(quote.drift.includes('cluster IP differs: manifest 10.96.161.97, cluster 10.96.0.21.'), quote.drift.join('\n'));
  });

  test('NXDOMAIN is an answer: exit 0; a Service only the manifests have is "not in the cluster"', async () => {
    const r = await run(['resolve', 'time-api', '--live', '--kubeconfig', kubeconfig, '-f', KIADA_MANIFESTS, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.rcode, 'NXDOMAIN');
    assert.deepEqual(j.drift, ['Service kiada/time-api is not in the cluster (context "fake"): its names are NXDOMAIN there.']);
  });

  test('text output: the header names the context; drift lines are comments', async () => {
    const r = await run(['resolve', 'quote', '--live', '--kubeconfig', kubeconfig, '-f', KIADA_MANIFESTS]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^;; live answer from context "fake" \(https:\/\/127\.0\.0\.1:\d+\); kube-system\/coredns: zone cluster\.local, ttl 30, pods insecure$/m);
    assert.match(r.stdout, /^quote\.kiada\.svc\.cluster\.local\.\s+30 IN A\s+10\.96\.0\.21$/m);
    assert.match(r.stdout, /^;;   2 endpoints ready, 1 not ready/m);
  });

  test('--context, --namespace and KUBECONFIG are honoured', async () => {
    const other = await kubeconfigFor({ context: 'other', namespace: 'default' });
    const r = await run(['resolve', 'quote', '--live', '--context', 'other', '-n', 'kiada', '--json'], { KUBECONFIG: other });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).answer[0].data, '10.96.0.21');
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--context', 'nope', '--json'], { KUBECONFIG: other }), /Context "nope" is not in the kubeconfig/);
  });

  test('the CLI is trusted: an exec credential plugin runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-plugin-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const marker = join(dir, 'ran');
    const plugin = join(dir, 'plugin.sh');
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: api.token } });
    await writeFile(plugin, `#!/bin/sh\ntouch '${marker}'\nprintf '%s' '${credential}'\n`);
    await chmod(plugin, 0o755);
    const path = await kubeconfigFor({ user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } } });
    const r = await run(['resolve', 'quote', '--live', '--kubeconfig', path, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(marker), true, 'the plugin ran');
  });

  test('without --live: the offline answer from -f, "source": "manifests"', async () => {
    const before = api.requests.length;
    const r = await run(['resolve', 'quote.kiada', '-f', KIADA_MANIFESTS, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.source, 'manifests');
    assert.deepEqual(j.answer.map((a: { data: string }) => a.data), ['10.96.161.97']);
    assert.equal(api.requests.length, before, 'no request without --live');
    assertOneLineFailure(await run(['resolve', 'quote', '--kubeconfig', kubeconfig]), /--kubeconfig needs --live/);
  });
});

describe('resolve --live failures: exit 2, one line', () => {
  test('401: the credentials are rejected', async () => {
    const path = await kubeconfigFor({ token: 'expired' });
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--kubeconfig', path]), /401 Unauthorized/, /context "fake"/);
  });

  test('403: RBAC forbids reading the Service', async () => {
    api.inject({ path: '/api/v1/namespaces/kiada/services/quote', respond: { status: 403 }, times: 1 });
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--kubeconfig', kubeconfig, '--json']), /services "quote" is forbidden/, /Ask a cluster admin/);
  });

  test('timeout: a server that never answers', async () => {
    api.inject({ path: '/api/v1/namespaces/kiada/pods', respond: 'hang', times: 1 });
    const r = await run(['resolve', 'quote', '--live', '--kubeconfig', kubeconfig, '--timeout', '300']);
    assertOneLineFailure(r, /No answer from the API server of context "fake"/, /within 300 ms/);
    assert.ok(r.ms < 5000, `ended after ${r.ms} ms`);
  });

  test('timeout: a server that accepts connections and never speaks TLS', async () => {
    const hole = await startBlackHole();
    cleanups.push(() => hole.stop());
    const path = await kubeconfigFor({ server: hole.url });
    const r = await run(['resolve', 'quote', '--live', '--kubeconfig', path, '--timeout', '300']);
    assertOneLineFailure(r, /within 300 ms/);
    assert.ok(r.ms < 5000, `ended after ${r.ms} ms`);
  });

  test('unreachable: nothing listens', async () => {
    const path = await kubeconfigFor({ server: `https://127.0.0.1:${await closedPort()}` });
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--kubeconfig', path]), /Cannot reach the API server of context "fake"/, /connection refused/);
  });

  test('bad certificate: the server is signed by another CA', async () => {
    const impostor = await FakeKubeApi.start({ seed: liveSeed(), token: api.token });
    cleanups.push(() => impostor.stop());
    const path = await kubeconfigFor({}, { url: impostor.url, caPem: api.caPem, token: api.token });
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--kubeconfig', path]), /certificate of the API server/, /not signed by the certificate authority/);
    assert.equal(impostor.requests.length, 0);
  });

  test('no kubeconfig, bad flags', async () => {
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--kubeconfig', '/nonexistent/config']), /does not exist/);
    assertOneLineFailure(await run(['resolve', 'quote', '--live']), /No kubeconfig found/);
    assertOneLineFailure(await run(['resolve', 'quote', '--live', '--timeout', 'soon']), /--timeout must be a whole number/);
    assertOneLineFailure(await run(['resolve', 'a.b.c', '--live', '--kubeconfig', kubeconfig]), /not a Service name/);
  });
});
