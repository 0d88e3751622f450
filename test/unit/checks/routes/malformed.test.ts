/** Malformed Ingresses and routes never crash a rule, a hover or navigation (regression guard). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../../server/src/workspace';
import { hoverAt } from '../../../../server/src/features/hover';
import { definitionAt, referencesAt } from '../../../../server/src/features/navigation';

const MALFORMED = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: a}
spec:
  parentRefs: oops
  rules:
  - backendRefs: "web:80"
  - backendRefs: [null, 7, {name: 5, port: "80"}, {name: web, port: eighty, namespace: [x]}]
    filters: [{requestMirror: {backendRef: []}}, 3]
  - null
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: b}
spec: [1, 2]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: c}
spec:
  defaultBackend: {service: {name: web, port: [80]}}
  rules:
  - http: {paths: [{backend: {service: "web"}}, {backend: null}, {}]}
  - http: 3
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: d}
spec: null
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g}
spec: {from: 1, to: [null, {kind: Service}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
`;

test('no rule fails, and hover, definition and references answer at every offset', () => {
  const index = new WorkspaceIndex();
  index.setFile('file:///m.yaml', MALFORMED, false);
  const groups = index.diagnosticGroups('file:///m.yaml');
  const codes = groups.objects.flatMap(([, fs]) => fs.map((f) => f.code));
  assert.ok(!codes.includes('internal-error'), JSON.stringify(groups.objects.flatMap(([, fs]) => fs.map((f) => f.message))));
  for (let off = 0; off <= MALFORMED.length; off++) {
    hoverAt(index, 'file:///m.yaml', off);
    definitionAt(index, 'file:///m.yaml', off);
    referencesAt(index, 'file:///m.yaml', off, true);
  }
  // The backend whose port is not a number still reads as a reference to web.
  assert.ok(codes.includes('ingress-backend-port-invalid'), codes.join(', '));
});
