/** What the controllers would create, derived from manifests (dns-rules.md §1.2, §1.3), and kube-dns (§14). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ask, clusterOf, data } from './helpers';
import { KIADA } from './kiada';
import { resolveFromPod } from '../../../server/src/dns';

const headless = (name: string, selector: string, extra = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: db}\nspec:\n  clusterIP: None\n  selector: {${selector}}\n  ports:\n  - {name: pg, port: 5432, targetPort: pg}\n${extra}---\n`;
const sts = (replicas: number, serviceName: string): string =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: pg, namespace: db}\nspec:\n  serviceName: ${serviceName}\n  replicas: ${replicas}\n  selector: {matchLabels: {app: pg}}\n  template:\n    metadata: {labels: {app: pg}}\n    spec:\n      containers:\n      - name: pg\n        ports:\n        - {name: pg, containerPort: 5432}\n---\n`;

test('StatefulSet pods get stable names under their headless governing Service', () => {
  const c = clusterOf(headless('pg', 'app: pg') + sts(3, 'pg'));
  for (const i of [0, 1, 2]) {
    const a = ask(c, `pg-${i}.pg.db.svc.cluster.local`, 'A');
    assert.equal(a.rcode, 'NOERROR');
    assert.deepEqual(data(a), [`A <IP of pod pg-${i}>`]);
  }
  assert.equal(ask(c, 'pg-3.pg.db.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  const srv = ask(c, '_pg._tcp.pg.db.svc.cluster.local', 'SRV');
  assert.deepEqual(data(srv), [0, 1, 2].map((i) => `SRV 0 33 5432 pg-${i}.pg.db.svc.cluster.local.`));
});

test('StatefulSet whose serviceName names another Service: no stable names', () => {
  const c = clusterOf(headless('pg', 'app: pg') + sts(2, 'other'));
  assert.equal(ask(c, 'pg-0.pg.db.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  // Its pods still back the Service's own name.
  assert.equal(ask(c, 'pg.db.svc.cluster.local', 'A').answer.length, 2);
});

test('Pods in the input: readiness, publishNotReadyAddresses, hostname only with a matching subdomain', () => {
  const pod = (name: string, ip: string, ready: boolean, extra = ''): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: db, labels: {app: pg}}\nspec:\n${extra}  containers:\n  - name: pg\n    ports: [{name: pg, containerPort: 5432}]\nstatus:\n  podIP: ${ip}\n  conditions: [{type: Ready, status: "${ready ? 'True' : 'False'}"}]\n---\n`;
  const pods = pod('a', '10.4.0.1', true, '  hostname: alpha\n  subdomain: pg\n') + pod('b', '10.4.0.2', false) + pod('c', '10.4.0.3', true, '  hostname: gamma\n  subdomain: other\n');
  const c = clusterOf(headless('pg', 'app: pg') + pods);
  assert.deepEqual(data(ask(c, 'pg.db.svc.cluster.local', 'A')), ['A 10.4.0.1', 'A 10.4.0.3']);
  assert.deepEqual(data(ask(c, 'alpha.pg.db.svc.cluster.local', 'A')), ['A 10.4.0.1']);
  assert.equal(ask(c, 'gamma.pg.db.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  const all = clusterOf(headless('pg', 'app: pg', '  publishNotReadyAddresses: true\n') + pods);
  assert.equal(ask(all, 'pg.db.svc.cluster.local', 'A').answer.length, 3);
});

test('a named targetPort that a pod does not declare leaves that port out of its slice', () => {
  const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: db, labels: {app: pg}}\nspec:\n  containers:\n  - name: pg\nstatus: {podIP: 10.4.0.9}\n`;
  const c = clusterOf(headless('pg', 'app: pg') + pod);
  assert.deepEqual(data(ask(c, 'pg.db.svc.cluster.local', 'A')), ['A 10.4.0.9']);
  assert.equal(ask(c, '_pg._tcp.pg.db.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
});

test('a ClusterIP Service without clusterIP still has its A record, with a placeholder', () => {
  const c = clusterOf('apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec:\n  ports: [{port: 80}]\n');
  assert.deepEqual(data(ask(c, 's.a.svc.cluster.local', 'A')), ['A <cluster IP assigned on creation>']);
});

test('a headless Service selecting a Deployment of 3 replicas: 3 A records with unknown IPs', () => {
  const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: db}\nspec:\n  replicas: 3\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web}]\n';
  const c = clusterOf(headless('web', 'app: web') + dep);
  assert.equal(ask(c, 'web.db.svc.cluster.local', 'A').answer.length, 3);
});

test('§9 search path from a pod: short names, namespaces, FQDNs and upstream names', () => {
  const c = clusterOf(KIADA);
  assert.equal(resolveFromPod(c, 'quote', 'kiada').hit?.name, 'quote.kiada.svc.cluster.local.');
  const qk = resolveFromPod(c, 'quote.kiada', 'kiada');
  assert.equal(qk.tries[0]!.answer.rcode, 'NXDOMAIN');
  assert.equal(qk.hit?.name, 'quote.kiada.svc.cluster.local.');
  assert.equal(resolveFromPod(c, 'quote.kiada.svc', 'kiada').tries.length, 3);
  assert.equal(resolveFromPod(c, 'quote.kiada.svc.cluster.local', 'kiada').tries.length, 4);
  assert.equal(resolveFromPod(c, 'quote.kiada.svc.cluster.local.', 'kiada').tries.length, 1);
  const fromDefault = resolveFromPod(c, 'quote', 'default');
  assert.equal(fromDefault.hit, undefined);
  assert.equal(fromDefault.upstream, true);
  assert.equal(resolveFromPod(c, 'worldtimeapi.org', 'kiada').upstream, true);
});

test('§14 kube-dns: priority 10, no endpoint names for ClusterIP Services, no dns-version, ANY refused, IP ExternalName answered', () => {
  const ext = 'apiVersion: v1\nkind: Service\nmetadata: {name: ipext, namespace: kiada}\nspec: {type: ExternalName, externalName: 1.2.3.4}\n';
  const c = clusterOf([...KIADA, ext], { flavor: 'kube-dns' });
  assert.deepEqual(data(ask(c, '_http._tcp.kiada.kiada.svc.cluster.local', 'SRV')), ['SRV 10 100 80 kiada.kiada.svc.cluster.local.']);
  assert.equal(ask(c, 'dns-version.cluster.local', 'TXT').rcode, 'NXDOMAIN');
  assert.equal(ask(c, 'quote.kiada.svc.cluster.local', 'ANY').rcode, 'REFUSED');
  assert.deepEqual(data(ask(c, 'ipext.kiada.svc.cluster.local', 'A')), ['A 1.2.3.4']);
  assert.deepEqual(data(ask(c, 'time-api.kiada.svc.cluster.local', 'SRV')), ['SRV 10 100 0 worldtimeapi.org.']);
  // kube-dns reads core/v1 Endpoints only: the hand-written slice is invisible to it.
  assert.equal(ask(c, 'quote-headless.kiada.svc.cluster.local', 'A').answer.every((r) => r.data.startsWith('<')), true);
});
