/**
 * Manifests Kubernetes reads (sigs.k8s.io/yaml: go-yaml, YAML 1.1, YAML-or-JSON streams) that
 * the reader once refused or misread, one test per pattern (issue 12). Each builds a small
 * manifest of the pattern; what kubectl accepts reads without problems, with exact ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, isPod, isService, isWorkload, type Service } from '../../../server/src/manifests';
import { LineOffsets } from '../../../server/src/workspace/lineOffsets';
import { ManifestFile } from '../../../server/src/workspace/manifestFile';

const opts = { defaultNamespace: 'default' };
const read = (text: string, file = 'm.yaml') => readManifest(text, file, opts);
const lazy = (text: string, file = 'm.yaml') => readManifest(text, file, { ...opts, lazySyntax: true });
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: quote
  labels:
    app: quote
spec:
  selector:
    app: quote
  ports:
  - name: http
    port: 80
`;
test('CR line breaks: a file with carriage-return-only line breaks reads like LF', () => {
  const text = `${SVC}---\n${SVC.replace('quote', 'other')}`.replace(/\n/g, '\r');
  for (const f of [read(text), lazy(text)]) {
    assert.deepEqual(f.problems, []);
    assert.deepEqual(f.objects.map((o) => o.meta.name), ['quote', 'other']);
    const svc = f.objects[1] as Service;
    assert.equal(svc.spec.ports[0]!.port, 80);
    assert.equal(slice(text, svc.source.locate(['spec', 'ports', 0, 'name'])), 'http');
    assert.equal(svc.source.docIndex, 1);
  }
});

test('CR line breaks: a lone CR counts as a line break in line numbers, as LSP counts it', () => {
  const text = 'a: 1\rb: 2\r\nc: 3\nd: 4';
  const lines = new LineOffsets(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('d')), { line: 3, character: 0 });
  assert.equal(lines.offsetAt({ line: 1, character: 3 }), text.indexOf('b') + 3);
  // A syntax error after CR-only lines is reported on its own line.
  const broken = 'apiVersion: v1\rkind: Service\rmetadata: {name: [x\r';
  const p = read(broken).problems.find((x) => x.code === 'yaml-syntax');
  assert.ok(p);
  assert.ok(new LineOffsets(broken).positionAt(p.range.start).line >= 2);
});

test('merge keys: `<<: *dns` with its own name and protocol is a whole port, located at the anchor', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  ports:
  - &dns
    name: dns
    port: 53
    protocol: UDP
  - <<: *dns
    name: dns-tcp
    protocol: TCP
`;
  for (const f of [read(text), lazy(text)]) {
    assert.deepEqual(f.problems, []);
    const svc = f.objects[0] as Service;
    assert.deepEqual(svc.spec.ports.map((p) => [p.name, p.port, p.protocol]), [['dns', 53, 'UDP'], ['dns-tcp', 53, 'TCP']]);
    // The merged port is found where it is written; the item's own fields where they are.
    assert.equal(svc.source.locate(['spec', 'ports', 1, 'port']).start, text.indexOf('53'));
    assert.equal(svc.source.locate(['spec', 'ports', 1, 'protocol']).start, text.indexOf('TCP'));
    assert.ok(svc.source.has(['spec', 'ports', 1, 'port']));
  }
});

test('merge keys: a list of merged maps, the first one winning, in a pod template', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
base: &base {app: web, tier: front}
more: &more {tier: back, team: a}
spec:
  template:
    metadata:
      labels:
        <<: [*base, *more]
    spec:
      containers: [{name: web}]
`;
  const f = read(text);
  assert.deepEqual(f.problems, []);
  const d = f.objects[0]!;
  assert.ok(isWorkload(d));
  assert.deepEqual(d.template.labels, { app: 'web', tier: 'front', team: 'a' });
  assert.equal(slice(text, d.source.locate(['spec', 'template', 'metadata', 'labels', 'team'])), 'a');
});

test('null label value: `tier: null` and `tier:` read as the empty string, as the API server coerces them', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: quote
  labels: {tier: null, app: quote}
  annotations:
    note:
spec:
  selector:
    app: quote
    tier:
  ports: [{port: 80}]
`;
  const f = read(text);
  assert.deepEqual(f.problems, []);
  const svc = f.objects[0]!;
  assert.ok(isService(svc));
  assert.deepEqual(svc.meta.labels, { tier: '', app: 'quote' });
  assert.deepEqual(svc.meta.annotations, { note: '' });
  assert.deepEqual(svc.spec.selector, { app: 'quote', tier: '' });
});

const jsonSvc = (name: string, port: number) => JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port }] } });

test('concatenated JSON objects: one per line or back to back, each its own object with its ranges', () => {
  for (const sep of ['\n', '', '\r\n  ']) {
    const text = `${jsonSvc('a', 80)}${sep}${jsonSvc('b', 81)}${sep}${JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x}{"' } }, null, 2)}\n`;
    for (const file of ['s.json', 's.yaml']) {
      for (const f of [read(text, file), lazy(text, file)]) {
        assert.deepEqual(f.problems, [], `${file} ${JSON.stringify(sep)}`);
        assert.deepEqual(f.objects.map((o) => o.meta.name), ['a', 'b', 'x}{"']);
        assert.deepEqual(f.objects.map((o) => o.source.docIndex), [0, 1, 2]);
        const b = f.objects[1]!;
        assert.equal(slice(text, b.source.locate(['spec', 'ports', 0, 'port'])), '81');
        assert.equal(slice(text, b.source.range), jsonSvc('b', 81));
      }
    }
  }
});

test('concatenated JSON objects: a broken one is reported alone; a YAML file is not taken for one', () => {
  const text = `${jsonSvc('a', 80)}\n{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "b"}, }}\n`;
  const f = read(text, 's.json');
  assert.ok(f.problems.some((p) => p.code === 'yaml-syntax'));
  const yaml = `${SVC}---\n{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}\n`;
  assert.deepEqual(read(yaml).objects.map((o) => o.meta.name), ['quote', 'n']);
});

test('concatenated JSON objects: an editor edit reads the stream again, as a fresh read does', () => {
  const text = `${jsonSvc('a', 80)}\n${jsonSvc('b', 81)}\n`;
  const f = new ManifestFile('file:///s.yaml', text, opts);
  const at = text.indexOf('"b"') + 2;
  f.applyEdit(at, at, 'c');
  assert.deepEqual(f.objects().map((o) => o.meta.name), ['a', 'bc']);
  assert.deepEqual(f.problems(), []);
  // Turning the stream into YAML (and back) re-reads it all.
  f.applyEdit(0, 0, 'x: 1\n---\n');
  assert.deepEqual(f.objects().map((o) => o.meta.name), read(f.source.toString()).objects.map((o) => o.meta.name));
  f.applyEdit(0, 'x: 1\n---\n'.length, '');
  assert.deepEqual(f.objects().map((o) => o.meta.name), ['a', 'bc']);
});

test('quoted scalar continued at the key indentation, as `kubectl get -o yaml` writes it', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    note: "first line
    second line"
    other: 'it''s
  fine'
spec:
  containers:
  - name: web
    args:
    - 'one
    two'
status:
  conditions:
  - message: 'a long message that
    continues here'
    type: Ready
    status: "True"
  message: 'a long message that
  continues here'
  phase: Running
`;
  for (const f of [read(text), lazy(text)]) {
    assert.deepEqual(f.problems, []);
    const pod = f.objects[0]!;
    assert.deepEqual(pod.meta.annotations, { note: 'first line second line', other: "it's fine" });
    assert.ok(isPod(pod) && pod.status.phase === 'Running' && pod.status.ready === true);
    assert.deepEqual((pod.raw['status'] as { message: string }).message, 'a long message that continues here');
    // Ranges point into the original text.
    assert.equal(slice(text, pod.source.locate(['status', 'phase'])), 'Running');
    assert.equal(slice(text, pod.source.locate(['metadata', 'annotations', 'other'])), "'it''s\n  fine'");
    assert.equal(slice(text, pod.source.locate(['status', 'message'])), "'a long message that\n  continues here'");
  }
});

test('quoted scalar continued at the key indentation: a quote that never closes is still reported', () => {
  const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: 'web\nspec:\n  ports: [{port: 80}]\n`;
  assert.ok(read(text).problems.some((p) => p.code === 'yaml-syntax'));
});

test('one malformed file: the first syntax error of each document, then one per other top-level field', () => {
  const tabbed = `apiVersion: v1
kind: Service
metadata:
\tname: web
\tlabels:
\t  app: web
spec:
\tports:
\t- port: 80
\t  name: http
\t- port: 81
\t  name: x
`;
  const text = `${tabbed}---\n${tabbed.replace(/\n/g, '\r')}---\n${SVC}`;
  const syntax = read(text).problems.filter((p) => p.code === 'yaml-syntax');
  // The parser reports a dozen per document; each document gets one in metadata and one in spec.
  const second = text.indexOf('---');
  const third = text.lastIndexOf('---');
  const where = syntax.map((p) => [p.range.start < second ? 0 : p.range.start < third ? 1 : 2, text.slice(p.range.start - 20, p.range.start).includes('metadata') ? 'metadata' : 'spec']);
  assert.deepEqual(where, [[0, 'metadata'], [0, 'spec'], [1, 'metadata'], [1, 'spec']]);
});

test('CR line breaks: the editor reads a CR-only file as a manifest, edit by edit', () => {
  const text = `${SVC}---\n${SVC.replace('quote', 'other')}`.replace(/\n/g, '\r');
  const f = new ManifestFile('file:///m.yaml', text, opts);
  assert.ok(f.looksLikeKubernetes);
  assert.deepEqual(f.objects().map((o) => o.meta.name), ['quote', 'other']);
  const at = text.lastIndexOf('other');
  f.applyEdit(at, at + 'other'.length, 'third');
  assert.deepEqual(f.objects().map((o) => o.meta.name), ['quote', 'third']);
  assert.deepEqual(f.problems(), []);
  const lines = new LineOffsets(f.source);
  assert.equal(lines.positionAt(f.objects()[1]!.source.locate(['metadata', 'name']).start).line, SVC.split('\n').length - 1 + 1 + 3); // the first document, `---`, then line 3
});

test('YAML 1.1 integers: 0777 is octal, 1_000 and 0b101 are numbers (so a string field rejects them)', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {size: 1_000, plain: "1_000", word: 1_a}
spec:
  ports:
  - {name: a, port: 0123}
  - {name: b, port: 0b1010000}
  - {name: c, port: 8_080}
  - {name: d, port: 080}
  - {name: e, port: -0x_1}
`;
  const f = read(text);
  const svc = f.objects[0] as Service;
  assert.deepEqual(svc.spec.ports.map((p) => p.port), [83, 80, 8080, 80, -1]);
  assert.deepEqual(svc.meta.labels, { plain: '1_000', word: '1_a' });
  assert.deepEqual(f.problems.map((p) => p.field), ['metadata.labels.size']);
});
