/**
 * The route and Ingress rules read other objects (the Services they name, the ReferenceGrants of
 * the target namespace, the Gateways they attach to): after any sequence of edits to any of them,
 * the index says what a fresh index of the same texts says. This holds the rules' watches to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceIndex } from '../../../server/src/workspace';

const FILES: Record<string, string> = {
  'file:///ws/shop/services.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  clusterIP: None
  selector: {app: api}
  ports: [{name: grpc, port: 9090}]
`,
  'file:///ws/shop/grant.yaml': `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-front, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}]
  to: [{group: "", kind: Service, name: web}]
`,
  'file:///ws/infra/gateway.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: example
  listeners: [{name: http, protocol: HTTP, port: 80}]
`,
  'file:///ws/front/route.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: front, namespace: front}
spec:
  parentRefs: [{name: public, namespace: infra, sectionName: http}]
  rules:
  - backendRefs:
    - {name: web, namespace: shop, port: 80}
    - {name: api, namespace: shop, port: 9090}
---
apiVersion: v1
kind: Service
metadata: {name: local, namespace: front}
spec:
  type: ExternalName
  externalName: web.example.com
`,
  'file:///ws/shop/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 9090}}}}
`,
};

/** Edits that change what the rules read: names, namespaces, ports, headless, grant scope, kinds. */
const SWAPS: [string, string][] = [
  ['name: web', 'name: webb'],
  ['name: api', 'name: app'],
  ['namespace: shop', 'namespace: front'],
  ['namespace: infra', 'namespace: edge'],
  ['port: 80', 'port: 8080'],
  ['name: http', 'name: https'],
  ['sectionName: http', 'sectionName: web'],
  ['clusterIP: None', 'clusterIP: 10.96.0.9'],
  ['kind: HTTPRoute', 'kind: GRPCRoute'],
  ['name: public', 'name: private'],
  [', name: web}', '}'],
  ['type: ExternalName', 'type: ClusterIP'],
];

function view(index: WorkspaceIndex, uris: readonly string[]): unknown {
  return uris.map((uri) => {
    const g = index.diagnosticGroups(uri);
    return [...g.problems, ...g.objects.flatMap(([, fs]) => fs)].map((f) => `${f.code} ${f.severity} ${f.range.start}-${f.range.end} ${f.message}`);
  });
}

type Op = { kind: 'swap'; file: number; swap: number; back: boolean } | { kind: 'toggle'; file: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('swap' as const), file: fc.nat(10), swap: fc.nat(SWAPS.length - 1), back: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), file: fc.nat(10) }) },
);

test('route and Ingress findings after any edits equal a fresh index’s', () => {
  const uris = Object.keys(FILES);
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
      const texts = new Map(Object.entries(FILES));
      const index = new WorkspaceIndex();
      for (const [u, t] of texts) index.setFile(u, t, false);
      view(index, uris); // findings cached, as an editor has them
      for (const o of ops) {
        const uri = uris[o.file % uris.length]!;
        const text = texts.get(uri);
        if (o.kind === 'toggle') {
          if (text === undefined) {
            texts.set(uri, FILES[uri]!);
            index.setFile(uri, FILES[uri]!, false);
          } else {
            texts.delete(uri);
            index.removeFile(uri);
          }
        } else if (text !== undefined) {
          const [a, b] = o.back ? [SWAPS[o.swap]![1], SWAPS[o.swap]![0]] : SWAPS[o.swap]!;
          const at = text.indexOf(a);
          if (at < 0) continue;
          texts.set(uri, text.slice(0, at) + b + text.slice(at + a.length));
          index.editFile(uri, [{ start: at, end: at + a.length, text: b }]);
        }
        const fresh = new WorkspaceIndex();
        for (const [u, t] of texts) fresh.setFile(u, t, false);
        const live = [...texts.keys()];
        assert.deepEqual(view(index, live), view(fresh, live));
      }
    }),
    { numRuns: 200 },
  );
});

test('the fixture has findings to keep current (the property is not vacuous)', () => {
  const index = new WorkspaceIndex();
  for (const [u, t] of Object.entries(FILES)) index.setFile(u, t, false);
  const codes = Object.keys(FILES).flatMap((u) => index.diagnosticGroups(u).objects.flatMap(([, fs]) => fs.map((f) => f.code)));
  assert.deepEqual(codes.sort(), ['backend-service-headless', 'backend-service-headless', 'route-backend-not-permitted']);
});
