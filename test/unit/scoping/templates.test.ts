/**
 * Regression fixtures (issue #12): files with template syntax are noted and not checked, in the
 * CLI as in the editor; placeholders are never validated as names; non-manifests get nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCommand } from '../../../server/src/cli/commands/check';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { ALL_RULES } from '../../../server/src/checks';
import { checkYaml, service } from '../checks/helpers';

/** Runs `k8s-dns check --json` in-process over files written to a fresh folder. */
function cliCodes(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-scoping-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const out: string[] = [];
  checkCommand([dir, '--json'], { out: (l) => out.push(l), err: () => undefined });
  return (JSON.parse(out.join('\n')) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
}

/** The codes the language server's index publishes for one file. */
function editorCodes(name: string, text: string): string[] {
  const ix = new WorkspaceIndex();
  const uri = pathToFileURL(join('/', 'ws', name)).href;
  ix.setFile(uri, text, false);
  ix.checkUntil(uri, Infinity);
  const g = ix.diagnosticGroups(uri);
  return [...g.problems.map((p) => p.code), ...g.objects.flatMap(([, fs]) => fs.map((f) => f.code))];
}

const TEMPLATED = `apiVersion: v1
kind: Service
metadata:
  name: etcd-{{cell}}
  labels:
    release: "{{ .Release.Name }}"
spec:
  clusterIP: None
  ports:
  - name: client
    port: 2379
`;

test('templates marked, then checked anyway: the CLI notes a template and checks nothing in it', () => {
  assert.deepEqual(cliCodes({ 'etcd.yaml': TEMPLATED }), ['helm-template']);
});

test('templates marked, then checked anyway: the editor and the CLI agree', () => {
  assert.deepEqual(editorCodes('etcd.yaml', TEMPLATED), []);
  // The editor shows the note only where the reader adds one (CLI reads); neither validates names.
  assert.ok(!cliCodes({ 'etcd.yaml': TEMPLATED }).some((c) => c === 'svc-name-dns1035' || c === 'meta-labels'));
});

test('templates marked, then checked anyway: a chart template found by its path is not checked', () => {
  const codes = cliCodes({ 'chart/Chart.yaml': 'name: x\n', 'chart/templates/svc.yaml': service('ports: [{port: 80}]', 'name: Bad_Name') });
  assert.deepEqual(codes, []);
});

test('placeholders are never validated as names: ${…}, $(…) and {{ … }} in names, labels, namespaces, port names', () => {
  const yaml = service(
    'selector: {app: "${APP}"}\nports:\n- name: $(PORT_NAME)\n  port: 80\n- name: "{{ .Values.port }}"\n  port: 81\n  targetPort: ${TARGET}',
    'name: ${NAME}\nnamespace: $(NS)\nlabels:\n  ${KEY}: v\n  tier: "{{ .Values.tier }}"',
  );
  assert.deepEqual(checkYaml(yaml).map((f) => f.code), []);
});

test('placeholders are never validated as names: a plain bad name is still reported', () => {
  assert.ok(checkYaml(service('ports: [{port: 80}]', 'name: Bad_Name')).some((f) => f.code === 'svc-name-dns1035'));
});

test('not a manifest: a GitHub Actions workflow with ${{ }} gets no helm-template note', () => {
  const workflow = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n    - run: echo ${{ github.sha }}\n';
  assert.deepEqual(cliCodes({ '.github/workflows/ci.yaml': workflow }), []);
  assert.deepEqual(editorCodes('ci.yaml', workflow), []);
});

test('placeholders are never validated as names: templated references (serviceName, subdomain, selector, targetPort) are not looked up', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: "db-\${ENV}"
  template:
    metadata: {labels: {app: db}}
    spec:
      subdomain: $(SUBDOMAIN)
      containers: [{name: c, image: x, ports: [{name: pg, containerPort: 5432}]}]
`;
  const svcYaml = service('selector: {app: "{{ .Values.app }}"}\nports:\n- name: http\n  port: 80', 'name: templated-selector');
  const port = service('selector: {app: db}\nports:\n- name: http\n  port: 80\n  targetPort: ${PORT_NAME}', 'name: templated-port');
  const codes = checkYaml(`${sts}---\n${svcYaml}---\n${port}`, ALL_RULES).map((f) => f.code);
  assert.deepEqual(codes, []);
});
