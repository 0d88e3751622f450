/** The built language server over stdio, driven by a real LSP client. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, positionOf, readText, startClient, type TestClient } from './client';

const EXAMPLES = join(__dirname, '../../examples');
let dir: string;
let client: TestClient;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-dns-lsp-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  client = await startClient({ folder: dir });
});
after(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

const hover = async (uri: string, text: string, needle: string, delta = 0, nth = 0): Promise<string> => {
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta, nth) })) as { contents: { value: string } } | null;
  return h?.contents.value ?? '';
};

test('diagnostics arrive for the broken example without opening it (workspace scan)', async () => {
  const uri = fileUri(join(dir, 'mistakes/services.yaml'));
  const d = await client.waitForDiagnostics(uri, (ds) => ds.length > 0);
  const codes = d.map((x) => x.code);
  assert.ok(codes.includes('svc-external-name-ip'), JSON.stringify(codes));
  assert.ok(d.every((x) => x.source === 'k8s-dns'));
  const ip = d.find((x) => x.code === 'svc-external-name-ip')!;
  const text = readText(join(dir, 'mistakes/services.yaml'));
  assert.deepEqual(ip.range.start, positionOf(text, '203.0.113.7'));
});

test('hovers: Service name, port, headless, externalName, LoadBalancer type', async () => {
  const path = join(dir, 'kiada/services.yaml');
  const uri = fileUri(path);
  const text = readText(path);
  client.open(uri, text);
  await client.waitForDiagnostics(uri);
  const name = await hover(uri, text, 'name: quote', 7);
  assert.match(name, /quote\.kiada\.svc\.cluster\.local\./);
  assert.match(name, /quote\.kiada\.svc\.cluster\.local\.\s+30 IN A\s+10\.96\.161\.97/);
  assert.match(name, /from pods in namespace `kiada`/);
  const port = await hover(uri, text, 'name: https', 7);
  assert.match(port, /_https\._tcp\.kiada\.kiada\.svc\.cluster\.local\.\s+30 IN SRV\s+0 100 443 kiada\.kiada\.svc\.cluster\.local\./);
  const headless = await hover(uri, text, 'clusterIP: None', 12);
  assert.match(headless, /Headless Service/);
  assert.match(headless, /10\.244\.2\.9/);
  const ext = await hover(uri, text, 'worldtimeapi.org', 2);
  assert.match(ext, /CNAME/);
  assert.match(ext, /Host/);
  const lb = await hover(uri, text, 'LoadBalancer', 2);
  assert.match(lb, /only the cluster IP/);
  assert.equal(await hover(uri, text, 'apiVersion', 2), '');
});

test('code lenses: FQDN and summary, Resolve, Copy FQDN; Resolve answers offline', async () => {
  const uri = fileUri(join(dir, 'kiada/services.yaml'));
  const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string; command: string; arguments: unknown[] } }[];
  const titles = lenses.map((l) => l.command.title);
  assert.ok(titles.includes('kiada.kiada.svc.cluster.local · A 10.96.7.83 · SRV ×2'), titles.join('\n'));
  const resolve = lenses.find((l) => l.command.title === 'Resolve')!;
  const result = (await client.conn.sendRequest('workspace/executeCommand', { command: resolve.command.command, arguments: resolve.command.arguments })) as { text: string };
  assert.match(result.text, /quote\.kiada\.svc\.cluster\.local\.\s+30 IN A\s+10\.96\.161\.97/);
});

test('an edit updates diagnostics; a later edit clears them', async () => {
  const uri = fileUri(join(dir, 'kiada/edit.yaml'));
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: edit-me\n  namespace: kiada\nspec:\n  clusterIP: 10.96.0.50\n  ports:\n  - name: http\n    port: 80\n';
  client.open(uri, text);
  await client.waitForDiagnostics(uri, (d) => d.length === 0);
  // Rename the port to something invalid.
  const start = positionOf(text, 'http');
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'HTTP_x' }],
  });
  const bad = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.severity === 1));
  assert.ok(bad.some((x) => String(x.message).includes('spec.ports[0].name')), JSON.stringify(bad));
  const s2 = positionOf(text, 'http');
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: s2, end: { line: s2.line, character: s2.character + 6 } }, text: 'web' }],
  });
  await client.waitForDiagnostics(uri, (d) => d.length === 0);
});

test('malformed input gets a diagnostic and the server keeps answering', async () => {
  const uri = fileUri(join(dir, 'broken.yaml'));
  client.open(uri, 'apiVersion: v1\nkind: Service\nmetadata: {name: [oops\n---\napiVersion: v1\nkind: Service\nmetadata: {name: fine, namespace: x}\nspec: {ports: {port: 80}}\n');
  const d = await client.waitForDiagnostics(uri, (ds) => ds.length >= 2);
  assert.ok(d.some((x) => x.code === 'yaml-syntax'));
  assert.ok(d.some((x) => x.code === 'manifest-field-type'));
  const garbage = fileUri(join(dir, 'garbage.yaml'));
  client.open(garbage, '\u0000\u0001kind: [[[[{{{{' + '\n'.repeat(3) + '\t\t: : :');
  const uri2 = fileUri(join(dir, 'kiada/services.yaml'));
  const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri2 } })) as unknown[];
  assert.ok(lenses.length > 0);
});

test('a StatefulSet serviceName hover lists the stable pod names', async () => {
  const path = join(dir, 'mistakes/services.yaml');
  const text = readText(path);
  const uri = fileUri(path);
  client.open(uri, text);
  const h = await hover(uri, text, 'serviceName: db', 14);
  assert.match(h, /db-0\.db\.shop\.svc\.cluster\.local\./);
  assert.match(h, /not headless/);
});

test('after an edit above it, a cached diagnostic keeps its exact range, and its quick fix edits the current text', async () => {
  const uri = fileUri(join(dir, 'shift.yaml'));
  const first = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top\n  namespace: shop\ndata:\n  a: "1"\n';
  const second = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: single\n  namespace: shop\nspec:\n  clusterIP: 10.96.5.5\n  ports:\n  - port: 8080\n';
  const text = `${first}---\n${second}`;
  client.open(uri, text);
  const before = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'svc-port-unnamed-no-srv'));
  const at = before.find((x) => x.code === 'svc-port-unnamed-no-srv')!.range.start;
  // Three lines inserted in the first document move the Service down by three lines.
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '  b: "2"\n  c: "3"\n  d: "4"\n' }],
  });
  const after = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'svc-port-unnamed-no-srv' && x.range.start.line === at.line + 3));
  const diag = after.find((x) => x.code === 'svc-port-unnamed-no-srv')!;
  assert.equal(diag.range.start.character, at.character);
  const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as { title: string; edit: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } }[];
  assert.ok(actions.length > 0, 'a quick fix is offered');
  const edit = actions[0]!.edit.changes[uri]![0]!;
  assert.match(edit.newText, /name: /);
  assert.ok(edit.range.start.line >= at.line + 3, JSON.stringify(edit));
});
