/**
 * Ingress and Gateway API route backends over LSP, on a realistic repository (three namespaces, a
 * shared Gateway, one ReferenceGrant): diagnostics, hover, definition, references, rename, and a
 * ReferenceGrant added in the editor clearing a cross-namespace error.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileUri, positionOf, readText, startClient, type TestClient } from './client';

const REPO = join(__dirname, '../realworld/cases/gateway-ingress-namespaces');

let dir: string;
let client: TestClient;
let routes: { uri: string; text: string };
let services: { uri: string; text: string };
let ingress: { uri: string; text: string };

type Loc = { uri: string; range: { start: { line: number; character: number } } };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-dns-routes-'));
  cpSync(REPO, dir, { recursive: true });
  client = await startClient({ folder: dir });
  const file = (p: string) => ({ uri: fileUri(join(dir, p)), text: readText(join(dir, p)) });
  routes = file('web/routes.yaml');
  services = file('shop/services.yaml');
  ingress = file('shop/ingress.yaml');
  client.open(routes.uri, routes.text);
  client.open(ingress.uri, ingress.text);
  // Diagnostics of a file scanned from disk arrive once the whole folder is indexed.
  await client.waitForDiagnostics(fileUri(join(dir, 'legacy/blog.yaml')), (d) => d.length > 0);
});
after(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

test('diagnostics: the GRPCRoute needs a ReferenceGrant; the Ingress port and Service are wrong', async () => {
  const d = await client.waitForDiagnostics(routes.uri, (ds) => ds.some((x) => x.code === 'route-backend-not-permitted'));
  const grpc = d.find((x) => x.code === 'route-backend-not-permitted' && x.range.start.line === positionOf(routes.text, 'namespace: shop\n          port: 9090', 11).line)!;
  assert.ok(grpc, JSON.stringify(d.map((x) => [x.code, x.range.start.line])));
  assert.equal(grpc.severity, 1);
  assert.match(String(grpc.message), /GRPCRoutes of namespace web/);
  const i = await client.waitForDiagnostics(ingress.uri, (ds) => ds.some((x) => x.code === 'ingress-backend-service-missing'));
  assert.deepEqual(
    i.map((x) => x.code).sort(),
    ['backend-service-headless', 'ingress-backend-port-unknown', 'ingress-backend-service-missing'],
  );
});

test('hover on a route backendRef: the Service, its port and endpoints, and the grant that allows it', async () => {
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: routes.uri }, position: positionOf(routes.text, 'name: storefront\n          namespace: shop', 8) })) as { contents: { value: string } };
  assert.match(h.contents.value, /Service `shop\/storefront` · `storefront\.shop\.svc\.cluster\.local\.`/);
  assert.match(h.contents.value, /targetPort `http`/);
  assert.match(h.contents.value, /<IP of pod 1 of Deployment storefront>:8080/);
  assert.match(h.contents.value, /allowed by ReferenceGrant `shop\/web-routes-to-storefront`/);
});

test('definition from a backend to its Service, and from a parentRef to the Gateway', async () => {
  const defs = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: routes.uri }, position: positionOf(routes.text, 'name: orders\n          namespace', 8) })) as Loc[];
  assert.equal(defs.length, 1);
  assert.equal(defs[0]!.uri, services.uri);
  assert.deepEqual(defs[0]!.range.start, positionOf(services.text, 'name: orders\n  namespace', 6, 1));
  const gw = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: routes.uri }, position: positionOf(routes.text, 'name: public', 7) })) as Loc[];
  assert.equal(gw[0]!.uri, fileUri(join(dir, 'infra/gateway.yaml')));
});

test('references of a Service list the Ingress and route backends; rename updates them all', async () => {
  const pos = positionOf(services.text, 'name: storefront\n  namespace', 7, 1); // the Service, after its Deployment
  const refs = (await client.conn.sendRequest('textDocument/references', { textDocument: { uri: services.uri }, position: pos, context: { includeDeclaration: false } })) as Loc[];
  const byFile = (uri: string) => refs.filter((r) => r.uri === uri).length;
  assert.equal(byFile(ingress.uri), 2, JSON.stringify(refs)); // defaultBackend and the / path
  assert.equal(byFile(routes.uri), 2); // the HTTPRoute storefront and the canary
  const edit = (await client.conn.sendRequest('textDocument/rename', { textDocument: { uri: services.uri }, position: pos, newName: 'shopfront' })) as { changes: Record<string, { newText: string }[]> };
  assert.equal(edit.changes[ingress.uri]!.length, 2);
  assert.equal(edit.changes[routes.uri]!.length, 2);
  assert.ok(Object.values(edit.changes).flat().every((e) => e.newText === 'shopfront'));
});

test('quick fix: add the ReferenceGrant the cross-namespace backendRef needs', async () => {
  const d = await client.waitForDiagnostics(routes.uri, (ds) => ds.some((x) => x.code === 'route-backend-not-permitted'));
  const grpc = d.find((x) => x.code === 'route-backend-not-permitted')!;
  const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: routes.uri }, range: grpc.range, context: { diagnostics: [grpc] } })) as {
    title: string;
    edit: { changes: Record<string, { newText: string }[]> };
  }[];
  const add = actions.find((a) => /Add a ReferenceGrant in namespace shop/.test(a.title));
  assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
  const text = add.edit.changes[routes.uri]![0]!.newText;
  assert.match(text, /kind: ReferenceGrant\n/);
  assert.match(text, /from: \[\{group: gateway\.networking\.k8s\.io, kind: GRPCRoute, namespace: web\}\]/);
  assert.match(text, /to: \[\{group: "", kind: Service, name: orders\}\]/);
});

test('a ReferenceGrant typed into the open file clears the cross-namespace error', async () => {
  const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: web-grpc
  namespace: shop
spec:
  from:
    - {group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: web}
  to:
    - {group: "", kind: Service, name: orders}
`;
  const end = positionOf(routes.text + '$', '$');
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: routes.uri, version: 2 },
    contentChanges: [{ range: { start: end, end }, text: grant }],
  });
  const grpcLine = positionOf(routes.text, 'namespace: shop\n          port: 9090').line;
  const d = await client.waitForDiagnostics(routes.uri, (_ds, v) => v === 2);
  assert.ok(!d.some((x) => x.code === 'route-backend-not-permitted' && x.range.start.line === grpcLine), JSON.stringify(d.map((x) => [x.code, x.range.start.line])));
  assert.ok(d.some((x) => x.code === 'route-backend-not-permitted'), 'storefront-next is still not allowed');
});
