/** Property tests on the engine: invariants that hold for any valid set of objects. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCluster, makeConfig, query, allRecords, fitsDnsLimits } from '../../../server/src/dns';
import { readKubeObject, syntheticSource, type KubeObject } from '../../../server/src/manifests';

const label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/);
const longLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((p) => p.join('.'));

const port = fc.record({
  name: fc.option(fc.stringMatching(/^[a-z]([a-z0-9]{0,13}[a-z0-9])?$/), { nil: undefined }),
  port: fc.integer({ min: 1, max: 65535 }),
  protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
});

const service = fc.record({
  name: longLabel,
  namespace: longLabel,
  headless: fc.boolean(),
  clusterIP: ipv4,
  ports: fc.uniqueArray(port, { maxLength: 4, selector: (p) => `${p.port}/${p.protocol}` }),
  endpoints: fc.array(fc.record({ ip: ipv4, hostname: fc.option(label, { nil: undefined }), ready: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 6 }),
});

type GeneratedService = typeof service extends fc.Arbitrary<infer T> ? T : never;

function objectsOf(s: GeneratedService): KubeObject[] {
  // Port names must be unique within a Service; unnamed ones only when there is a single port.
  const seen = new Set<string>();
  const ports = s.ports.map((p, i) => {
    const name = s.ports.length > 1 ? `${p.name ?? 'p'}${i}` : p.name;
    if (name) seen.add(name);
    return { ...(name ? { name } : {}), port: p.port, protocol: p.protocol };
  });
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: s.namespace }, spec: { clusterIP: s.headless ? 'None' : s.clusterIP, ports } };
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${s.name}-x`, namespace: s.namespace, labels: { 'kubernetes.io/service-name': s.name } },
    addressType: 'IPv4',
    ports,
    endpoints: s.endpoints.map((e) => ({ addresses: [e.ip], ...(e.hostname ? { hostname: e.hostname } : {}), ...(e.ready === undefined ? {} : { conditions: { ready: e.ready } }) })),
  };
  const opts = { defaultNamespace: 'default' };
  return [svc, slice].map((raw) => readKubeObject(raw, syntheticSource('gen', raw), opts).object!);
}

const config = makeConfig();

test('every SRV target resolves in the same record set, with its address in the additional section', () => {
  fc.assert(
    fc.property(service, (s) => {
      const c = buildCluster(objectsOf(s), config);
      const a = query(c, `${s.name}.${s.namespace}.svc.cluster.local`, 'SRV');
      for (const r of a.answer) {
        const target = r.data.split(' ')[3]!;
        const addr = [...query(c, target, 'A').answer, ...query(c, target, 'AAAA').answer];
        assert.ok(addr.length > 0, `${target} does not resolve`);
        assert.ok(a.additional.some((x) => x.name === target), `${target} missing from additional`);
      }
    }),
    { numRuns: 300 },
  );
});

test('SRV weights are floor(100/N) over all candidates (N counts port-less and duplicate entries), at least 1, priority 0', () => {
  fc.assert(
    fc.property(service, (s) => {
      const c = buildCluster(objectsOf(s), config);
      const a = query(c, `${s.name}.${s.namespace}.svc.cluster.local`, 'SRV');
      const served = s.endpoints.filter((e) => e.ready !== false).length;
      const n = s.headless ? served * Math.max(1, s.ports.length) : Math.max(1, s.ports.length);
      for (const r of a.answer) {
        const [priority, weight] = r.data.split(' ').map(Number);
        assert.equal(priority, 0);
        assert.equal(weight, Math.max(1, Math.floor(100 / n)));
      }
    }),
    { numRuns: 300 },
  );
});

test('no generated name has a label over 63 octets or exceeds 253 characters', () => {
  fc.assert(
    fc.property(service, (s) => {
      const c = buildCluster(objectsOf(s), config);
      for (const r of allRecords(c)) {
        assert.ok(fitsDnsLimits(r.name), r.name);
        if (r.type === 'SRV' || r.type === 'CNAME' || r.type === 'PTR') assert.ok(fitsDnsLimits(r.data.split(' ').pop()!), r.data);
      }
    }),
    { numRuns: 200 },
  );
});

test('records and answers agree: every record is in the answer to its own question', () => {
  fc.assert(
    fc.property(service, (s) => {
      const c = buildCluster(objectsOf(s), config);
      for (const r of allRecords(c)) {
        const a = query(c, r.name, r.type);
        assert.equal(a.rcode, 'NOERROR');
        assert.ok(a.answer.some((x) => x.data === r.data), `${r.name} ${r.type} ${r.data}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('a not-ready endpoint address is never served', () => {
  fc.assert(
    fc.property(service, (s) => {
      const c = buildCluster(objectsOf(s), config);
      const unready = new Set(s.endpoints.filter((e) => e.ready === false).map((e) => e.ip));
      const ready = new Set(s.endpoints.filter((e) => e.ready !== false).map((e) => e.ip));
      const served = new Set(allRecords(c).filter((r) => r.type === 'A').map((r) => r.data));
      for (const ip of unready) if (!ready.has(ip) && ip !== s.clusterIP) assert.ok(!served.has(ip), ip);
    }),
    { numRuns: 200 },
  );
});
