/** Backend references of Ingresses and Gateway API routes, parentRefs and ReferenceGrants. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest } from '../../../server/src/manifests';
import { buildCluster, makeConfig } from '../../../server/src/dns';
import { backendRefAt, backendRefs, isServiceRef } from '../../../server/src/refs/backends';
import { grantAllows, grantsIn, parentRefs, referenceGrant } from '../../../server/src/refs/gatewayRefs';

function read(text: string) {
  return readManifest(text, 'f.yaml', { defaultNamespace: 'default' }).objects;
}

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  defaultBackend:
    service: {name: fallback, port: {number: 80}}
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: storefront
            port: {name: http}
      - path: /static
        pathType: Prefix
        backend:
          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}
`;

test('Ingress v1: defaultBackend and path backends with their ports; resource backends are not Services', () => {
  const [ing] = read(INGRESS);
  const refs = backendRefs(ing!);
  assert.deepEqual(
    refs.map((r) => ({ name: r.name, ns: r.namespace, port: r.port, namePath: r.namePath.join('.') })),
    [
      { name: 'fallback', ns: 'shop', port: { number: 80, path: ['spec', 'defaultBackend', 'service', 'port', 'number'] }, namePath: 'spec.defaultBackend.service.name' },
      { name: 'storefront', ns: 'shop', port: { name: 'http', path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'name'] }, namePath: 'spec.rules.0.http.paths.0.backend.service.name' },
    ],
  );
  assert.ok(refs.every(isServiceRef));
  // The ranges are the exact nodes.
  const r = ing!.source.locate(refs[1]!.namePath);
  assert.equal(INGRESS.slice(r.start, r.end), 'storefront');
});

test('Ingress v1beta1: serviceName and an int-or-string servicePort', () => {
  const [ing] = read(`apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old}
spec:
  backend: {serviceName: a, servicePort: 80}
  rules:
  - http:
      paths:
      - backend: {serviceName: b, servicePort: http}
`);
  assert.deepEqual(
    backendRefs(ing!).map((r) => [r.name, r.port?.number ?? r.port?.name, r.namePath.join('.')]),
    [
      ['a', 80, 'spec.backend.serviceName'],
      ['b', 'http', 'spec.rules.0.http.paths.0.backend.serviceName'],
    ],
  );
});

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: docs, namespace: docs}
spec:
  parentRefs:
  - name: public
    namespace: infra
    sectionName: https
  - {kind: Service, group: "", name: mesh-svc}
  rules:
  - filters:
    - type: RequestMirror
      requestMirror:
        backendRef: {name: shadow, port: 80}
    backendRefs:
    - name: docs-site
      port: 80
      weight: 90
    - name: docs-v2
      namespace: next
      port: 8080
      weight: 10
    - {group: example.com, kind: Bucket, name: b}
`;

test('HTTPRoute: backendRefs with defaults, cross-namespace refs, mirrors, other kinds', () => {
  const [route] = read(ROUTE);
  const refs = backendRefs(route!);
  assert.deepEqual(
    refs.map((r) => ({ role: r.role, name: r.name, ns: r.namespace, group: r.group, kind: r.kind, port: r.port?.number, weight: r.weight, nsWritten: !!r.namespacePath })),
    [
      { role: 'route', name: 'docs-site', ns: 'docs', group: '', kind: 'Service', port: 80, weight: 90, nsWritten: false },
      { role: 'route', name: 'docs-v2', ns: 'next', group: '', kind: 'Service', port: 8080, weight: 10, nsWritten: true },
      { role: 'route', name: 'b', ns: 'docs', group: 'example.com', kind: 'Bucket', port: undefined, weight: undefined, nsWritten: false },
      { role: 'mirror', name: 'shadow', ns: 'docs', group: '', kind: 'Service', port: 80, weight: undefined, nsWritten: false },
    ],
  );
  assert.equal(backendRefAt(route!, ['spec', 'rules', 0, 'backendRefs', 1, 'port'])?.name, 'docs-v2');
  assert.equal(backendRefAt(route!, ['spec', 'rules', 0, 'filters', 0, 'requestMirror', 'backendRef', 'name'])?.name, 'shadow');
  assert.equal(backendRefAt(route!, ['spec', 'parentRefs', 0, 'name']), undefined);
  assert.deepEqual(
    parentRefs(route!).map((p) => [p.kind, p.group, p.namespace, p.name, p.sectionName]),
    [
      ['Gateway', 'gateway.networking.k8s.io', 'infra', 'public', 'https'],
      ['Service', '', 'docs', 'mesh-svc', undefined],
    ],
  );
});

test('TCPRoute (v1alpha2) backendRefs; a kind of another group or a ConfigMap holds none', () => {
  const objs = read(`apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db}
spec:
  rules:
  - backendRefs: [{name: pg, port: 5432}]
---
apiVersion: example.com/v1
kind: HTTPRoute
metadata: {name: other}
spec:
  rules:
  - backendRefs: [{name: pg, port: 5432}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {a: b}
`);
  assert.deepEqual(objs.map((o) => backendRefs(o).map((r) => r.name)), [['pg'], [], []]);
});

test('ReferenceGrant: from a route kind and namespace, to all Services or one by name', () => {
  const objs = read(`${ROUTE}---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-docs, namespace: next}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: docs}]
  to: [{group: "", kind: Service, name: docs-v2}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: grpc-only, namespace: next}
spec:
  from: [{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: docs}]
  to: [{group: "", kind: Service}]
`);
  const cluster = buildCluster(objs, makeConfig());
  const grants = grantsIn(cluster, 'next');
  assert.deepEqual(grants.map((g) => g.object.meta.name), ['from-docs', 'grpc-only']);
  assert.deepEqual(referenceGrant(objs[1]!)?.to, [{ group: '', kind: 'Service', name: 'docs-v2' }]);
  const cross = backendRefs(objs[0]!)[1]!;
  assert.deepEqual(grants.map((g) => grantAllows(g, cross)), [true, false]);
  assert.equal(grantAllows(grants[0]!, { ...cross, name: 'other' }), false);
});
