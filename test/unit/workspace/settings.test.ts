/** Settings from the client: valid values taken, each invalid one named in a message and replaced by its default. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSE_PROBLEM_CODES } from '../../../server/src/manifests/types';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/workspace/settings';

test('valid settings are taken as they are, without messages', () => {
  const r = readSettings({
    clusterDomain: 'Corp.Example.',
    defaultNamespace: 'kiada',
    dnsFlavor: 'kube-dns',
    podRecords: 'verified',
    endpointPodNames: true,
    ignoreEmptyService: true,
    ttl: 5,
    exclude: ['charts/**'],
    checks: { 'svc-port-unnamed-no-srv': 'off', 'yaml-syntax': 'warning' },
  });
  assert.deepEqual(r.problems, []);
  assert.equal(r.settings.clusterDomain, 'corp.example');
  assert.equal(r.settings.dnsFlavor, 'kube-dns');
  assert.deepEqual(r.settings.checks, { 'svc-port-unnamed-no-srv': 'off', 'yaml-syntax': 'warning' });
});

test('absent or empty settings are the defaults, without messages', () => {
  assert.deepEqual(readSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  assert.deepEqual(readSettings({ clusterDomain: '', defaultNamespace: null, checks: {} }), { settings: DEFAULT_SETTINGS, problems: [] });
});

test('each invalid value is named, with the value used instead', () => {
  const r = readSettings({
    clusterDomain: 'a..b',
    defaultNamespace: 'UPPER',
    dnsFlavor: 'bind',
    podRecords: 'all',
    endpointPodNames: 'yes',
    ttl: 1.5,
    exclude: 'charts/**',
    checks: { nope: 'off', 'svc-port-unnamed-no-srv': 'fatal' },
  });
  assert.deepEqual(r.settings, DEFAULT_SETTINGS);
  assert.deepEqual(r.problems, [
    'k8sDns.clusterDomain "a..b" is not a DNS name; using "cluster.local".',
    'k8sDns.defaultNamespace "UPPER" is not a namespace name (a DNS-1123 label); using "default".',
    'k8sDns.dnsFlavor "bind" is not coredns or kube-dns; using "coredns".',
    'k8sDns.podRecords "all" is not disabled, insecure or verified; using "insecure".',
    'k8sDns.endpointPodNames "yes" is not true or false; using false.',
    'k8sDns.ttl 1.5 is not a whole number of seconds from 0 to 3600; using 30.',
    'k8sDns.exclude "charts/**" is not a list of glob patterns; using [].',
    'k8sDns.checks names no check "nope" (the codes are in docs/checks.md and on each diagnostic); it is ignored.',
    'k8sDns.checks.svc-port-unnamed-no-srv "fatal" is not one of off, error, warning, info, hint; it is ignored.',
  ]);
});

test('every code the manifest reader reports can be set in k8sDns.checks', () => {
  const dir = join(__dirname, '../../../server/src/manifests');
  const emitted = new Set<string>();
  for (const f of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'((?:yaml|manifest|helm)-[a-z-]+)'/g)) emitted.add(m[1]!);
  }
  assert.deepEqual([...emitted].sort(), [...PARSE_PROBLEM_CODES].sort());
  for (const code of emitted) assert.deepEqual(readSettings({ checks: { [code]: 'off' } }).problems, [], code);
});

test('exclude globs that would make matching a path take minutes are refused, each named; the others are kept', () => {
  const bad = ['*a*a*a*a*a*a*a*a*a*b', 'charts/+(a|aa)b', '**/@(x|y).yaml', '{a,b}{c,d}{e,f}{g,h}', 'f{1..100000}.yaml', 'x'.repeat(1001)];
  const good = ['charts/**', '**/*.tpl', '*-values*.yaml', '**/templates/**', '{a,b}/*.{yaml,yml}', 'a\\*b\\*c\\*d\\*e*', 'weird(name).yaml'];
  const r = readSettings({ exclude: [...good, ...bad] });
  assert.deepEqual(r.settings.exclude, good);
  assert.equal(r.problems.length, bad.length, r.problems.join('\n'));
  assert.match(r.problems[0]!, /^k8sDns\.exclude "\*a\*a\*a\*a\*a\*a\*a\*a\*a\*b" has more than 3 \* wildcards in the path segment .*; it is ignored\.$/);
  assert.match(r.problems[1]!, /uses an extglob \(\+\(…\)/);
  assert.match(r.problems[3]!, /more than 3 brace lists/);
  assert.match(r.problems[4]!, /numeric range/);
});

test('clusterDnsService: namespace/name, else a message and the kubeadm default', () => {
  assert.deepEqual(readSettings({ clusterDnsService: 'dns/coredns' }).settings.clusterDnsService, 'dns/coredns');
  for (const bad of ['kube-dns', 'a/b/c', 'Kube-System/kube-dns', 7]) {
    const r = readSettings({ clusterDnsService: bad });
    assert.equal(r.settings.clusterDnsService, 'kube-system/kube-dns');
    assert.deepEqual(r.problems, [`k8sDns.clusterDnsService ${JSON.stringify(bad)} is not namespace/name (two DNS-1123 labels); using "kube-system/kube-dns".`]);
  }
});
