/** Settings through workspace/configuration: cluster domain, severity per code, exclude globs. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, positionOf, readText, startClient, type TestClient } from './client';

const dirs: string[] = [];
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function workspace(settings: Record<string, unknown>): Promise<{ client: TestClient; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-settings-'));
  dirs.push(dir);
  cpSync(join(__dirname, '../../examples'), dir, { recursive: true });
  const client = await startClient({ folder: dir, settings });
  clients.push(client);
  return { client, dir };
}

test('clusterDomain and a check turned off change what the server says', async () => {
  const { client, dir } = await workspace({ clusterDomain: 'corp.example', checks: { 'svc-external-address-not-in-dns': 'off', 'svc-external-name-ip': 'error' } });
  const path = join(dir, 'kiada/services.yaml');
  const uri = fileUri(path);
  const text = readText(path);
  client.open(uri, text);
  const mistakes = fileUri(join(dir, 'mistakes/services.yaml'));
  const d = await client.waitForDiagnostics(mistakes, (ds) => ds.some((x) => x.code === 'svc-external-name-ip'));
  assert.equal(d.find((x) => x.code === 'svc-external-name-ip')!.severity, 1, 'raised to error');
  const own = await client.waitForDiagnostics(uri);
  assert.ok(!own.some((x) => x.code === 'svc-external-address-not-in-dns'), 'turned off');
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'name: quote', 7) })) as { contents: { value: string } };
  assert.match(h.contents.value, /quote\.kiada\.svc\.corp\.example\./);
});

test('exclude globs keep files out of the index', async () => {
  const { client, dir } = await workspace({ exclude: ['mistakes/**'] });
  const kiada = fileUri(join(dir, 'kiada/services.yaml'));
  await client.waitForDiagnostics(kiada);
  // The scan has published the kiada files; a request answered after that flushes the pipe of
  // anything published with them. The excluded file never gets diagnostics.
  await client.waitForDiagnostics(fileUri(join(dir, 'kiada/deployments.yaml')));
  await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: kiada } });
  assert.equal(client.diagnostics.get(fileUri(join(dir, 'mistakes/services.yaml'))), undefined);
});

test('invalid settings are shown once each, by name, and the defaults serve meanwhile', async () => {
  const { client, dir } = await workspace({ clusterDomain: 'not a domain!', defaultNamespace: 'Bad_NS', ttl: -1, checks: { 'no-such-check': 'off', 'svc-port-unnamed-no-srv': 'loud' } });
  const path = join(dir, 'kiada/services.yaml');
  const uri = fileUri(path);
  const text = readText(path);
  client.open(uri, text);
  await client.waitForDiagnostics(uri);
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'name: quote', 7) })) as { contents: { value: string } };
  assert.match(h.contents.value, /quote\.kiada\.svc\.cluster\.local\./, 'the default domain serves');
  const warnings = client.messages.filter((m) => m.type === 2).map((m) => m.message);
  for (const expected of [/k8sDns\.clusterDomain "not a domain!" is not a DNS name; using "cluster\.local"/, /k8sDns\.defaultNamespace "Bad_NS"/, /k8sDns\.ttl -1/, /k8sDns\.checks names no check "no-such-check"/, /k8sDns\.checks\.svc-port-unnamed-no-srv "loud"/]) {
    assert.equal(warnings.filter((w) => expected.test(w)).length, 1, `${expected} shown once in ${JSON.stringify(warnings)}`);
  }
});

test('a change of exclude drops the files it now excludes and reads the ones it no longer does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-settings-'));
  dirs.push(dir);
  cpSync(join(__dirname, '../../examples'), dir, { recursive: true });
  const settings: Record<string, unknown> = { exclude: ['mistakes/**'] };
  const client = await startClient({ folder: dir, settingsFor: () => settings });
  clients.push(client);
  const kiada = fileUri(join(dir, 'kiada/services.yaml'));
  const mistakes = fileUri(join(dir, 'mistakes/services.yaml'));
  await client.waitForDiagnostics(kiada);
  assert.equal(client.diagnostics.get(mistakes), undefined, 'excluded at start');
  const onName = { textDocument: { uri: kiada }, position: { line: 4, character: 9 } };
  assert.ok(await client.conn.sendRequest('textDocument/hover', onName), 'indexed: a hover on the Service name answers');

  settings['exclude'] = ['kiada/**'];
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const found = await client.waitForDiagnostics(mistakes, (ds) => ds.length > 0);
  assert.ok(found.some((d) => d.code === 'svc-external-name-ip'), 'no longer excluded: read and checked');
  await client.waitForDiagnostics(kiada, (ds) => ds.length === 0);
  // It left the index: a hover there finds nothing to say.
  assert.equal(await client.conn.sendRequest('textDocument/hover', onName), null);
});
