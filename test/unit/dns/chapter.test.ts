/** The seed chapter's answers, exactly as it prints them (dns-rules.md §15). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { additional, ask, clusterOf, data } from './helpers';
import { KIADA } from './kiada';

const c = clusterOf(KIADA);

test("quote's A record is its cluster IP", () => {
  const a = ask(c, 'quote.kiada.svc.cluster.local', 'A');
  assert.equal(a.rcode, 'NOERROR');
  assert.deepEqual(data(a), ['A 10.96.161.97']);
  assert.equal(a.answer[0]!.ttl, 30);
});

test('kiada (LoadBalancer) answers SRV with one record per port, weight 50', () => {
  const a = ask(c, 'kiada.kiada.svc.cluster.local', 'SRV');
  assert.deepEqual(data(a), ['SRV 0 50 443 kiada.kiada.svc.cluster.local.', 'SRV 0 50 80 kiada.kiada.svc.cluster.local.']);
  assert.deepEqual(additional(a), ['kiada.kiada.svc.cluster.local. A 10.96.7.83']);
});

test('_http._tcp.kiada has weight 100 and the Service port, not the targetPort', () => {
  const a = ask(c, '_http._tcp.kiada.kiada.svc.cluster.local', 'SRV');
  assert.deepEqual(data(a), ['SRV 0 100 80 kiada.kiada.svc.cluster.local.']);
});

test('the LoadBalancer Service resolves to its cluster IP only', () => {
  assert.deepEqual(data(ask(c, 'kiada.kiada.svc.cluster.local', 'A')), ['A 10.96.7.83']);
});

test('quote-headless answers the four ready pod IPs', () => {
  const a = ask(c, 'quote-headless.kiada.svc.cluster.local', 'A');
  assert.deepEqual(data(a), ['A 10.244.1.10', 'A 10.244.2.10', 'A 10.244.2.8', 'A 10.244.2.9']);
});

test('_http._tcp.quote-headless: four SRV records of weight 25 targeting dashed-IP names', () => {
  const a = ask(c, '_http._tcp.quote-headless.kiada.svc.cluster.local', 'SRV');
  assert.equal(a.answer.length, 4);
  for (const r of a.answer) assert.match(r.data, /^0 25 80 10-244-\d+-\d+\.quote-headless\.kiada\.svc\.cluster\.local\.$/);
  assert.equal(a.additional.length, 4);
});

test("time-api answers a CNAME to worldtimeapi.org.", () => {
  const a = ask(c, 'time-api.kiada.svc.cluster.local', 'A');
  assert.equal(a.rcode, 'NOERROR');
  assert.deepEqual(data(a), ['CNAME worldtimeapi.org.']);
  assert.ok(a.notes.some((n) => /upstream/.test(n)));
});

test("the chapter's `any` wildcard tip no longer works (CoreDNS >= 1.9.0)", () => {
  for (const name of ['any.kiada.svc.cluster.local', 'any.any.svc.cluster.local', '*.kiada.svc.cluster.local']) {
    const a = ask(c, name, 'SRV');
    assert.equal(a.rcode, 'NXDOMAIN', name);
    assert.ok(a.notes.some((n) => /1\.9\.0/.test(n)), name);
  }
});
