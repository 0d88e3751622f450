/** The rulebook (dns-rules.md), rule by rule. Section numbers refer to it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { additional, ask, clusterOf, data } from './helpers';
import { KIADA } from './kiada';

const kiada = clusterOf(KIADA);

const svc = (name: string, spec: string, ns = 'testns'): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${spec}\n---\n`;
const slice = (svcName: string, body: string, ns = 'testns', name = `${svcName}-abc`): string =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n    kubernetes.io/service-name: ${svcName}\n${body}\n---\n`;

test('§3.1 AAAA on an IPv4-only Service is NODATA with the SOA in authority', () => {
  const a = ask(kiada, 'quote.kiada.svc.cluster.local', 'AAAA');
  assert.equal(a.rcode, 'NOERROR');
  assert.equal(a.answer.length, 0);
  assert.equal(a.authority[0]?.type, 'SOA');
  assert.match(a.authority[0]!.data, /^ns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30$/);
});

test('§3.1 the port/protocol prefix is accepted for A too; wrong protocol or port is NXDOMAIN', () => {
  assert.deepEqual(data(ask(kiada, '_http._tcp.quote.kiada.svc.cluster.local', 'A')), ['A 10.96.161.97']);
  assert.equal(ask(kiada, '_http._udp.quote.kiada.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, '_https._tcp.quote.kiada.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
  // One leading underscore is stripped from each label: `http.tcp` works too.
  assert.deepEqual(data(ask(kiada, 'http.tcp.quote.kiada.svc.cluster.local', 'SRV')), ['SRV 0 100 80 quote.kiada.svc.cluster.local.']);
});

test('§3.1 TXT, MX, CNAME on a Service are NODATA; PTR of the cluster IP names the Service', () => {
  for (const t of ['TXT', 'MX', 'CNAME', 'ANY', 'PTR']) {
    const a = ask(kiada, 'quote.kiada.svc.cluster.local', t);
    assert.equal(a.rcode, 'NOERROR', t);
    assert.equal(a.answer.length, 0, t);
  }
  assert.deepEqual(data(ask(kiada, '97.161.96.10.in-addr.arpa', 'PTR')), ['PTR quote.kiada.svc.cluster.local.']);
});

test('§3.2 a dual-stack Service: A and AAAA, one SRV of weight 50, both addresses in additional', () => {
  const c = clusterOf(svc('svc-dual-stack', '  clusterIPs: [10.0.0.3, "10::3"]\n  ipFamilies: [IPv4, IPv6]\n  ports:\n  - name: http\n    port: 80'));
  const n = 'svc-dual-stack.testns.svc.cluster.local';
  assert.deepEqual(data(ask(c, n, 'A')), ['A 10.0.0.3']);
  assert.deepEqual(data(ask(c, n, 'AAAA')), ['AAAA 10::3']);
  const srv = ask(c, n, 'SRV');
  assert.deepEqual(data(srv), ['SRV 0 50 80 svc-dual-stack.testns.svc.cluster.local.']);
  assert.deepEqual(additional(srv), [`${n}. A 10.0.0.3`, `${n}. AAAA 10::3`]);
});

test('§3.4 same port under two protocols: one bare-name record for 53, weights over all three candidates', () => {
  const c = clusterOf(
    svc('kube-dns', '  clusterIP: 10.96.0.10\n  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53, protocol: TCP}\n  - {name: metrics, port: 9153, protocol: TCP}', 'kube-system'),
  );
  const a = ask(c, 'kube-dns.kube-system.svc.cluster.local', 'SRV');
  assert.deepEqual(data(a), ['SRV 0 33 53 kube-dns.kube-system.svc.cluster.local.', 'SRV 0 33 9153 kube-dns.kube-system.svc.cluster.local.']);
  assert.deepEqual(data(ask(c, '_dns._udp.kube-dns.kube-system.svc.cluster.local', 'SRV')), ['SRV 0 100 53 kube-dns.kube-system.svc.cluster.local.']);
  assert.equal(ask(c, '_dns._tcp.kube-dns.kube-system.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
});

test('§3.4 an unnamed port is in the bare-name SRV but has no _x._y name', () => {
  const c = clusterOf(svc('web', '  clusterIP: 10.0.0.9\n  ports:\n  - port: 8080'));
  assert.deepEqual(data(ask(c, 'web.testns.svc.cluster.local', 'SRV')), ['SRV 0 100 8080 web.testns.svc.cluster.local.']);
});

test('§3.4 a Service without ports: A works, SRV is NODATA at the bare name and NXDOMAIN for _x._y', () => {
  const c = clusterOf(svc('noports', '  clusterIP: 10.0.0.8'));
  assert.deepEqual(data(ask(c, 'noports.testns.svc.cluster.local', 'A')), ['A 10.0.0.8']);
  const srv = ask(c, 'noports.testns.svc.cluster.local', 'SRV');
  assert.equal(srv.rcode, 'NOERROR');
  assert.equal(srv.answer.length, 0);
  assert.equal(ask(c, '_http._tcp.noports.testns.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
});

test('§3.5 headless: endpoint names, hostnames, duplicate hostnames and weights over all addresses', () => {
  const c = clusterOf(
    svc('hdls1', '  clusterIP: None\n  ports:\n  - {name: http, port: 80}') +
      slice(
        'hdls1',
        'addressType: IPv4\nports:\n- {name: http, port: 8080, protocol: TCP}\nendpoints:\n' +
          '- {addresses: [172.0.0.2]}\n- {addresses: [172.0.0.3], hostname: dup-name}\n- {addresses: [172.0.0.4], hostname: dup-name}\n' +
          '- {addresses: [172.0.0.5], hostname: dup-name}\n- {addresses: [172.0.0.6]}\n- {addresses: [172.0.0.7], conditions: {ready: true}}\n' +
          '- {addresses: [172.0.0.8], conditions: {ready: false}}',
      ),
  );
  const srv = ask(c, '_http._tcp.hdls1.testns.svc.cluster.local', 'SRV');
  // 6 served addresses, 3 share a hostname: weight floor(100/6) = 16, de-duplicated to 4 records.
  assert.deepEqual(data(srv), [
    'SRV 0 16 8080 10-0-0-2.hdls1.testns.svc.cluster.local.'.replace('10-0-0-2', '172-0-0-2'),
    'SRV 0 16 8080 172-0-0-6.hdls1.testns.svc.cluster.local.',
    'SRV 0 16 8080 172-0-0-7.hdls1.testns.svc.cluster.local.',
    'SRV 0 16 8080 dup-name.hdls1.testns.svc.cluster.local.',
  ]);
  assert.equal(srv.additional.filter((r) => r.name.startsWith('dup-name')).length, 3);
  assert.deepEqual(data(ask(c, 'dup-name.hdls1.testns.svc.cluster.local', 'A')), ['A 172.0.0.3', 'A 172.0.0.4', 'A 172.0.0.5']);
  // Not ready: not served anywhere.
  assert.equal(ask(c, '172-0-0-8.hdls1.testns.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.ok(!data(ask(c, 'hdls1.testns.svc.cluster.local', 'A')).includes('A 172.0.0.8'));
});

test('§3.5 headless with no ready endpoint: NXDOMAIN for the name and its ports', () => {
  const c = clusterOf(
    svc('unready', '  clusterIP: None\n  ports:\n  - {name: http, port: 80}') +
      slice('unready', 'addressType: IPv4\nports:\n- {name: http, port: 80}\nendpoints:\n- {addresses: [10.1.0.1], conditions: {ready: false}}'),
  );
  for (const [n, t] of [['unready.testns.svc.cluster.local', 'A'], ['unready.testns.svc.cluster.local', 'SRV'], ['_http._tcp.unready.testns.svc.cluster.local', 'SRV']] as const) {
    assert.equal(ask(c, n, t).rcode, 'NXDOMAIN', `${n} ${t}`);
  }
});

test('§3.5 IPv6 endpoint names: colons become dashes, a trailing :: gets a 0', () => {
  const c = clusterOf(
    svc('v6', '  clusterIP: None\n  ipFamilies: [IPv6]') + slice('v6', 'addressType: IPv6\nendpoints:\n- {addresses: ["5678:abcd::1"]}\n- {addresses: ["2001:db8::"]}'),
  );
  assert.deepEqual(data(ask(c, '5678-abcd--1.v6.testns.svc.cluster.local', 'AAAA')), ['AAAA 5678:abcd::1']);
  assert.deepEqual(data(ask(c, '2001-db8--0.v6.testns.svc.cluster.local', 'AAAA')), ['AAAA 2001:db8::']);
  assert.equal(ask(c, 'v6.testns.svc.cluster.local', 'A').answer.length, 0);
});

test('§3.6 selectorless headless Service served from mirrored Endpoints; notReadyAddresses are not served', () => {
  const eps =
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\n  namespace: testns\nsubsets:\n- addresses:\n  - {ip: 10.9.0.1, hostname: db-a}\n  - {ip: 10.9.0.2}\n  notReadyAddresses:\n  - {ip: 10.9.0.3}\n  ports:\n  - {name: pg, port: 5432}\n';
  const c = clusterOf(svc('ext', '  clusterIP: None\n  ports:\n  - {name: pg, port: 5432}') + eps);
  assert.deepEqual(data(ask(c, 'ext.testns.svc.cluster.local', 'A')), ['A 10.9.0.1', 'A 10.9.0.2']);
  assert.deepEqual(data(ask(c, 'db-a.ext.testns.svc.cluster.local', 'A')), ['A 10.9.0.1']);
  assert.deepEqual(data(ask(c, '_pg._tcp.ext.testns.svc.cluster.local', 'SRV')), [
    'SRV 0 50 5432 10-9-0-2.ext.testns.svc.cluster.local.',
    'SRV 0 50 5432 db-a.ext.testns.svc.cluster.local.',
  ]);
});

test('§1.2 Endpoints with the skip-mirror label are not mirrored', () => {
  const eps =
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\n  namespace: testns\n  labels: {endpointslice.kubernetes.io/skip-mirror: "true"}\nsubsets:\n- addresses: [{ip: 10.9.0.1}]\n';
  const c = clusterOf(svc('ext', '  clusterIP: None') + eps);
  assert.equal(ask(c, 'ext.testns.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
});

test('§3.7 endpoint names of a ClusterIP Service resolve in CoreDNS', () => {
  const c = clusterOf(svc('svc1', '  clusterIP: 10.0.0.1\n  ports:\n  - {name: http, port: 80}') + slice('svc1', 'addressType: IPv4\nendpoints:\n- {addresses: [172.0.0.1], hostname: ep1a}'));
  assert.deepEqual(data(ask(c, 'ep1a.svc1.testns.svc.cluster.local', 'A')), ['A 172.0.0.1']);
  assert.deepEqual(data(ask(c, '1.0.0.172.in-addr.arpa', 'PTR')), ['PTR ep1a.svc1.testns.svc.cluster.local.']);
});

test('§3.8 ExternalName: CNAME with trailing dot, SRV NODATA, names below NX, IP target NX', () => {
  const c = clusterOf(
    svc('ext', '  type: ExternalName\n  externalName: example.com.') +
      svc('ipext', '  type: ExternalName\n  externalName: 1.2.3.4') +
      svc('inzone', '  type: ExternalName\n  externalName: svc1.testns.svc.cluster.local') +
      svc('svc1', '  clusterIP: 10.0.0.1'),
  );
  assert.deepEqual(data(ask(c, 'ext.testns.svc.cluster.local', 'CNAME')), ['CNAME example.com.']);
  const srv = ask(c, 'ext.testns.svc.cluster.local', 'SRV');
  assert.equal(srv.rcode, 'NOERROR');
  assert.equal(srv.answer.length, 0);
  assert.equal(ask(c, '_http._tcp.ext.testns.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
  assert.equal(ask(c, 'www.ext.testns.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.equal(ask(c, 'ext.testns.svc.cluster.local', 'TXT').answer.length, 0);
  for (const t of ['A', 'CNAME', 'TXT']) assert.equal(ask(c, 'ipext.testns.svc.cluster.local', t).rcode, 'NXDOMAIN', t);
  // An in-zone target is followed by CoreDNS itself.
  assert.deepEqual(data(ask(c, 'inzone.testns.svc.cluster.local', 'A')), ['A 10.0.0.1', 'CNAME svc1.testns.svc.cluster.local.']);
});

test('§3.9 pod records by mode', () => {
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: podns}\n---\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: podns}\nstatus: {podIP: 10.244.0.5}\n';
  const name = '10-244-0-5.podns.pod.cluster.local';
  assert.deepEqual(data(ask(clusterOf(ns + pod), name, 'A')), ['A 10.244.0.5']);
  assert.deepEqual(data(ask(clusterOf(ns), '1-2-3-4.podns.pod.cluster.local', 'A')), ['A 1.2.3.4'], 'insecure answers any IP');
  assert.equal(ask(clusterOf(ns), '1-2-3-4.nons.pod.cluster.local', 'A').rcode, 'NXDOMAIN', 'namespace must exist');
  assert.equal(ask(clusterOf(ns), 'blah.podns.pod.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.equal(ask(clusterOf(ns), '010-0-0-1.podns.pod.cluster.local', 'A').rcode, 'NXDOMAIN', 'leading zeros');
  assert.equal(ask(clusterOf(ns), '1-2-3-4.podns.pod.cluster.local', 'AAAA').answer.length, 0);
  assert.deepEqual(data(ask(clusterOf(ns), 'fd00-10-244--5.podns.pod.cluster.local', 'AAAA')), ['AAAA fd00:10:244::5']);
  assert.equal(ask(clusterOf(ns + pod, { podRecords: 'disabled' }), name, 'A').rcode, 'NXDOMAIN');
  assert.deepEqual(data(ask(clusterOf(ns + pod, { podRecords: 'verified' }), name, 'A')), ['A 10.244.0.5']);
  assert.equal(ask(clusterOf(ns, { podRecords: 'verified' }), name, 'A').rcode, 'NXDOMAIN');
});

test('§3.10 PTR: unknown addresses fall through to upstream', () => {
  const a = ask(kiada, '1.1.1.10.in-addr.arpa', 'PTR');
  assert.equal(a.rcode, 'NXDOMAIN');
  assert.equal(a.forwarded, true);
  assert.deepEqual(data(ask(kiada, '9.2.244.10.in-addr.arpa', 'PTR')), ['PTR 10-244-2-9.quote-headless.kiada.svc.cluster.local.']);
});

test('§3.11 zone-level names: dns-version, apex, svc, namespaces, SOA anywhere else', () => {
  const v = ask(kiada, 'dns-version.cluster.local', 'TXT');
  assert.deepEqual(data(v), ['TXT "1.1.0"']);
  assert.equal(v.answer[0]!.ttl, 28800);
  assert.equal(ask(kiada, 'dns-version.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.deepEqual(data(ask(kiada, 'cluster.local', 'SOA')).length, 1);
  assert.equal(ask(kiada, 'cluster.local', 'A').rcode, 'NOERROR');
  assert.equal(ask(kiada, 'cluster.local', 'TXT').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, 'svc.cluster.local', 'A').rcode, 'NOERROR');
  assert.equal(ask(kiada, 'kiada.svc.cluster.local', 'A').rcode, 'NOERROR');
  assert.equal(ask(kiada, 'kiada.svc.cluster.local', 'TXT').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, 'nope.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  const soa = ask(kiada, 'does-not-exist.nope.svc.cluster.local', 'SOA');
  assert.equal(soa.rcode, 'NOERROR');
  assert.equal(soa.answer.length, 0);
});

test('§2 names that are too long or not under svc/pod are NXDOMAIN; matching is case-insensitive and echoes the spelling', () => {
  assert.equal(ask(kiada, 'a.b.c.quote.kiada.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, 'foo.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, 'quote.svc.kiada.cluster.local', 'A').rcode, 'NXDOMAIN');
  const a = ask(kiada, '_HtTp._TcP.QuOtE.KiAdA.SvC.cLuStEr.LoCaL', 'SRV');
  assert.equal(a.answer[0]!.name, '_HtTp._TcP.QuOtE.KiAdA.SvC.cLuStEr.LoCaL.');
  assert.equal(a.answer[0]!.data, '0 100 80 quote.kiada.svc.cLuStEr.LoCaL.');
});

test('§7 a namespace without objects does not exist; a Service in it is NXDOMAIN', () => {
  assert.equal(ask(kiada, 'quote.other.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  assert.equal(ask(kiada, 'quote2.kiada.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  // Built-in namespaces exist in every cluster.
  assert.equal(ask(kiada, 'default.svc.cluster.local', 'A').rcode, 'NOERROR');
});

test('§7.11 ignore empty_service: a ClusterIP Service without ready endpoints is NXDOMAIN', () => {
  const c = clusterOf(svc('lonely', '  clusterIP: 10.0.0.4\n  ports:\n  - {name: http, port: 80}'), { ignoreEmptyService: true });
  assert.equal(ask(c, 'lonely.testns.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  const served = clusterOf(svc('lonely', '  clusterIP: 10.0.0.4') + slice('lonely', 'addressType: IPv4\nendpoints:\n- addresses: [10.1.1.1]'), { ignoreEmptyService: true });
  assert.deepEqual(data(ask(served, 'lonely.testns.svc.cluster.local', 'A')), ['A 10.0.0.4']);
});

test('§13 endpoint_pod_names names endpoints after their pods (under 64 characters)', () => {
  const long = 'p'.repeat(64);
  const c = clusterOf(
    svc('headless-1', '  clusterIP: None') +
      slice('headless-1', `addressType: IPv4\nendpoints:\n- {addresses: [10.2.0.1], targetRef: {kind: Pod, name: test-name}}\n- {addresses: [10.2.0.2], targetRef: {kind: Pod, name: ${long}}}`),
    { endpointPodNames: true },
  );
  assert.deepEqual(data(ask(c, 'test-name.headless-1.testns.svc.cluster.local', 'A')), ['A 10.2.0.1']);
  assert.deepEqual(data(ask(c, '10-2-0-2.headless-1.testns.svc.cluster.local', 'A')), ['A 10.2.0.2']);
});

test('§4 SRV weight is at least 1 for more than 100 candidates', () => {
  const eps = Array.from({ length: 120 }, (_, i) => `- {addresses: [10.3.${Math.floor(i / 200)}.${i + 1}]}`).join('\n');
  const c = clusterOf(svc('big', '  clusterIP: None\n  ports:\n  - {name: http, port: 80}') + slice('big', `addressType: IPv4\nports:\n- {name: http, port: 80}\nendpoints:\n${eps}`));
  const a = ask(c, '_http._tcp.big.testns.svc.cluster.local', 'SRV');
  assert.equal(a.answer.length, 120);
  assert.ok(a.answer.every((r) => r.data.startsWith('0 1 80 ')));
});

test('§6 the TTL follows the configuration', () => {
  const c = clusterOf(KIADA, { ttl: 5 });
  assert.equal(ask(c, 'quote.kiada.svc.cluster.local').answer[0]!.ttl, 5);
  assert.equal(ask(c, 'quote.kiada.svc.cluster.local', 'AAAA').authority[0]!.ttl, 5);
});

test('a custom cluster domain', () => {
  const c = clusterOf(KIADA, { zone: 'corp.example.' });
  assert.deepEqual(data(ask(c, 'quote.kiada.svc.corp.example', 'A')), ['A 10.96.161.97']);
  assert.equal(ask(c, 'quote.kiada.svc.cluster.local', 'A').forwarded, true);
});
