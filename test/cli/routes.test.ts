/** `k8s-dns check` on Ingresses and Gateway API routes across namespaces, run as a user would. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../out/cli.js');
/** The realistic repository the real-world ring also checks. */
const REPO = join(__dirname, '../realworld/cases/gateway-ingress-namespaces');

interface Diagnostic {
  file: string;
  line: number;
  severity: string;
  code: string;
  field?: string;
  message: string;
}

function check(dir: string): { code: number | null; diagnostics: Diagnostic[] } {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--json'], { encoding: 'utf8' });
  return { code: r.status, diagnostics: (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

const short = (d: Diagnostic): string => `${d.file.slice(d.file.indexOf('gateway-ingress-namespaces') + 27)}:${d.line} ${d.severity} ${d.code}`;

test('check reports wrong backends, missing ReferenceGrants and backend caveats, with field paths; exit 1', () => {
  const r = check(REPO);
  assert.equal(r.code, 1);
  assert.deepEqual(r.diagnostics.map(short), [
    'legacy/blog.yaml:25 info backend-service-external-name',
    'legacy/blog.yaml:40 warning backend-service-external-name',
    'shop/ingress.yaml:29 error ingress-backend-port-unknown',
    'shop/ingress.yaml:34 info backend-service-headless',
    'shop/ingress.yaml:41 error ingress-backend-service-missing',
    'web/routes.yaml:42 error route-backend-not-permitted',
    'web/routes.yaml:62 error route-backend-port-required',
    'web/routes.yaml:62 warning route-backend-service-missing',
    'web/routes.yaml:63 error route-backend-not-permitted',
  ]);
  const grant = r.diagnostics.find((d) => d.code === 'route-backend-not-permitted')!;
  assert.equal(grant.field, 'spec.rules[0].backendRefs[0].namespace');
  assert.match(grant.message, /GRPCRoutes of namespace web refer to Service shop\/orders/);
  assert.equal(r.diagnostics.find((d) => d.code === 'ingress-backend-port-unknown')!.field, 'spec.rules[0].http.paths[0].backend.service.port.number');
});

test('a ReferenceGrant in the target namespace clears the cross-namespace error; one elsewhere does not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-routes-'));
  cpSync(REPO, dir, { recursive: true });
  const grant = (ns: string): string => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: web-grpc-to-orders
  namespace: ${ns}
spec:
  from:
    - {group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: web}
  to:
    - {group: "", kind: Service, name: orders}
`;
  writeFileSync(join(dir, 'web/grant.yaml'), grant('web'));
  assert.ok(check(dir).diagnostics.some((d) => d.code === 'route-backend-not-permitted' && d.line === 42));
  writeFileSync(join(dir, 'web/grant.yaml'), grant('shop'));
  assert.ok(!check(dir).diagnostics.some((d) => d.code === 'route-backend-not-permitted' && d.line === 42));
});

test('a route whose backend namespace the repository does not hold: infos only, exit 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-routes-'));
  writeFileSync(
    join(dir, 'route.yaml'),
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: apps}
spec:
  parentRefs: [{name: shared, namespace: gateways}]
  rules:
  - backendRefs: [{name: api, namespace: backend, port: 8080}]
`,
  );
  const r = check(dir);
  assert.equal(r.code, 0);
  // In text order: the parentRef comes first.
  assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.code}`), [
    'info route-parent-gateway-missing',
    'info route-backend-service-missing',
    'info route-backend-not-permitted',
  ]);
});
