/** The Ingress and route rules: a failing and a passing manifest per rule, then fixes and details. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTE_RULES } from '../../../../server/src/checks/routeRules';
import { applyFix, assertCase, runDns } from '../dnsHelpers';
import { gateway, grant, ingress, route, ROUTE_CASES, service, web } from './cases';

for (const c of ROUTE_CASES) {
  test(`${c.code}: ${c.name}`, () => assertCase(c, (a, e, m) => assert.deepEqual(a, e, m)));
}

const opts = { rules: ROUTE_RULES };

test('ingress-backend-service-missing suggests the nearest Service and its fix renames the backend', () => {
  const input = [web, ingress('wbe', '{number: 80}')].join('---\n');
  const [f] = runDns(input, opts).of('ingress-backend-service-missing');
  assert.match(f!.message, /No Service wbe in namespace shop: .*503.* Did you mean web\?/);
  const fixed = applyFix(input, f!.fixes![0]!);
  assert.deepEqual(runDns(fixed, opts).findings.map((x) => x.code), []);
});

test('a Service of the name in another namespace is named: an Ingress reaches only its own namespace', () => {
  const input = [service('web', 'other', '  ports: [{port: 80}]'), service('api', 'shop', '  ports: [{port: 80}]'), ingress('web', '{number: 80}')].join('---\n');
  const [f] = runDns(input, opts).of('ingress-backend-service-missing');
  assert.match(f!.message, /exists in namespace other, but an Ingress reaches only Services of its own namespace/);
  assert.deepEqual(f!.relatedText, ['web']);
});

test('route-backend-port-unknown names the targetPort mix-up, with the only port as fix', () => {
  const input = [gateway, web, route('name: web, port: 8080')].join('---\n');
  const [f] = runDns(input, opts).of('route-backend-port-unknown');
  assert.match(f!.message, /has no port 8080\. 8080 is the targetPort of port 80 \(http\).*500/);
  const fixed = applyFix(input, f!.fixes![0]!);
  assert.deepEqual(runDns(fixed, opts).findings, []);
});

test('route-backend-not-permitted: the fix appends a ReferenceGrant that allows exactly this reference', () => {
  const input = [gateway, web, route('name: web, namespace: shop, port: 80', 'front')].join('---\n');
  const [f] = runDns(input, opts).of('route-backend-not-permitted');
  assert.match(f!.message, /No ReferenceGrant in namespace shop lets HTTPRoutes of namespace front refer to Service shop\/web/);
  assert.equal(f!.field, 'spec.rules[0].backendRefs[0].namespace');
  const fixed = applyFix(input, f!.fixes![0]!);
  assert.match(fixed['manifest.yaml']!, /kind: ReferenceGrant\n/);
  assert.deepEqual(runDns(fixed, opts).findings.map((x) => x.code), []);
});

test('a grant in the route’s own namespace does not count: it must live in the referent’s', () => {
  const wrongPlace = grant('front').replace('namespace: shop\nspec', 'namespace: front\nspec');
  const input = [gateway, web, wrongPlace, route('name: web, namespace: shop, port: 80', 'front')].join('---\n');
  assert.equal(runDns(input, opts).of('route-backend-not-permitted').length, 1);
});

test('request mirrors are checked as backends; GRPCRoute failures say UNAVAILABLE', () => {
  const mirror = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc, namespace: shop}
spec:
  parentRefs: [{name: public, namespace: infra}]
  rules:
  - backendRefs: [{name: webb, port: 80}]
    filters:
    - type: RequestMirror
      requestMirror: {backendRef: {name: web}}
`;
  const run = runDns([gateway, web, mirror].join('---\n'), opts);
  assert.deepEqual(run.findings.map((f) => [f.code, f.text]), [
    ['route-backend-port-required', 'web'],
    ['route-backend-service-missing', 'webb'],
  ]);
  assert.match(run.of('route-backend-service-missing')[0]!.message, /UNAVAILABLE/);
});

test('templated names, resource backends and non-Service kinds are not looked up', () => {
  const templated = ingress('${SERVICE}', '{number: 80}');
  const resource = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bucket, namespace: shop}
spec:
  defaultBackend:
    resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}
`;
  assert.deepEqual(runDns([web, templated, resource].join('---\n'), opts).findings, []);
});

test('a custom resource named HTTPRoute in another group is not a Gateway API route', () => {
  const other = route('name: nothing, port: 1').replace('gateway.networking.k8s.io/v1', 'example.com/v1');
  assert.deepEqual(runDns(other, opts).findings, []);
});

test('route-parent-section-unknown suggests the nearest listener; its fix attaches the route', () => {
  const input = [gateway, web, route('name: web, port: 80').replace('namespace: infra\n', 'namespace: infra\n    sectionName: htp\n')].join('---\n');
  const [f] = runDns(input, opts).of('route-parent-section-unknown');
  assert.match(f!.message, /has no listener htp \(it has http\).*Did you mean http\?/);
  assert.deepEqual(runDns(applyFix(input, f!.fixes![0]!), opts).findings, []);
});

test('a Service that no Ingress or route points at is not a problem', () => {
  assert.deepEqual(runDns([gateway, web, service('lonely', 'shop', '  clusterIP: None\n  ports: [{port: 80}]')].join('---\n'), opts).findings, []);
});
