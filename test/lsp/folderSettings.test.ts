/**
 * Per-folder settings: each workspace folder's `k8sDns` settings (`scopeUri`), folders with
 * different settings kept apart, and folders added and removed while the server runs.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, positionOf, startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'k8s-dns-folders-'));
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
  rmSync(root, { recursive: true, force: true });
});

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: quote
  namespace: kiada
spec:
  selector:
    app: quote
  ports:
  - name: http
    port: 80
`;
const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kiada-config
  namespace: kiada
data:
  QUOTE_URL: http://quote.kiada:80
`;

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

async function hoverText(client: TestClient, uri: string, text: string, needle: string, delta: number): Promise<string> {
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) })) as { contents: { value: string } } | null;
  return h?.contents.value ?? '';
}

const unresolved = (ds: { code?: string | number }[]): boolean => ds.some((d) => d.code === 'dns-name-unresolved');

test('each folder has its own settings; folders with different settings are separate clusters', async () => {
  const apps = folder('apps', { 'config.yaml': CONFIG });
  const services = folder('services', { 'service.yaml': SERVICE });
  // `services` starts with the apps folder's cluster domain missing: the two are different clusters.
  const perFolder: Record<string, Record<string, unknown>> = { [fileUri(apps)]: { clusterDomain: 'corp.example' }, [fileUri(services)]: {} };
  const client = await startClient({ folders: [apps, services], settingsFor: (scope) => (scope ? (perFolder[scope] ?? {}) : {}) });
  clients.push(client);
  const serviceUri = fileUri(join(services, 'service.yaml'));
  const configUri = fileUri(join(apps, 'config.yaml'));
  client.open(serviceUri, SERVICE);
  await client.waitForDiagnostics(serviceUri);
  assert.match(await hoverText(client, serviceUri, SERVICE, 'name: quote', 7), /quote\.kiada\.svc\.cluster\.local\./, 'the services folder keeps the default domain');
  // The ConfigMap's folder is another cluster: quote.kiada does not exist there.
  await client.waitForDiagnostics(configUri, unresolved);

  // The services folder takes the same settings: one cluster again, and the name resolves.
  perFolder[fileUri(services)] = { clusterDomain: 'corp.example' };
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(configUri, (ds) => !unresolved(ds));
  assert.match(await hoverText(client, serviceUri, SERVICE, 'name: quote', 7), /quote\.kiada\.svc\.corp\.example\./);
});

test('folders added and removed while running are scanned and forgotten', async () => {
  // An unnamed port: the Service has a warning, cleared when its folder goes.
  const first = folder('first', { 'service.yaml': SERVICE.replace('  - name: http\n    port: 80', '  - port: 80') });
  const later = folder('later', { 'config.yaml': CONFIG });
  const client = await startClient({ folders: [first] });
  clients.push(client);
  const serviceUri = fileUri(join(first, 'service.yaml'));
  const laterUri = fileUri(join(later, 'config.yaml'));
  await client.waitForDiagnostics(serviceUri, (ds) => ds.length > 0);
  // Added: scanned, and its name resolves to the Service of the other folder (same settings).
  await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(later), name: 'later' }], removed: [] } });
  const found = await client.waitForDiagnostics(laterUri);
  assert.ok(!unresolved(found), JSON.stringify(found));
  // Removed: its files leave the index (their diagnostics are cleared), and the name no longer resolves.
  await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(first), name: 'first' }] } });
  await client.waitForDiagnostics(serviceUri, (ds) => ds.length === 0);
  await client.waitForDiagnostics(laterUri, unresolved);
});
