/** DNS names written in manifests: found, resolved from the writer's namespace, checked. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest } from '../../../server/src/manifests';
import { buildCluster, makeConfig } from '../../../server/src/dns';
import { hostTokens } from '../../../server/src/refs/hostTokens';
import { dnsNameUses } from '../../../server/src/refs/dnsNames';
import { ALL_RULES, checkObjects } from '../../../server/src/checks';
import { KIADA } from '../dns/kiada';

function setup(extra: string) {
  const config = makeConfig();
  const texts = new Map<string, string>();
  const objects = [...KIADA, extra].flatMap((t, i) => {
    const f = `f${i}.yaml`;
    texts.set(f, t);
    return readManifest(t, f, { defaultNamespace: 'default' }).objects;
  });
  const cluster = buildCluster(objects, config);
  const findings = checkObjects(objects, { config, cluster, textOf: (f) => texts.get(f), withFixes: true }, ALL_RULES);
  const last = `f${KIADA.length}.yaml`;
  return { cluster, objects, findings: findings.filter((f) => f.file === last).map((f) => ({ ...f, text: extra.slice(f.range.start, f.range.end) })) };
}

const cm = (ns: string, data: Record<string, string>): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: ${ns}\ndata:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`;

test('host tokens: URLs with userinfo, ports and paths, host:port, bare words only where hosts are read', () => {
  const { objects } = setup(cm('web', { a: 'http://user:pw@quote.kiada:80/x?y', b: 'quote.kiada.svc.cluster.local:80', c: 'plain words here', d: 'redis://cache:6379' }));
  const o = objects[objects.length - 2]!;
  const hosts = hostTokens(o).map((t) => `${t.host}${t.port ? ':' + t.port : ''}`);
  assert.ok(hosts.includes('quote.kiada:80'));
  assert.ok(hosts.includes('quote.kiada.svc.cluster.local:80'));
  assert.ok(hosts.includes('cache:6379'));
});

test('resolution uses the writer namespace and the search path', () => {
  const { objects, cluster } = setup(cm('kiada', { a: 'http://quote/x', b: 'quote.kiada', c: '_http._tcp.kiada.kiada.svc.cluster.local' }));
  const uses = dnsNameUses(objects[objects.length - 2]!, cluster);
  assert.deepEqual(
    uses.map((u) => [u.token.host, u.resolution.hit?.name]),
    [
      ['quote', 'quote.kiada.svc.cluster.local.'],
      ['quote.kiada', 'quote.kiada.svc.cluster.local.'],
      ['_http._tcp.kiada.kiada.svc.cluster.local', '_http._tcp.kiada.kiada.svc.cluster.local.'],
    ],
  );
});

test('the chapter examples reference their Services correctly: no DNS-name findings', () => {
  const { findings } = setup('');
  assert.deepEqual(findings.filter((f) => f.code.startsWith('dns-name')), []);
});

test('a typo gets "did you mean", at the exact host, with a quick fix on the Service label', () => {
  const text = cm('web', { QUOTE_URL: 'http://quot.kiada:80/quote' });
  const { findings } = setup(text);
  const f = findings.find((x) => x.code === 'dns-name-unresolved')!;
  assert.ok(f, JSON.stringify(findings));
  assert.equal(f.text, 'quot.kiada');
  assert.match(f.message, /Did you mean quote/);
  const edit = f.fixes![0]!.edits[0]!;
  assert.equal(text.slice(edit.range.start, edit.range.end), 'quot');
  assert.equal(edit.newText, 'quote');
});

test('a short name from another namespace: write quote.kiada', () => {
  const { findings } = setup(cm('web', { Q: 'http://quote:80/' }));
  const f = findings.find((x) => x.code === 'dns-name-wrong-namespace')!;
  assert.match(f.message, /write quote\.kiada|Write quote\.kiada/);
  assert.equal(f.fixes![0]!.edits[0]!.newText, 'quote.kiada');
});

test('a port the Service does not expose, including the scheme default', () => {
  const { findings } = setup(cm('web', { a: 'http://quote.kiada:8080/', b: 'https://quote.kiada/', c: 'http://quote.kiada/' }));
  const ports = findings.filter((x) => x.code === 'dns-name-port-unknown');
  assert.equal(ports.length, 2);
  assert.ok(ports.some((p) => /443 \(the https:\/\/ default\)/.test(p.message)));
});

test('names outside the cluster zone and unknown namespaces are left alone; ordinary words are not names', () => {
  const { findings } = setup(cm('web', { a: 'https://worldtimeapi.org/api', b: 'http://db.other-ns:5432', c: 'quote the text', d: 'foo.bar.svc.cluster.local' }));
  assert.deepEqual(findings.filter((f) => f.code.startsWith('dns-name')), []);
});
