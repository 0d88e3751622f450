/** The manifest model: documents, ranges, wrong types, Helm, adversarial input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, isService, type Service } from '../../../server/src/manifests';

const opts = { defaultNamespace: 'default' };
const read = (text: string, file = 'm.yaml') => readManifest(text, file, opts);
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: quote
  namespace: kiada
spec:
  ports:
  - name: http
    port: 80
`;

test('multi-document YAML: every object, with exact ranges for any field', () => {
  const text = `${SVC}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: kiada\n`;
  const f = read(text);
  assert.deepEqual(f.objects.map((o) => o.kind), ['Service', 'Namespace']);
  const svc = f.objects[0] as Service;
  assert.equal(slice(text, svc.source.locate(['spec', 'ports', 0, 'name'])), 'http');
  assert.equal(slice(text, svc.source.locate(['metadata', 'name'])), 'quote');
  assert.equal(slice(text, svc.source.locate(['metadata', 'name'], { key: true })), 'name');
  assert.equal(f.objects[1]!.source.docIndex, 1);
  assert.equal(slice(text, f.objects[1]!.source.locate(['metadata', 'name'])), 'kiada');
  assert.deepEqual(f.problems, []);
});

test("the namespace defaults to the configured one", () => {
  const f = readManifest(SVC.replace('  namespace: kiada\n', ''), 'm.yaml', { defaultNamespace: 'team-a' });
  assert.equal(f.objects[0]!.meta.namespace, 'team-a');
  assert.equal(f.objects[0]!.meta.namespaceExplicit, false);
});

test('kind: List contributes its items, each with its own ranges', () => {
  const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n`;
  const f = read(text);
  assert.deepEqual(f.objects.map((o) => o.meta.name), ['a', 'b']);
  assert.equal(slice(text, f.objects[1]!.source.locate(['metadata', 'name'])), 'b');
  assert.equal(f.objects[1]!.source.listIndex, 1);
});

test('JSON files, including a JSON array', () => {
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' }, spec: { ports: [{ port: 80 }] } }, null, 2);
  const f = read(text, 'svc.json');
  assert.equal(f.objects[0]!.meta.name, 'j');
  assert.equal(slice(text, f.objects[0]!.source.locate(['spec', 'ports', 0, 'port'])), '80');
});

test('wrong types give a problem at the node and never stop other documents', () => {
  const bad = `apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports: {port: 80}\n`;
  const bad2 = `apiVersion: v1\nkind: Service\nmetadata:\n  name: bad2\nspec:\n  ports:\n  - port: "eighty"\n`;
  const bad3 = `apiVersion: v1\nkind: Service\nmetadata: "x"\n`;
  const text = [bad, bad2, bad3, SVC].join('---\n');
  const f = read(text);
  assert.equal(f.objects.length, 4);
  const byField = Object.fromEntries(f.problems.map((p) => [p.field, p]));
  assert.equal(slice(text, byField['spec.ports']!.range), '{port: 80}');
  assert.equal(slice(text, byField['spec.ports[0].port']!.range), '"eighty"');
  assert.equal(slice(text, byField['metadata']!.range), '"x"');
  assert.ok(f.problems.every((p) => p.code === 'manifest-field-type' && p.severity === 'error'));
  assert.ok(isService(f.objects[3]!) && f.objects[3].spec.ports[0]!.port === 80);
});

test('a syntax error is reported in its document only', () => {
  const text = `${SVC}---\nkind: Service\nmetadata: {name: [unclosed\n---\n${SVC.replace('quote', 'other')}`;
  const f = read(text);
  assert.deepEqual(f.objects.map((o) => o.meta.name).filter((n) => n !== ''), ['quote', 'other']);
  const syntax = f.problems.filter((p) => p.code === 'yaml-syntax');
  assert.ok(syntax.length >= 1);
  const secondDoc = text.indexOf('kind: Service\nmetadata: {name');
  for (const p of syntax) assert.ok(p.range.start >= secondDoc && p.range.start <= text.lastIndexOf('---'));
});

test('Helm templates: one informational note, no flood of errors', () => {
  const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  ports:\n  - port: {{ .Values.port }}\n`;
  const f = read(text);
  assert.deepEqual(f.problems.map((p) => [p.code, p.severity]), [['helm-template', 'info']]);
});

test('CRLF, BOM, tabs in comments, empty and ---only files', () => {
  const crlf = '\ufeff' + SVC.replace(/\n/g, '\r\n');
  const f = read(crlf);
  assert.equal(f.objects[0]!.meta.name, 'quote');
  assert.equal(slice(crlf, f.objects[0]!.source.locate(['metadata', 'name'])), 'quote');
  assert.deepEqual(read('').objects, []);
  assert.deepEqual(read('---\n---\n').problems, []);
  assert.deepEqual(read('# only a comment\t\n').problems, []);
});

test('an alias bomb is capped, not expanded', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 12; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
  const bomb = `kind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => '  ' + l).join('\n')}\n`;
  const start = Date.now();
  const f = read(`${bomb}---\n${SVC}`);
  assert.ok(Date.now() - start < 5000);
  assert.ok(f.problems.some((p) => p.code === 'yaml-alias-limit'));
  assert.ok(f.objects.some((o) => o.meta.name === 'quote'));
});

test('20,000-deep nesting, binary garbage and invalid UTF-8 end in bounded time with the good documents read', () => {
  const deep = 'x: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('utf8');
  const invalid = Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).toString('utf8');
  const start = Date.now();
  const f = read([deep, garbage, invalid, SVC].join('\n---\n'));
  assert.ok(Date.now() - start < 20000);
  assert.ok(f.objects.some((o) => o.meta.name === 'quote'));
});

test('a 12 MB string value and 30,000 Services in one file are read', () => {
  const big = `kind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${'a'.repeat(12 * 1024 * 1024)}"\n`;
  assert.equal(read(`${big}---\n${SVC}`).objects.length, 2);
  const many = Array.from({ length: 30000 }, (_, i) => `kind: Service\nmetadata: {name: s${i}}\nspec: {ports: [{port: 80}]}\n`).join('---\n');
  assert.equal(read(many).objects.length, 30000);
});
