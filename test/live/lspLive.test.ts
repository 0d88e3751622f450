/**
 * Live lookups through the built language server (`out/server.js --stdio`) driven by a real LSP
 * client: `k8sDns.resolveLive` when live lookups are on and the workspace is trusted; the
 * refusal (with no request to the cluster, no plugin run) otherwise; `k8sDns/liveSettings`,
 * `k8sDns/contexts`, cancellation, and other requests answered while a lookup hangs.
 * Build first: `node scripts/build.mjs --no-typecheck`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ExecuteCommandRequest, ResponseError } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from '../lsp/client';
import { FakeKubeApi, writeKubeconfig } from '../support/fake-kube-api';
import { KIADA_MANIFESTS, liveSeed } from './liveFixtures';

const SERVER = join(__dirname, '../../out/server.js');
const SERVICES = join(KIADA_MANIFESTS, 'services.yaml');
const SERVICES_URI = pathToFileURL(SERVICES).href;

type Started = TestClient & { stop(): Promise<void> };

/** Starts the server with `initializationOptions`, opens the kiada Services and waits for their diagnostics (the index holds them then). */
async function startServer(initializationOptions: Record<string, unknown>, workspaceSettings: Record<string, unknown> = {}): Promise<Started> {
  const client = await startClient({
    settings: workspaceSettings,
    initializationOptions: { previewSupport: true, ...initializationOptions },
    // No kubeconfig of the machine's may leak in.
    env: { PATH: process.env.PATH, HOME: '/nonexistent' },
  });
  client.open(SERVICES_URI, await readFile(SERVICES, 'utf8'));
  await client.waitForDiagnostics(SERVICES_URI);
  return Object.assign(client, { stop: () => client.close() });
}

interface CommandResult {
  readonly title: string;
  readonly text: string;
}

function resolveLive(s: Started, name: string, token?: CancellationTokenSource): Promise<CommandResult> {
  const params = { command: 'k8sDns.resolveLive', arguments: [{ uri: SERVICES_URI, namespace: 'kiada', name }] };
  // A typed request: with a method string, a token argument would be sent as a positional parameter.
  return s.conn.sendRequest(ExecuteCommandRequest.type, params, token?.token) as Promise<CommandResult>;
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

let api: FakeKubeApi;
let kubeconfig: string;

before(async () => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`node scripts/build.mjs --no-typecheck\` first`);
  api = await FakeKubeApi.start({ seed: liveSeed() });
  cleanups.push(() => api.stop());
  const kc = await writeKubeconfig(api);
  cleanups.push(kc.cleanup);
  kubeconfig = kc.path;
});

async function started(options: Record<string, unknown>, workspaceSettings?: Record<string, unknown>): Promise<Started> {
  const s = await startServer(options, workspaceSettings);
  cleanups.push(() => s.stop());
  return s;
}

describe('live enabled in a trusted workspace', () => {
  let s: Started;
  before(async () => {
    s = await started({ trusted: true, live: { enabled: true, kubeconfig, timeoutMs: 3000 } });
  });

  test('k8sDns.resolveLive is in the executeCommand capability', () => {
    assert.ok(s.capabilities.executeCommandProvider?.commands.includes('k8sDns.resolveLive'));
  });

  test('the live answer next to the manifest\'s, drift as comments', async () => {
    const r = await resolveLive(s, 'quote');
    assert.equal(r.title, 'Resolve quote.kiada (live)');
    assert.match(r.text, /^; Live answer for quote\.kiada from context "fake" \(https:\/\/127\.0\.0\.1:\d+\), read \d{4}-/);
    assert.match(r.text, /^; kube-system\/coredns: zone cluster\.local, ttl 30, pods insecure$/m);
    assert.match(r.text, /^;   cluster IP differs: manifest 10\.96\.161\.97, cluster 10\.96\.0\.21\.$/m);
    assert.match(r.text, /^;   2 endpoints ready, 1 not ready/m);
    const [live, manifest] = r.text.split('; ==== manifest');
    assert.match(live!, /^quote\.kiada\.svc\.cluster\.local\.\s+30 IN A\s+10\.96\.0\.21$/m);
    assert.match(manifest!, /^quote\.kiada\.svc\.cluster\.local\.\s+30 IN A\s+10\.96\.161\.97$/m);
  });

  test('a Service hover shows the last live answer and its age', async () => {
    await resolveLive(s, 'quote');
    const text = await readFile(SERVICES, 'utf8');
    const before = text.slice(0, text.indexOf('name: quote') + 7).split('\n');
    const position = { line: before.length - 1, character: before.at(-1)!.length };
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: SERVICES_URI }, position })) as { contents: { value: string } };
    assert.match(hover.contents.value, /_live \(\d+ s ago, context "fake"\): A 10\.96\.0\.21 · SRV ×1 · 2 ready, 1 not ready_/);
  });

  test('the headless Service: the endpoint that is not ready is counted, not served', async () => {
    const r = await resolveLive(s, 'quote-headless');
    assert.match(r.text, /^;   1 endpoint ready, 1 not ready \(not served by DNS: 10\.244\.3\.4 \(pod quote-003\)\)\.$/m);
    const live = r.text.split('; ==== manifest')[0]!;
    assert.match(live, /IN A\s+10\.244\.1\.7$/m);
    assert.doesNotMatch(live, /10\.244\.3\.4$/m);
  });

  test('a Service missing from the cluster', async () => {
    const r = await resolveLive(s, 'time-api');
    assert.match(r.text, /Service kiada\/time-api is not in the cluster \(context "fake"\)/);
    assert.match(r.text, /status: NXDOMAIN/);
  });

  test('a fault becomes the one clear message', async () => {
    api.inject({ path: '/api/v1/namespaces/kiada/services/kiada', respond: { status: 403 }, times: 1 });
    const r = await resolveLive(s, 'kiada');
    assert.match(r.title, /failed/);
    assert.match(r.text, /^; Context "fake" may not read this: services "kiada" is forbidden/);
  });

  test('k8sDns/contexts lists the contexts and the current one', async () => {
    const r = (await s.conn.sendRequest('k8sDns/contexts')) as { contexts: { name: string; namespace: string }[]; current: string };
    assert.deepEqual(r.contexts.map((c) => [c.name, c.namespace]), [['fake', 'kiada']]);
    assert.equal(r.current, 'fake');
  });

  test('a hanging lookup blocks nothing and is cancelled at once', async () => {
    const removeFault = api.inject({ path: '/api/v1/namespaces/kiada/pods', respond: 'hang', times: 1 });
    cleanups.push(async () => removeFault());
    const seen = api.requests.length;
    const source = new CancellationTokenSource();
    const started = Date.now();
    const pending = resolveLive(s, 'quote', source);
    // Cancel only once the lookup hangs in the cluster (not before it was sent).
    while (!api.requests.slice(seen).some((r) => r.path === '/api/v1/namespaces/kiada/pods')) {
      assert.ok(Date.now() - started < 2000, 'the lookup reached the cluster');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Other requests are answered while the lookup waits for the cluster.
    const copy = (await s.conn.sendRequest('workspace/executeCommand', { command: 'k8sDns.copyFqdn', arguments: [{ fqdn: 'quote.kiada.svc.cluster.local' }] })) as { value: string };
    assert.equal(copy.value, 'quote.kiada.svc.cluster.local');
    source.cancel();
    await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === -32800);
    assert.ok(Date.now() - started < 2500, `cancelled after ${Date.now() - started} ms, before the 3000 ms timeout`);
    removeFault();
  });
});

describe('live lookups refused', () => {
  test('untrusted (trusted absent): the refusal says how to enable it; the cluster sees no request', async () => {
    const s = await started({ live: { enabled: true, kubeconfig, timeoutMs: 3000 } });
    const before = api.requests.length;
    const r = await resolveLive(s, 'quote');
    assert.equal(r.title, 'Live lookups are off');
    assert.match(r.text, /never run in an untrusted workspace/);
    assert.match(r.text, /Trust this workspace/);
    await assert.rejects(s.conn.sendRequest('k8sDns/contexts'), /untrusted workspace/);
    assert.equal(api.requests.length, before, 'no request reached the cluster');
  });

  test('an exec credential plugin is never run in an untrusted workspace, even with live settings turned on later', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lsp-plugin-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const marker = join(dir, 'ran');
    const plugin = join(dir, 'plugin.sh');
    await writeFile(plugin, `#!/bin/sh\ntouch '${marker}'\nprintf '%s' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${api.token}"}}'\n`);
    await chmod(plugin, 0o755);
    const kc = await writeKubeconfig(api, { user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } } });
    cleanups.push(kc.cleanup);
    const s = await started({ trusted: false, live: { enabled: true, kubeconfig: kc.path } });
    await s.conn.sendNotification('k8sDns/liveSettings', { enabled: true, kubeconfig: kc.path, trusted: false });
    const before = api.requests.length;
    const r = await resolveLive(s, 'quote');
    assert.match(r.text, /untrusted workspace/);
    assert.equal(existsSync(marker), false, 'the plugin did not run');
    assert.equal(api.requests.length, before, 'no request reached the cluster');
  });

  test('workspace settings (workspace/configuration) can never turn live lookups on', async () => {
    const s = await started({ trusted: true }, { live: { enabled: true, kubeconfig } });
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const before = api.requests.length;
    const r = await resolveLive(s, 'quote');
    assert.match(r.text, /Live lookups are off/);
    assert.equal(api.requests.length, before);
  });

  test('disabled: the refusal names the setting; k8sDns/liveSettings turns lookups on', async () => {
    const s = await started({ trusted: true });
    const off = await resolveLive(s, 'quote');
    assert.match(off.text, /Live lookups are off\. Turn them on with k8sDns\.live\.enabled in your user settings/);
    await s.conn.sendNotification('k8sDns/liveSettings', { enabled: true, kubeconfig, context: 'fake', timeoutMs: 3000 });
    const on = await resolveLive(s, 'quote');
    assert.match(on.text, /IN A\s+10\.96\.0\.21$/m);
  });
});
