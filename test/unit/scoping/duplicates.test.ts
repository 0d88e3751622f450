/**
 * Regression fixtures (issue #12, a miss): two objects with one kind (API group included),
 * namespace and name are one object at apply time; both are reported, each pointing at the other,
 * in a fresh check and as the workspace changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../../server/src/cli/commands/check';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { runDns } from '../checks/dnsHelpers';

const svc = (name: string, extra = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  clusterIP: None\n  ports:\n  - name: http\n    port: 80\n`;
const deploy = (apiVersion: string, name: string): string =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      containers:\n      - name: c\n        image: x\n`;

function duplicates(files: Record<string, string>): { file: string; text: string; related: readonly string[]; message: string }[] {
  return runDns(files)
    .of('object-duplicate')
    .map((f) => ({ file: f.file, text: f.text, related: f.relatedText, message: f.message }));
}

test('duplicate objects: two Services with one name and namespace, in one file, warn on both', () => {
  const found = duplicates({ 'a.yaml': `${svc('web')}---\n${svc('web')}` });
  assert.deepEqual(
    found.map((f) => [f.text, f.related]),
    [
      ['web', ['web']],
      ['web', ['web']],
    ],
  );
  assert.match(found[0]!.message, /Service web in namespace default is also defined in this file/);
});

test('duplicate objects: across files, each points at the other file', () => {
  const found = duplicates({ 'a.yaml': svc('web'), 'b.yaml': svc('web') });
  assert.deepEqual(found.map((f) => f.file), ['a.yaml', 'b.yaml']);
  assert.match(found[0]!.message, /also defined in b\.yaml/);
  assert.match(found[1]!.message, /also defined in a\.yaml/);
});

test('duplicate objects: another namespace, kind or API group is another object', () => {
  const knative = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec: {}\n';
  const other = { 'a.yaml': svc('web'), 'b.yaml': svc('web', '  namespace: prod\n'), 'c.yaml': knative, 'd.yaml': deploy('apps/v1', 'web') };
  assert.deepEqual(duplicates(other), []);
});

test('duplicate objects: an old apiVersion of the same kind is the same object', () => {
  assert.equal(duplicates({ 'a.yaml': deploy('apps/v1', 'web'), 'b.yaml': deploy('extensions/v1beta1', 'web') }).length, 2);
});

test('duplicate objects: templated names and generateName are skipped', () => {
  const templated = svc('web-${ENV}');
  const generated = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: x}]\n';
  assert.deepEqual(duplicates({ 'a.yaml': `${templated}---\n${templated}`, 'b.yaml': `${generated}---\n${generated}` }), []);
});

test('duplicate objects: a Namespace is cluster-scoped, whatever metadata.namespace says', () => {
  const ns = (extra: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kiada\n${extra}`;
  assert.equal(duplicates({ 'a.yaml': ns(''), 'b.yaml': ns('  namespace: other\n') }).length, 2);
});

test('duplicate objects: the workspace index adds and drops the warning as the copy comes and goes', () => {
  const ix = new WorkspaceIndex();
  const codes = (uri: string): string[] => {
    ix.checkUntil(uri, Infinity);
    return ix.diagnosticGroups(uri).objects.flatMap(([, fs]) => fs.map((f) => f.code)).filter((c) => c === 'object-duplicate');
  };
  ix.setFile('file:///w/a.yaml', svc('web'), false);
  assert.deepEqual(codes('file:///w/a.yaml'), []);
  ix.setFile('file:///w/b.yaml', svc('web'), false);
  assert.deepEqual(codes('file:///w/a.yaml'), ['object-duplicate'], 'the first file learns of the copy');
  assert.deepEqual(codes('file:///w/b.yaml'), ['object-duplicate']);
  ix.setFile('file:///w/b.yaml', svc('api'), false);
  assert.deepEqual(codes('file:///w/a.yaml'), [], 'the copy was renamed');
  ix.setFile('file:///w/b.yaml', svc('web'), false);
  ix.removeFile('file:///w/b.yaml');
  assert.deepEqual(codes('file:///w/a.yaml'), [], 'the copy was deleted');
});

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\npatches:\n- path: replicas.yaml\n';
const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 6\n';

test('duplicate objects: a kustomize overlay patch (and another overlay\'s variant) is not a duplicate of its base', () => {
  const files = {
    'base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n',
    'base/deployment.yaml': deploy('apps/v1', 'web'),
    'overlays/prod/kustomization.yaml': KUSTOMIZATION,
    'overlays/prod/replicas.yaml': PATCH,
    'overlays/dev/kustomization.yaml': KUSTOMIZATION,
    'overlays/dev/replicas.yaml': PATCH,
  };
  assert.deepEqual(duplicates(files), []);
  // Within one kustomize folder a copy is still a duplicate (kustomize itself refuses it).
  assert.equal(duplicates({ ...files, 'base/copy.yaml': deploy('apps/v1', 'web') }).length, 2);
});

test('duplicate objects: the workspace index re-checks the copies when a kustomization comes or goes', () => {
  const ix = new WorkspaceIndex();
  const codes = (uri: string): string[] => {
    ix.checkUntil(uri, Infinity);
    return ix.diagnosticGroups(uri).objects.flatMap(([, fs]) => fs.map((f) => f.code)).filter((c) => c === 'object-duplicate');
  };
  ix.setFile('file:///w/base/deployment.yaml', deploy('apps/v1', 'web'), false);
  ix.setFile('file:///w/overlays/prod/replicas.yaml', PATCH, false);
  assert.deepEqual(codes('file:///w/base/deployment.yaml'), ['object-duplicate']);
  ix.setFile('file:///w/overlays/prod/kustomization.yaml', KUSTOMIZATION, false);
  assert.deepEqual(codes('file:///w/base/deployment.yaml'), [], 'the overlay is a kustomization now');
  assert.deepEqual(codes('file:///w/overlays/prod/replicas.yaml'), []);
  ix.removeFile('file:///w/overlays/prod/kustomization.yaml');
  assert.deepEqual(codes('file:///w/overlays/prod/replicas.yaml'), ['object-duplicate']);
});

test('duplicate objects: a file given to the CLI twice (by name and in its folder) is read once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-dup-'));
  writeFileSync(join(dir, 'svc.yaml'), svc('web'));
  const out: string[] = [];
  checkCommand([join(dir, 'svc.yaml'), dir, '--json'], { out: (l) => out.push(l), err: () => undefined });
  const codes = (JSON.parse(out.join('\n')) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  assert.ok(!codes.includes('object-duplicate'), codes.join(', '));
});

test('duplicate objects: copies only in other folders (independent examples) are a note; in one folder a warning', () => {
  const severities = (files: Record<string, string>): string[] => runDns(files).of('object-duplicate').map((f) => f.severity);
  assert.deepEqual(severities({ 'chapter1/svc.yaml': svc('web'), 'chapter2/svc.yaml': svc('web') }), ['info', 'info']);
  assert.deepEqual(severities({ 'deploy/svc.yaml': svc('web'), 'deploy/copy.yaml': svc('web') }), ['warning', 'warning']);
  const found = runDns({ 'chapter1/svc.yaml': svc('web'), 'chapter2/svc.yaml': svc('web') }).of('object-duplicate');
  assert.match(found[0]!.message, /if both are applied to one cluster, the later silently replaces the earlier/);
});

test('duplicate objects: an Istio Gateway and a Gateway API Gateway of one name are two objects (group-qualified kinds)', () => {
  const gw = (apiVersion: string): string => `apiVersion: ${apiVersion}\nkind: Gateway\nmetadata:\n  name: public\nspec: {}\n`;
  assert.deepEqual(duplicates({ 'a.yaml': `${gw('networking.istio.io/v1')}---\n${gw('gateway.networking.k8s.io/v1')}` }), []);
  assert.equal(duplicates({ 'a.yaml': `${gw('gateway.networking.k8s.io/v1')}---\n${gw('gateway.networking.k8s.io/v1beta1')}` }).length, 2, 'two versions of one group are one resource');
});
