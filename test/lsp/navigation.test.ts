/** Cross-resource navigation over LSP: hover, definition, references and rename of Services. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, positionOf, readText, startClient, type TestClient } from './client';

let dir: string;
let client: TestClient;
let deployments: { uri: string; text: string };
let services: { uri: string; text: string };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-dns-nav-'));
  cpSync(join(__dirname, '../../examples'), dir, { recursive: true });
  client = await startClient({ folder: dir });
  const dp = join(dir, 'kiada/deployments.yaml');
  const sp = join(dir, 'kiada/services.yaml');
  deployments = { uri: fileUri(dp), text: readText(dp) };
  services = { uri: fileUri(sp), text: readText(sp) };
  client.open(deployments.uri, deployments.text);
  client.open(services.uri, services.text);
  // The whole workspace is indexed once diagnostics for a scanned file arrive.
  await client.waitForDiagnostics(fileUri(join(dir, 'mistakes/services.yaml')), (d) => d.length > 0);
  await client.waitForDiagnostics(deployments.uri);
});
after(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

type Loc = { uri: string; range: { start: { line: number; character: number } } };

test('hover on a DNS name in an env value: what it resolves to from the pod namespace', async () => {
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: deployments.uri }, position: positionOf(deployments.text, 'quote.kiada:80', 2) })) as { contents: { value: string } };
  assert.match(h.contents.value, /quote\.kiada\.svc\.cluster\.local\./);
  assert.match(h.contents.value, /10\.96\.161\.97/);
});

test('go to definition from a DNS name and from a selector', async () => {
  const defs = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: deployments.uri }, position: positionOf(deployments.text, 'quote.kiada:80', 1) })) as Loc[];
  assert.equal(defs.length, 1);
  assert.equal(defs[0]!.uri, services.uri);
  assert.deepEqual(defs[0]!.range.start, positionOf(services.text, 'name: quote', 6));
  const sel = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: services.uri }, position: positionOf(services.text, 'app: quote', 6) })) as Loc[];
  assert.ok(sel.some((l) => l.uri === deployments.uri), JSON.stringify(sel));
});

test('find references of a Service lists its DNS-name uses', async () => {
  const refs = (await client.conn.sendRequest('textDocument/references', {
    textDocument: { uri: services.uri },
    position: positionOf(services.text, 'name: quote', 7),
    context: { includeDeclaration: false },
  })) as Loc[];
  assert.ok(refs.some((r) => r.uri === deployments.uri && r.range.start.line === positionOf(deployments.text, 'quote.kiada:80').line), JSON.stringify(refs));
});

test('rename a Service updates its DNS-name uses across the workspace', async () => {
  const pos = positionOf(services.text, 'name: time-api', 7);
  const prep = (await client.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: services.uri }, position: pos })) as { start: unknown } | null;
  assert.ok(prep);
  const edit = (await client.conn.sendRequest('textDocument/rename', { textDocument: { uri: services.uri }, position: pos, newName: 'clock' })) as { changes: Record<string, { newText: string; range: { start: { line: number } } }[]> };
  assert.equal(edit.changes[services.uri]![0]!.newText, 'clock');
  const dep = edit.changes[deployments.uri]!;
  assert.equal(dep.length, 1);
  assert.equal(dep[0]!.range.start.line, positionOf(deployments.text, 'http://time-api').line);
  await assert.rejects(client.conn.sendRequest('textDocument/rename', { textDocument: { uri: services.uri }, position: pos, newName: 'Not_Valid' }));
});
