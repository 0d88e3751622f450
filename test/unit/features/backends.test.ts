/** Hover, definition, references and rename on Ingress and route backends (the index level). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/workspace';
import { hoverAt } from '../../../server/src/features/hover';
import { definitionAt, prepareRenameAt, referencesAt, renameAt } from '../../../server/src/features/navigation';

const SHOP = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port: {name: http}
`;

const FRONT = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: front}
spec:
  gatewayClassName: example
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: front, namespace: front}
spec:
  parentRefs:
  - name: public
  rules:
  - backendRefs:
    - name: web
      namespace: shop
      port: 80
      weight: 3
`;

function setup() {
  const index = new WorkspaceIndex();
  index.setFile('file:///shop.yaml', SHOP, false);
  index.setFile('file:///front.yaml', FRONT, false);
  return index;
}

/** The offset of the n-th occurrence of `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, nth = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i + delta;
}

test('hover on an Ingress backend: the Service FQDN, the port with its SRV name and targetPort, the endpoints', () => {
  const h = hoverAt(setup(), 'file:///shop.yaml', at(SHOP, 'name: web\n            port', 0, 7)) ?? '';
  assert.match(h, /\*\*Backend\*\* → Service `shop\/web` · `web\.shop\.svc\.cluster\.local\.`/);
  assert.match(h, /\*\*Port\*\* 80 \(`http`\)\/TCP → targetPort `8080` · SRV `_http\._tcp\.web\.shop\.svc\.cluster\.local\.`/);
  assert.match(h, /`<IP of pod 1 of Deployment web>:8080` \(Deployment web\)/);
  assert.match(h, /`<IP of pod 2 of Deployment web>:8080`/);
});

test('hover on a route backendRef port: weight and the ReferenceGrant status of a cross-namespace reference', () => {
  const index = setup();
  const h = hoverAt(index, 'file:///front.yaml', at(FRONT, 'port: 80\n      weight', 0, 7)) ?? '';
  assert.match(h, /weight 3/);
  assert.match(h, /no ReferenceGrant in `shop` allows it/);
  index.setFile('file:///grant.yaml', `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-front, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}]
  to: [{group: "", kind: Service}]
`, false);
  assert.match(hoverAt(index, 'file:///front.yaml', at(FRONT, 'port: 80\n      weight', 0, 7)) ?? '', /allowed by ReferenceGrant `shop\/from-front`/);
});

test('definition: a backend name goes to the Service, a parentRef name to the Gateway', () => {
  const index = setup();
  const svcName = SHOP.indexOf('web, namespace: shop}');
  assert.deepEqual(definitionAt(index, 'file:///shop.yaml', at(SHOP, 'name: web\n            port', 0, 7)), [{ uri: 'file:///shop.yaml', range: { start: svcName, end: svcName + 3 } }]);
  assert.deepEqual(definitionAt(index, 'file:///front.yaml', at(FRONT, 'name: web', 0, 7)), [{ uri: 'file:///shop.yaml', range: { start: svcName, end: svcName + 3 } }]);
  const gw = FRONT.indexOf('public, namespace: front}');
  assert.deepEqual(definitionAt(index, 'file:///front.yaml', at(FRONT, '- name: public', 0, 9)), [{ uri: 'file:///front.yaml', range: { start: gw, end: gw + 6 } }]);
});

test('references of a Service include the Ingress and route backends; rename updates them', () => {
  const index = setup();
  const refs = referencesAt(index, 'file:///shop.yaml', at(SHOP, 'web, namespace: shop}'), false);
  const ingressName = at(SHOP, 'name: web\n            port', 0, 6);
  const routeName = at(FRONT, 'name: web', 0, 6);
  // Namespaces in name order: front, then shop.
  assert.deepEqual(refs, [
    { uri: 'file:///front.yaml', range: { start: routeName, end: routeName + 3 } },
    { uri: 'file:///shop.yaml', range: { start: ingressName, end: ingressName + 3 } },
  ]);
  // From the backend itself too.
  assert.equal(referencesAt(index, 'file:///front.yaml', routeName + 1, true).length, 3);
  assert.deepEqual(prepareRenameAt(index, 'file:///front.yaml', routeName + 1), { start: routeName, end: routeName + 3 });
  const r = renameAt(index, 'file:///front.yaml', routeName + 1, 'site');
  assert.ok('edits' in r);
  assert.deepEqual(
    r.edits.map((e) => [e.uri, e.range.start, e.newText]),
    [
      ['file:///shop.yaml', SHOP.indexOf('web, namespace: shop}'), 'site'],
      ['file:///front.yaml', routeName, 'site'],
      ['file:///shop.yaml', ingressName, 'site'],
    ],
  );
});

test('a Service of the same name in another namespace is not referenced by the Ingress', () => {
  const index = setup();
  index.setFile('file:///other.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: other}\nspec:\n  ports: [{port: 80}]\n', false);
  assert.deepEqual(referencesAt(index, 'file:///other.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: w'.length, false), []);
});

test('hover on a parentRef: the Gateway and its listeners, or that it is not in the workspace', () => {
  const index = setup();
  const h = hoverAt(index, 'file:///front.yaml', at(FRONT, '- name: public', 0, 9)) ?? '';
  assert.match(h, /\*\*Gateway\*\* `front\/public` \(every listener that allows this route\)/);
  assert.match(h, /`http` HTTP\/80/);
  index.removeFile('file:///front.yaml');
  const moved = FRONT.replace('name: public, namespace: front', 'name: other, namespace: front');
  index.setFile('file:///front.yaml', moved, false);
  assert.match(hoverAt(index, 'file:///front.yaml', at(moved, '- name: public', 0, 9)) ?? '', /not in the workspace/);
});

test('hover on a Service lists the Ingresses and routes that reach it; none for a Service nothing routes to', () => {
  const index = setup();
  const h = hoverAt(index, 'file:///shop.yaml', at(SHOP, 'web, namespace: shop}')) ?? '';
  assert.match(h, /\*\*Reached by\*\* \(Ingresses and routes\):\n\n- HTTPRoute `front\/front` port 80\n- Ingress `shop\/shop` port http/);
  index.setFile('file:///other.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: lone, namespace: shop}\nspec:\n  ports: [{port: 80}]\n', false);
  const lone = hoverAt(index, 'file:///other.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: lo'.length) ?? '';
  assert.match(lone, /lone\.shop\.svc\.cluster\.local\./);
  assert.doesNotMatch(lone, /Reached by/);
});
