/**
 * A large file through the built server: its later documents are parsed by the worker thread
 * (out/syntaxWorker.js beside out/server.js), and their diagnostics land on the right lines.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { numberedService, numberedServices } from '../support/largeManifest';
import { startClient, type TestClient } from './client';

const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

test('a 1.5 MB file: the worker parses its second half, and a late problem is on its line', async () => {
  const docs = numberedServices(6000);
  // Near the end: a syntax error, and a Service whose port has no name (a warning).
  docs[5800] = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec: {ports: [\n';
  docs[5900] = numberedService(5900).replace('  - name: http\n    port: 80', '  - port: 80');
  const text = docs.join('---\n');
  assert.ok(text.length > 1024 * 1024);
  const client = await startClient();
  clients.push(client);
  const uri = 'file:///large/services.yaml';
  client.open(uri, text);
  const ds = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'svc-port-unnamed-no-srv'), 60_000);
  const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
  const syntax = ds.find((d) => d.code === 'yaml-syntax');
  assert.ok(syntax, JSON.stringify(ds));
  assert.ok(syntax.range.start.line >= lineOf('name: broken'), `syntax error at line ${syntax.range.start.line}`);
  const unnamed = ds.find((d) => d.code === 'svc-port-unnamed-no-srv')!;
  assert.equal(unnamed.range.start.line, lineOf('name: svc-5900') + 9, 'the warning is on the port of svc-5900');
  const read = client.logs.find((l) => l.includes(`read ${uri}`));
  // On one core the worker is not used: it would only take turns with the main thread.
  const byWorker = availableParallelism() >= 2 ? /[1-9]\d*/ : /0/;
  assert.match(read ?? '', new RegExp(`: 6000 objects in \\d+ ms \\((${byWorker.source}) documents parsed by a worker thread\\)`), client.logs.join('\n'));
});
