/** Code lenses for a client that resolves them (as VS Code does): stubs for the file, titles on resolve. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, readText, startClient, type TestClient } from './client';

interface WireLens {
  range: { start: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
  data?: unknown;
}

const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-lens-'));
cpSync(join(__dirname, '../../examples'), dir, { recursive: true });
let client: TestClient;
after(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a resolving client gets title-less lenses, and each resolves to its title and command', async () => {
  client = await startClient({ folder: dir, textDocumentCapabilities: { codeLens: { resolveSupport: { properties: ['command'] } } } });
  assert.equal((client.capabilities.codeLensProvider as { resolveProvider?: boolean }).resolveProvider, true);
  const path = join(dir, 'kiada/services.yaml');
  const uri = fileUri(path);
  const text = readText(path);
  client.open(uri, text);
  await client.waitForDiagnostics(uri);
  const stubs = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as WireLens[];
  assert.ok(stubs.length >= 3);
  assert.ok(stubs.every((l) => l.command === undefined && l.data !== undefined), JSON.stringify(stubs[0]));
  const resolved = await Promise.all(stubs.map((l) => client.conn.sendRequest('codeLens/resolve', l) as Promise<WireLens>));
  const titles = resolved.map((l) => l.command?.title);
  assert.ok(titles.includes('kiada.kiada.svc.cluster.local · A 10.96.7.83 · SRV ×2'), titles.join('\n'));
  // Each resolved lens sits where its stub was.
  assert.deepEqual(resolved.map((l) => l.range), stubs.map((l) => l.range));
  const copy = resolved.find((l) => l.command?.title === 'Copy FQDN' && JSON.stringify(l.command.arguments).includes('quote.kiada'))!;
  assert.deepEqual(copy.command!.arguments, [{ fqdn: 'quote.kiada.svc.cluster.local.' }]);
  const resolve = resolved.find((l) => l.command?.title === 'Resolve')!;
  const result = (await client.conn.sendRequest('workspace/executeCommand', { command: resolve.command!.command, arguments: resolve.command!.arguments })) as { text: string };
  assert.match(result.text, /IN A/);

  // After an edit that renames a Service, a fresh answer names the new one; an unknown stub still resolves.
  const at = text.indexOf('  name: quote\n');
  const line = text.slice(0, at).split('\n').length - 1;
  client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line, character: 8 }, end: { line, character: 13 } }, text: 'quotes' }],
  });
  const fresh = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as WireLens[];
  const freshTitles = await Promise.all(fresh.map(async (l) => ((await client.conn.sendRequest('codeLens/resolve', l)) as WireLens).command?.title));
  assert.ok(freshTitles.some((t) => t?.startsWith('quotes.kiada.svc.cluster.local')), freshTitles.join('\n'));
  const stale = (await client.conn.sendRequest('codeLens/resolve', { range: stubs[0]!.range, data: [999999, 0] })) as WireLens;
  assert.equal(stale.command?.title, '');
});
