/** Every hover kind, at the index level (the same code the LSP server maps). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/workspace';
import { hoverAt } from '../../../server/src/features/hover';
import { codeLenses } from '../../../server/src/features/codeLens';
import { KIADA } from '../dns/kiada';

function indexOf(extra: string): { index: WorkspaceIndex; at: (needle: string, delta?: number) => string } {
  const index = new WorkspaceIndex();
  KIADA.forEach((t, i) => index.setFile(`file:///kiada-${i}.yaml`, t, false));
  index.setFile('file:///x.yaml', extra, false);
  return { index, at: (needle, delta = 0) => hoverAt(index, 'file:///x.yaml', extra.indexOf(needle) + delta) ?? '' };
}

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: kiada
spec:
  clusterIP: 10.96.0.77
  ports:
  - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: legacy
  namespace: kiada
spec:
  type: ExternalName
  externalName: 192.0.2.10
---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: kiada
spec:
  clusterIP: None
  selector: {app: db}
  ports:
  - name: pg
    port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: kiada
spec:
  serviceName: db
  replicas: 2
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: pg, ports: [{name: pg, containerPort: 5432}]}]
---
apiVersion: v1
kind: Pod
metadata:
  name: box
  namespace: kiada
  labels: {app: db}
spec:
  hostname: box-1
  subdomain: db
  containers: [{name: c}]
`;

test('an unnamed port: why there is no per-port SRV record and how to get one', () => {
  const { at } = indexOf(SVC);
  const h = at('port: 8080', 7);
  assert.match(h, /No per-port SRV record/);
  assert.match(h, /name: http/);
  assert.match(h, /0 100 8080 web\.kiada\.svc\.cluster\.local\./);
});

test('externalName with an IP address: NXDOMAIN, and what to do instead', () => {
  const h = indexOf(SVC).at('192.0.2.10', 2);
  assert.match(h, /IP address/);
  assert.match(h, /NXDOMAIN/);
});

test("clusterIP: None: the endpoints known in the workspace, StatefulSet pod names included", () => {
  const h = indexOf(SVC).at('clusterIP: None', 12);
  assert.match(h, /Headless Service/);
  assert.match(h, /<IP of pod db-0>|<IP of pod box>/);
});

test("a StatefulSet's serviceName: the stable pod names", () => {
  const h = indexOf(SVC).at('serviceName: db', 14);
  assert.match(h, /db-0\.db\.kiada\.svc\.cluster\.local\./);
  assert.match(h, /db-1\.db\.kiada\.svc\.cluster\.local\./);
});

test("a Pod's hostname and subdomain: its own DNS name", () => {
  const h = indexOf(SVC).at('hostname: box-1', 11);
  assert.match(h, /box-1\.db\.kiada\.svc\.cluster\.local\./);
  assert.match(h, /IN A\s+<IP of pod box>/);
  assert.equal(indexOf(SVC).at('subdomain: db', 12), h);
});

test('no hover on fields DNS does not care about', () => {
  assert.equal(indexOf(SVC).at('replicas: 2', 11), '');
  assert.equal(indexOf(SVC).at('apiVersion', 1), '');
});

test('code lenses: one summary per Service, with placeholders where the cluster decides', () => {
  const { index } = indexOf(SVC);
  const titles = codeLenses(index, 'file:///x.yaml').map((l) => l.title);
  assert.ok(titles.includes('web.kiada.svc.cluster.local · A 10.96.0.77'), titles.join('\n'));
  assert.ok(titles.includes('legacy.kiada.svc.cluster.local · no records (NXDOMAIN)'), titles.join('\n'));
  assert.ok(titles.some((t) => t.startsWith('db.kiada.svc.cluster.local · A ×3 · SRV ×3')), titles.join('\n'));
});
