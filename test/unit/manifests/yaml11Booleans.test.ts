/**
 * YAML 1.1 booleans (issue 12): Kubernetes decodes manifests with go-yaml's YAML 1.1 rules, so an
 * unquoted yes/no/on/off/y/n (or true/false) where a string is required is a boolean, and
 * kubectl rejects the object. The `unquoted-boolean` rule reports it once, with a quick fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, type Service } from '../../../server/src/manifests';
import { LineOffsets } from '../../../server/src/workspace/lineOffsets';
import { ALL_RULES, checkObjects } from '../../../server/src/checks';
import { buildCluster } from '../../../server/src/dns/cluster';
import { makeConfig } from '../../../server/src/dns/config';
import { WorkspaceIndex } from '../../../server/src/workspace';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { quickFixes } from '../../../server/src/features/codeActions';

const read = (text: string, file = 'm.yaml') => readManifest(text, file, { defaultNamespace: 'default' });
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

/** The findings of every rule on `text`, with the text each range and fix covers. */
function checked(text: string, file = 'm.yaml') {
  const parsed = read(text, file);
  const config = makeConfig();
  const findings = checkObjects(parsed.objects, { config, cluster: buildCluster(parsed.objects, config), textOf: () => text, withFixes: true }, ALL_RULES);
  return { problems: parsed.problems, findings: findings.map((f) => ({ ...f, text: slice(text, f.range) })) };
}

test('YAML 1.1 booleans: unquoted yes/no/on/off/y/n where a string is required are booleans, reported once, with a quick fix', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {public: yes, legacy: Off, mixed: yEs, quoted: "yes", plain: true}
  annotations:
    example.com/enabled: Y
spec:
  selector:
    canary: on
  ports:
  - name: NO
    port: 80
    targetPort: n
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        env:
        - name: DEBUG
          value: yes
        - name: OK
          value: "yes"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
data:
  FEATURE: ON
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: web, port: {name: y}}}
`;
  const { problems, findings } = checked(text);
  assert.deepEqual(problems, [], 'the reader leaves booleans to the rule: one report per value');
  const bools = findings.filter((f) => f.code === 'unquoted-boolean');
  assert.deepEqual(
    bools.map((f) => [f.field, f.text]),
    [
      ['metadata.labels.public', 'yes'],
      ['metadata.labels.legacy', 'Off'],
      ['metadata.labels.plain', 'true'],
      ['metadata.annotations[example.com/enabled]', 'Y'],
      ['spec.selector.canary', 'on'],
      ['spec.ports[0].name', 'NO'],
      ['spec.ports[0].targetPort', 'n'],
      ['spec.template.spec.containers[0].env[0].value', 'yes'],
      ['data.FEATURE', 'ON'],
      ['spec.rules[0].http.paths[0].backend.service.port.name', 'y'],
    ],
  );
  assert.ok(bools.every((f) => f.severity === 'error'));
  assert.match(bools[0]!.message, /YAML 1\.1/);
  // The quick fix quotes the word as written.
  for (const f of bools) {
    assert.equal(f.fixes?.length, 1, f.field);
    const edit = f.fixes![0]!.edits[0]!;
    assert.equal(slice(text, edit.range), f.text);
    assert.equal(edit.newText, `"${f.text}"`);
  }
  // What is not a YAML 1.1 boolean stays a string; the model reads booleans as absent.
  const svc = read(text).objects[0] as Service;
  assert.deepEqual(svc.meta.labels, { mixed: 'yEs', quoted: 'yes' });
  assert.equal(svc.spec.selector, undefined);
});

test('YAML 1.1 booleans: a quoted fix reads back as the string, and a merged boolean is fixed at its anchor', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    <<: &common {public: yes}
    app: web
spec:
  ports: [{port: 80}]
`;
  const f = checked(text).findings.find((x) => x.code === 'unquoted-boolean');
  assert.ok(f && f.text === 'yes' && f.range.start === text.indexOf('yes'));
  const edit = f.fixes![0]!.edits[0]!;
  const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  assert.deepEqual(checked(fixed).findings.filter((x) => x.code === 'unquoted-boolean'), []);
  assert.deepEqual(read(fixed).objects[0]!.meta.labels, { public: 'yes', app: 'web' });
});

test('YAML 1.1 booleans: the server path reports and fixes them, at LSP positions of a CR-only file', () => {
  const text = `apiVersion: v1\rkind: Service\rmetadata:\r  name: web\r  labels:\r    public: yes\rspec:\r  ports: [{port: 80}]\r`;
  const uri = 'file:///cr.yaml';
  const index = new WorkspaceIndex();
  index.setFile(uri, text, false);
  const lines = new LineOffsets(text);
  const { problems, objects } = index.diagnosticGroups(uri);
  assert.deepEqual(problems, []);
  const diagnostics = objects.flatMap(([, fs]) => fs).map((f) => toDiagnostic(f, lines, () => lines));
  const d = diagnostics.find((x) => x.code === 'unquoted-boolean');
  assert.ok(d);
  assert.deepEqual(d.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } });
  const [action] = quickFixes(index, uri, [d], () => lines);
  assert.ok(action);
  assert.deepEqual(action.edit?.changes?.[uri], [{ range: d.range, newText: '"yes"' }]);
});
