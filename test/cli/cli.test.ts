/** The built `k8s-dns` CLI, run as a user would run it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../out/cli.js');
const EXAMPLES = join(__dirname, '../../examples');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('query --json prints exactly one object in the documented shape', () => {
  const r = run('query', 'kiada.kiada.svc.cluster.local', 'SRV', '-f', EXAMPLES, '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.question, { name: 'kiada.kiada.svc.cluster.local.', type: 'SRV' });
  assert.equal(j.rcode, 'NOERROR');
  assert.deepEqual(
    j.answer.map((a: { data: string }) => a.data).sort(),
    ['0 50 443 kiada.kiada.svc.cluster.local.', '0 50 80 kiada.kiada.svc.cluster.local.'],
  );
  assert.deepEqual(j.additional, [{ name: 'kiada.kiada.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.7.83' }]);
});

test('query: NXDOMAIN is an answer (exit 0); the type defaults to A; options change answers', () => {
  const nx = JSON.parse(run('query', 'nope.kiada.svc.cluster.local', '-f', EXAMPLES, '--json').stdout);
  assert.equal(nx.rcode, 'NXDOMAIN');
  assert.equal(nx.question.type, 'A');
  const ttl = JSON.parse(run('query', 'quote.kiada.svc.example.org', '-f', EXAMPLES, '--cluster-domain', 'example.org', '--ttl', '5', '--json').stdout);
  assert.deepEqual(ttl.answer, [{ name: 'quote.kiada.svc.example.org.', type: 'A', ttl: 5, data: '10.96.161.97' }]);
  const text = run('query', '_http._tcp.kiada.kiada.svc.cluster.local', 'srv', '-f', EXAMPLES);
  assert.match(text.stdout, /ANSWER SECTION:\n_http\._tcp\.kiada\.kiada\.svc\.cluster\.local\.\s+30 IN SRV\s+0 100 80 kiada\.kiada\.svc\.cluster\.local\./);
});

test('records lists every record with the object and line it comes from', () => {
  const r = run('records', '-f', join(EXAMPLES, 'kiada'), '--json');
  assert.equal(r.code, 0);
  const recs = JSON.parse(r.stdout).records as { name: string; type: string; data: string; object?: { kind: string; name: string; file: string; line: number } }[];
  const quote = recs.find((x) => x.name === 'quote.kiada.svc.cluster.local.' && x.type === 'A');
  assert.equal(quote?.data, '10.96.161.97');
  assert.equal(quote?.object?.kind, 'Service');
  assert.equal(quote?.object?.line, 2);
  assert.ok(recs.some((x) => x.type === 'TXT' && x.name === 'dns-version.cluster.local.'));
});

test('zone prints a zone file with SOA and NS', () => {
  const r = run('zone', '-f', join(EXAMPLES, 'kiada'));
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^\$ORIGIN cluster\.local\.$/m);
  assert.match(r.stdout, /^cluster\.local\.\t30\tIN\tSOA\tns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. /m);
  assert.match(r.stdout, /^cluster\.local\.\t30\tIN\tNS\t/m);
  assert.match(r.stdout, /^quote\.kiada\.svc\.cluster\.local\.\t30\tIN\tA\t10\.96\.161\.97/m);
});

test('usage and I/O errors: exit 2 with one clear line, never a stack trace', () => {
  for (const args of [['query'], ['records', '-f', '/no/such/dir'], ['bogus'], ['query', 'x', 'A', '-f', EXAMPLES, '--pod-records', 'maybe'], ['query', 'x', 'WAT', '-f', EXAMPLES], ['records', '--nope']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  }
});

test('a broken file is reported but the rest still answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-'));
  writeFileSync(join(dir, 'bad.yaml'), 'kind: Service\nmetadata: {name: [oops\n');
  writeFileSync(join(dir, 'good.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: ok, namespace: a}\nspec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}\n');
  const r = run('query', 'ok.a.svc.cluster.local', '-f', dir, '--json');
  assert.equal(JSON.parse(r.stdout).answer[0].data, '10.0.0.1');
});

test('check --json: one object, 1-based positions, field paths; exit 1 on errors, 0 without', () => {
  const bad = run('check', join(EXAMPLES, 'mistakes'), '--json');
  assert.equal(bad.code, 1, bad.stderr);
  const j = JSON.parse(bad.stdout) as { diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; field?: string; message: string }[] };
  const unnamed = j.diagnostics.find((d) => d.code === 'svc-port-name-required');
  assert.ok(unnamed, JSON.stringify(j.diagnostics.map((d) => d.code)));
  assert.equal(unnamed.field, 'spec.ports[0].name');
  assert.equal(unnamed.severity, 'error');
  assert.ok(unnamed.line >= 1 && unnamed.column >= 1);
  const ip = j.diagnostics.find((d) => d.code === 'svc-external-name-ip')!;
  assert.equal(ip.severity, 'warning');
  const good = run('check', join(EXAMPLES, 'kiada'), '--json');
  assert.equal(good.code, 0);
  assert.ok((JSON.parse(good.stdout).diagnostics as { severity: string }[]).every((d) => d.severity !== 'error'));
});

test('check --format sarif is SARIF 2.1.0 with rules and locations', () => {
  const r = run('check', join(EXAMPLES, 'mistakes'), '--format', 'sarif');
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'k8s-dns');
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'svc-port-name-required'));
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'svc-port-name-required');
  assert.equal(res.level, 'error');
  assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
  assert.match(res.locations[0].physicalLocation.artifactLocation.uri, /mistakes\/services\.yaml$/);
});

test('check: the summary line ends with a newline, after findings and without any', () => {
  const bad = run('check', join(EXAMPLES, 'mistakes'));
  assert.match(bad.stderr, /\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\) in \d+ file\(s\)\n$/);
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-'));
  writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec: {clusterIP: 10.96.0.1, ports: [{name: http, port: 80}]}\n');
  const clean = run('check', dir);
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stderr, / in 1 file\(s\)\n$/);
  assert.ok(clean.stdout === '' || clean.stdout.endsWith('\n'), 'findings end with a newline too');
});

test('check: a Helm-style template and a CI workflow are not validated (the editor skips them too)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-'));
  writeFileSync(join(dir, 'etcd.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: etcd-{{cell}}\n  labels:\n    release: "{{ .Release.Name }}"\nspec:\n  clusterIP: None\n');
  writeFileSync(join(dir, 'ci.yaml'), 'on: [push]\njobs:\n  b:\n    steps:\n    - run: echo ${{ github.sha }}\n');
  const r = run('check', dir, '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => [d.file.slice(dir.length + 1), d.code]), [['etcd.yaml', 'helm-template']]);
});
