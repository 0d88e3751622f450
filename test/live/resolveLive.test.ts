/**
 * Live "Resolve" against the fake API server: the cluster's objects go through the same reader
 * and engine as manifests; the answers carry the real cluster IP and pod IPs, serve only ready
 * endpoints, and the drift against the chapter's manifests is one line per difference.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadInput } from '../../server/src/cli/load';
import { parseServiceName, questionName } from '../../server/src/cli/serviceName';
import { makeConfig, query, serviceKey, type Cluster } from '../../server/src/dns';
import type { ClusterReader } from '../../server/src/live/client';
import { liveDnsSettings, parseCorefile } from '../../server/src/live/corefile';
import { serviceDrift, type LiveServiceState } from '../../server/src/live/drift';
import { LiveError } from '../../server/src/live/errors';
import { connectLive, resolveLive, type LiveResolution } from '../../server/src/live/resolveLive';
import { LiveCache } from '../../server/src/features/liveResolve';
import { readKubeObject, syntheticSource, type Service } from '../../server/src/manifests';
import { FakeKubeApi, kiadaSeed, writeKubeconfig, type KubeObjectJson } from '../support/fake-kube-api';
import { corednsConfigMap, KIADA_MANIFESTS, liveSeed } from './liveFixtures';

const FALLBACK = makeConfig({ zone: 'fallback.example', ttl: 7 });
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** The chapter's manifests as the workspace would hold them. */
function manifests(): Cluster {
  return loadInput([KIADA_MANIFESTS], makeConfig({ defaultNamespace: 'kiada' })).cluster;
}

function manifestService(name: string): Service | undefined {
  return manifests().services.get(serviceKey('kiada', name))?.service;
}

const data = (cluster: Cluster, name: string, type: string): string[] => query(cluster, name, type).answer.map((r) => r.data).sort();

async function startCluster(seed: KubeObjectJson[] = liveSeed(), timeoutMs = 5000): Promise<{ api: FakeKubeApi; reader: ClusterReader }> {
  const api = await FakeKubeApi.start({ seed });
  cleanups.push(() => api.stop());
  const kc = await writeKubeconfig(api);
  cleanups.push(kc.cleanup);
  const { reader } = await connectLive({ kubeconfig: kc.path, trusted: false, timeoutMs });
  cleanups.push(() => reader.close());
  return { api, reader };
}

describe('live Resolve of the kiada namespace', () => {
  let api: FakeKubeApi;
  let reader: ClusterReader;
  let quote: LiveResolution;
  let headless: LiveResolution;

  before(async () => {
    ({ api, reader } = await startCluster());
    [quote, headless] = await Promise.all([
      resolveLive(reader, { namespace: 'kiada', name: 'quote', fallback: FALLBACK }),
      resolveLive(reader, { namespace: 'kiada', name: 'quote-headless', fallback: FALLBACK }),
    ]);
  });

  test('reads the Service, its slices, the pods and the Corefile, with the context and server', () => {
    assert.equal(quote.context, 'fake');
    assert.equal(quote.server, api.url);
    const paths = new Set(api.requests.map((r) => r.path));
    for (const p of [
      '/api/v1/namespaces/kiada/services/quote',
      '/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices',
      '/api/v1/namespaces/kiada/pods',
      '/api/v1/namespaces/kube-system/configmaps/coredns',
    ]) {
      assert.ok(paths.has(p), `requested ${p}`);
    }
    assert.ok(api.requests.every((r) => r.method === 'GET'), 'read-only');
  });

  test('the DNS settings come from the Corefile, not the fallback', () => {
    assert.equal(quote.dns.config.zone, 'cluster.local');
    assert.equal(quote.dns.config.ttl, 30);
    assert.equal(quote.dns.config.podRecords, 'insecure');
    assert.match(quote.dns.origin, /kube-system\/coredns: zone cluster\.local, ttl 30, pods insecure/);
  });

  test('live objects are model objects from cluster:// sources', () => {
    const svc = quote.state.service;
    assert.equal(svc?.source.file, 'cluster://fake/kiada/Service/quote');
    assert.equal(quote.state.slices[0]?.source.file, 'cluster://fake/kiada/EndpointSlice/quote-x7k2p');
    assert.deepEqual(quote.state.pods.map((p) => p.meta.name), ['quote-001', 'quote-002', 'quote-003']);
  });

  test('the ClusterIP Service answers with the real cluster IP; SRV points at it', () => {
    assert.deepEqual(query(quote.cluster, 'quote.kiada.svc.cluster.local', 'A').answer.map((r) => `${r.ttl} ${r.type} ${r.data}`), ['30 A 10.96.0.21']);
    assert.deepEqual(data(quote.cluster, '_http._tcp.quote.kiada.svc.cluster.local', 'SRV'), ['0 100 80 quote.kiada.svc.cluster.local.']);
    assert.deepEqual(data(quote.cluster, '21.0.96.10.in-addr.arpa', 'PTR'), ['quote.kiada.svc.cluster.local.']);
  });

  test('endpoint names of the ClusterIP Service: ready pods only', () => {
    assert.deepEqual(data(quote.cluster, '10-244-1-7.quote.kiada.svc.cluster.local', 'A'), ['10.244.1.7']);
    assert.equal(query(quote.cluster, '10-244-3-4.quote.kiada.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  });

  test('the headless Service serves its ready endpoint and not the one that is not ready', () => {
    assert.deepEqual(data(headless.cluster, 'quote-headless.kiada.svc.cluster.local', 'A'), ['10.244.1.7']);
    assert.deepEqual(data(headless.cluster, 'quote-headless.kiada.svc.cluster.local', 'SRV'), ['0 100 8080 10-244-1-7.quote-headless.kiada.svc.cluster.local.']);
    assert.equal(query(headless.cluster, '10-244-3-4.quote-headless.kiada.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
  });

  test('drift of quote: the cluster IP and target port differ; 2 ready, 1 not ready', () => {
    const drift = serviceDrift(manifestService('quote'), quote.state);
    assert.deepEqual(drift, [
      'cluster IP differs: manifest 10.96.161.97, cluster 10.96.0.21.',
      'ports differ: manifest http 80/TCP→http; cluster http 80/TCP→8080.',
      '2 endpoints ready, 1 not ready (not served by DNS: 10.244.3.4 (pod quote-003)).',
    ]);
  });

  test('drift of quote-headless reports the endpoint that is not ready', () => {
    const drift = serviceDrift(manifestService('quote-headless'), headless.state);
    assert.ok(drift.includes('1 endpoint ready, 1 not ready (not served by DNS: 10.244.3.4 (pod quote-003)).'), drift.join('\n'));
    assert.ok(!drift.some((d) => d.startsWith('cluster IP')), 'None is None on both sides');
    // The manifest's targetPort 80 vs the cluster's 8080 is drift too.
    assert.ok(drift.includes('ports differ: manifest http 80/TCP→80; cluster http 80/TCP→8080.'), drift.join('\n'));
  });

  test('a Service missing from the cluster is NXDOMAIN there and "not in the cluster" in drift', async () => {
    const missing = await resolveLive(reader, { namespace: 'kiada', name: 'time-api', fallback: FALLBACK });
    assert.equal(missing.state.service, undefined);
    assert.equal(query(missing.cluster, 'time-api.kiada.svc.cluster.local', 'A').rcode, 'NXDOMAIN');
    assert.deepEqual(serviceDrift(manifestService('time-api'), missing.state), ['Service kiada/time-api is not in the cluster (context "fake"): its names are NXDOMAIN there.']);
  });

  test('a manifest whose cluster IP matches has no cluster IP drift', () => {
    const manifest = service({ clusterIP: '10.96.0.21', selector: { app: 'quote' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    assert.deepEqual(serviceDrift(manifest, quote.state), ['2 endpoints ready, 1 not ready (not served by DNS: 10.244.3.4 (pod quote-003)).']);
  });
});

describe('the cluster DNS settings of a live Resolve', () => {
  test('a custom Corefile: its zone, ttl and endpoint_pod_names', async () => {
    const seed = liveSeed().filter((o) => o.kind !== 'ConfigMap');
    seed.push(corednsConfigMap('.:53 {\n  kubernetes example.org in-addr.arpa {\n    pods verified\n    ttl 10\n    endpoint_pod_names\n  }\n  forward . 8.8.8.8\n}\n'));
    const { reader } = await startCluster(seed);
    const res = await resolveLive(reader, { namespace: 'kiada', name: 'quote-headless', fallback: FALLBACK });
    assert.equal(res.dns.config.zone, 'example.org');
    assert.match(res.dns.origin, /zone example\.org, ttl 10, pods verified, endpoint_pod_names/);
    assert.deepEqual(
      query(res.cluster, 'quote-headless.kiada.svc.example.org', 'SRV').answer.map((r) => `${r.ttl} ${r.data}`),
      ['10 0 100 8080 quote-001.quote-headless.kiada.svc.example.org.'],
    );
    assert.equal(query(res.cluster, 'quote-headless.kiada.svc.cluster.local', 'A').forwarded, true, 'cluster.local is not this cluster\'s zone');
  });

  test('a forbidden or missing CoreDNS ConfigMap falls back to the settings and says so', async () => {
    const { api, reader } = await startCluster();
    api.inject({ path: '/api/v1/namespaces/kube-system/configmaps/coredns', respond: { status: 403 }, times: 1 });
    const forbidden = await resolveLive(reader, { namespace: 'kiada', name: 'quote', fallback: FALLBACK });
    assert.equal(forbidden.dns.config.zone, 'fallback.example');
    assert.match(forbidden.dns.origin, /kube-system\/coredns could not be read \(forbidden\); using the settings: zone fallback\.example, ttl 7/);
    assert.deepEqual(query(forbidden.cluster, 'quote.kiada.svc.fallback.example', 'A').answer.map((r) => `${r.ttl} ${r.data}`), ['7 10.96.0.21']);
    const { reader: bare } = await startCluster(kiadaSeed().filter((o) => o.kind !== 'ConfigMap'));
    const missing = await resolveLive(bare, { namespace: 'kiada', name: 'quote', fallback: FALLBACK });
    assert.match(missing.dns.origin, /could not be read \(not found\)/);
  });
});

describe('failures of a live Resolve are one LiveError', () => {
  async function expectKind(work: Promise<unknown>, kind: LiveError['kind'], pattern: RegExp): Promise<void> {
    await assert.rejects(work, (e: unknown) => {
      assert.ok(e instanceof LiveError, `a LiveError, got ${String(e)}`);
      assert.equal(e.kind, kind, e.message);
      assert.match(e.message, pattern);
      return true;
    });
  }

  test('403 on the pods, a timeout on the slices, a cancelled lookup', async () => {
    const { api, reader } = await startCluster(liveSeed(), 400);
    const lookup = { namespace: 'kiada', name: 'quote', fallback: FALLBACK };
    api.inject({ path: '/api/v1/namespaces/kiada/pods', respond: { status: 403 }, times: 1 });
    await expectKind(resolveLive(reader, lookup), 'forbidden', /pods is forbidden/);
    api.inject({ path: '/apis/discovery.k8s.io/v1/namespaces/kiada/endpointslices', respond: 'hang', times: 1 });
    const started = Date.now();
    await expectKind(resolveLive(reader, lookup), 'timeout', /within 400 ms/);
    assert.ok(Date.now() - started < 2000, 'ends soon after the timeout');
    api.inject({ path: '/api/v1/namespaces/kiada/services/quote', respond: 'hang', times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expectKind(resolveLive(reader, { ...lookup, signal: controller.signal }), 'cancelled', /cancelled/);
    // And the reader still works afterwards.
    assert.equal((await resolveLive(reader, lookup)).state.service?.meta.name, 'quote');
  });

  test('an exec plugin in an untrusted setting is refused before anything runs', async () => {
    const api = await FakeKubeApi.start({ seed: liveSeed() });
    cleanups.push(() => api.stop());
    const kc = await writeKubeconfig(api, { user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '/bin/false' } } });
    cleanups.push(kc.cleanup);
    await expectKind(connectLive({ kubeconfig: kc.path, trusted: false }), 'untrusted-credentials', /exec credential plugin "\/bin\/false"/);
    assert.equal(api.requests.length, 0);
  });
});

/** A Service model object from a spec, as a manifest would give it. */
function service(spec: Record<string, unknown>, name = 'quote'): Service {
  const raw = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'kiada' }, spec };
  return readKubeObject(raw, syntheticSource('test.yaml', raw), { defaultNamespace: 'kiada' }).object as Service;
}

function pod(name: string, labels: Record<string, string>, phase = 'Running'): KubeObjectJson {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kiada', labels }, spec: { containers: [] }, status: { phase } };
}

function state(live: Service | undefined, pods: KubeObjectJson[] = []): LiveServiceState {
  const podObjects = pods.map((p) => readKubeObject(p, syntheticSource('p', p), { defaultNamespace: 'kiada' }).object).filter((p) => p !== undefined);
  return { namespace: 'kiada', name: live?.meta.name ?? 'quote', context: 'ctx', service: live, slices: [], pods: podObjects as LiveServiceState['pods'] };
}

describe('drift lines (pure)', () => {
  test('type, selector and externalName differences, one line each', () => {
    const m = service({ type: 'ExternalName', externalName: 'a.example.com' });
    const l = service({ type: 'ExternalName', externalName: 'b.example.com' });
    assert.deepEqual(serviceDrift(m, state(l)), ['externalName differs: manifest a.example.com, cluster b.example.com.']);
    const typed = serviceDrift(service({ type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80 }] }), state(service({ selector: { app: 'b' }, ports: [{ port: 80 }] }), [pod('b', { app: 'b' })]));
    assert.deepEqual(typed, [
      'type differs: manifest NodePort, cluster ClusterIP.',
      'selector differs: manifest app=a, cluster app=b.',
      '0 endpoints ready, 0 not ready (no EndpointSlices).',
      "The manifest's selector app=a matches no running pod in namespace kiada.",
    ]);
  });

  test('the selector matches no running pod (a finished pod does not count)', () => {
    const s = service({ selector: { app: 'quote' }, ports: [{ port: 80 }] });
    const drift = serviceDrift(s, state(s, [pod('done', { app: 'quote' }, 'Succeeded'), pod('other', { app: 'kiada' })]));
    assert.ok(drift.includes('The selector app=quote matches no running pod in namespace kiada.'), drift.join('\n'));
    assert.ok(!serviceDrift(s, state(s, [pod('up', { app: 'quote' })])).some((d) => d.includes('matches no running pod')));
  });

  test('a manifest that leaves the cluster IP and nodePort out has no drift for them', () => {
    const m = service({ type: 'NodePort', selector: { app: 'quote' }, ports: [{ name: 'http', port: 80 }] });
    const l = service({ type: 'NodePort', clusterIP: '10.96.0.9', selector: { app: 'quote' }, ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080 }] });
    assert.deepEqual(serviceDrift(m, state(l, [pod('up', { app: 'quote' })])), ['0 endpoints ready, 0 not ready (no EndpointSlices).']);
  });

  test('a live Service no manifest defines', () => {
    const l = service({ type: 'ExternalName', externalName: 'x.example.com' });
    assert.deepEqual(serviceDrift(undefined, state(l)), ['Service kiada/quote is in the cluster but no manifest defines it.']);
  });
});

describe('Corefile parsing (pure)', () => {
  test("kubeadm's Corefile", () => {
    const seed = kiadaSeed().find((o) => o.kind === 'ConfigMap')!;
    const parsed = parseCorefile((seed.data as { Corefile: string }).Corefile);
    assert.deepEqual(parsed, { zones: ['cluster.local', 'in-addr.arpa', 'ip6.arpa'], zone: 'cluster.local', podRecords: 'insecure', endpointPodNames: false, ttl: 30, ignoreEmptyService: false });
  });

  test("the plugin's own defaults, the server block's zones, comments and trailing dots", () => {
    const parsed = parseCorefile('# comment\ncorp.internal.:53 {\n  errors\n  kubernetes # no zones: the block\'s\n}\n');
    assert.deepEqual(parsed, { zones: ['corp.internal'], zone: 'corp.internal', podRecords: 'disabled', endpointPodNames: false, ttl: 5, ignoreEmptyService: false });
    const other = parseCorefile('.:53 {\n  cache 30 {\n    success 100\n  }\n  kubernetes Cluster.Local. {\n    ignore empty_service\n    ttl 99999\n  }\n}');
    assert.equal(other?.zone, 'cluster.local');
    assert.equal(other?.ignoreEmptyService, true);
    assert.equal(other?.ttl, 3600);
  });

  test('no kubernetes plugin: no stanza; the settings are used and the reason given', () => {
    assert.equal(parseCorefile('.:53 {\n  forward . /etc/resolv.conf\n}\n'), undefined);
    const s = liveDnsSettings('.:53 {\n  forward . 1.1.1.1\n}', FALLBACK);
    assert.equal(s.config, FALLBACK);
    assert.match(s.origin, /has no kubernetes zone; using the settings: zone fallback\.example/);
  });
});

describe('names and the live cache', () => {
  test('NAME: FQDN, svc.ns.svc, svc.ns, svc; prefixes kept', () => {
    assert.deepEqual(parseServiceName('quote.kiada.svc.cluster.local.', 'x'), { service: 'quote', namespace: 'kiada', prefix: [], zone: 'cluster.local' });
    assert.deepEqual(parseServiceName('quote.kiada.svc', 'x'), { service: 'quote', namespace: 'kiada', prefix: [] });
    assert.deepEqual(parseServiceName('quote.kiada', 'x'), { service: 'quote', namespace: 'kiada', prefix: [] });
    assert.deepEqual(parseServiceName('quote', 'x'), { service: 'quote', namespace: 'x', prefix: [] });
    const srv = parseServiceName('_http._tcp.quote.kiada.svc', 'x');
    assert.equal(questionName(srv, 'example.org'), '_http._tcp.quote.kiada.svc.example.org.');
    assert.throws(() => parseServiceName('a.b.c', 'x'), /not a Service name/);
  });

  test('describe says how old the last live answer is', () => {
    let now = 1_000_000;
    const cache = new LiveCache(() => now);
    assert.equal(cache.describe('kiada', 'quote'), undefined);
    cache.set('kiada', 'quote', { context: 'fake', readAt: now, summary: 'A 10.96.0.21' });
    now += 12_000;
    assert.equal(cache.describe('kiada', 'quote'), 'live (12 s ago, context "fake"): A 10.96.0.21');
    now += 30 * 60_000;
    assert.match(cache.describe('kiada', 'quote')!, /^live \(30 min ago/);
  });
});
