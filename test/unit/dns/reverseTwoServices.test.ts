/**
 * Regression fixture (issue #12): a reverse lookup of an endpoint IP that backs two Services
 * gets one PTR per Service, as CoreDNS answers (dns-rules.md §3.10 step 2; reverse_test
 * `99.0.0.10` → `double-ep.svc1…` and `double-ep.svc2…`), and the records and zone list both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRecords, zoneFile } from '../../../server/src/dns';
import { ask, clusterOf, data } from './helpers';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: data, labels: {app: db}}
spec: {containers: [{name: db, image: postgres}]}
status: {podIP: 10.244.1.5, conditions: [{type: Ready, status: "True"}]}
`;
const service = (name: string, clusterIP: string): string => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: data}
spec: {clusterIP: ${clusterIP}, selector: {app: db}, ports: [{name: pg, port: 5432}]}
`;
const PTR_NAME = '5.1.244.10.in-addr.arpa.';

test('endpoint IP behind two Services: one PTR per Service (a headless and a ClusterIP Service)', () => {
  const c = clusterOf([POD, service('db', 'None'), service('db-read', '10.96.0.7')]);
  assert.deepEqual(data(ask(c, PTR_NAME, 'PTR')), ['PTR 10-244-1-5.db-read.data.svc.cluster.local.', 'PTR 10-244-1-5.db.data.svc.cluster.local.']);
  const listed = allRecords(c).filter((r) => r.type === 'PTR' && r.name === PTR_NAME).map((r) => r.data).sort();
  assert.deepEqual(listed, ['10-244-1-5.db-read.data.svc.cluster.local.', '10-244-1-5.db.data.svc.cluster.local.']);
  const zone = zoneFile(c);
  for (const target of listed) assert.ok(zone.includes(`PTR\t${target}`), `the zone lists ${target}`);
});

test('endpoint IP behind two Services: hand-written slices in two namespaces, the same hostname', () => {
  const svc = (ns: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: ${ns}}\nspec: {clusterIP: None, ports: [{port: 5432}]}\n`;
  const slice = (ns: string): string => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-1, namespace: ${ns}, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
endpoints: [{addresses: [10.0.0.9], hostname: primary}]
ports: [{port: 5432}]
`;
  const c = clusterOf([svc('a'), slice('a'), svc('b'), slice('b')]);
  assert.deepEqual(data(ask(c, '9.0.0.10.in-addr.arpa.', 'PTR')), ['PTR primary.db.a.svc.cluster.local.', 'PTR primary.db.b.svc.cluster.local.']);
});

test('endpoint IP behind two Services: kube-dns keeps one PTR per IP (dns-rules.md §14)', () => {
  const c = clusterOf([POD.replace('spec: {', 'spec: {hostname: db-0, subdomain: db, '), service('db', 'None'), service('db-copy', 'None')], { flavor: 'kube-dns' });
  assert.equal(ask(c, PTR_NAME, 'PTR').answer.length, 1);
});
