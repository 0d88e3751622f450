/**
 * Regression fixtures (issue #12): a nodePort is checked against the cluster's node-port range
 * (`k8sDns.nodePortRange`, CLI `--node-port-range`), as kube-apiserver's
 * `--service-node-port-range` decides, not always against the default.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_RULES } from '../../../server/src/checks/apiRules';
import { checkObjects } from '../../../server/src/checks/runner';
import { checkCommand } from '../../../server/src/cli/commands/check';
import { UsageError } from '../../../server/src/cli/args';
import { buildCluster, type ClusterConfig } from '../../../server/src/dns';
import { parsePortRange } from '../../../server/src/checks/validation/nodePorts';
import { readManifest } from '../../../server/src/manifests';
import { clusterConfigOf, readSettings } from '../../../server/src/workspace/settings';
import { service } from '../checks/helpers';

const NODE_PORT_8080 = service('type: NodePort\nports:\n- port: 80\n  nodePort: 8080');

function rangeCodes(yaml: string, config: ClusterConfig): string[] {
  const objects = readManifest(yaml, 'svc.yaml', { defaultNamespace: 'default' }).objects;
  return checkObjects(objects, { config, cluster: buildCluster(objects, config) }, API_RULES).map((f) => f.code);
}

test('nodePort range: kube-apiserver spellings of --service-node-port-range', () => {
  assert.deepEqual(parsePortRange('30000-32767'), { min: 30000, max: 32767 });
  assert.deepEqual(parsePortRange('30000+2767'), { min: 30000, max: 32767 });
  assert.deepEqual(parsePortRange(' 8000 - 9000 '), { min: 8000, max: 9000 });
  assert.deepEqual(parsePortRange('8080'), { min: 8080, max: 8080 });
  for (const bad of ['', '9000-8000', '0-100', '30000-70000', 'a-b', '1-2-3']) assert.equal(parsePortRange(bad), undefined, bad);
});

test('nodePort range: the setting widens the range, and the message names it', () => {
  const wide = clusterConfigOf(readSettings({ nodePortRange: '1-32767' }).settings);
  assert.deepEqual(rangeCodes(NODE_PORT_8080, wide), []);
  const narrow = clusterConfigOf(readSettings({ nodePortRange: '31000-31999' }).settings);
  assert.deepEqual(rangeCodes(service('type: NodePort\nports:\n- port: 80\n  nodePort: 30080'), narrow), ['svc-node-port-range']);
  const objects = readManifest(NODE_PORT_8080, 'svc.yaml', { defaultNamespace: 'default' }).objects;
  const [f] = checkObjects(objects, { config: narrow, cluster: buildCluster(objects, narrow) }, API_RULES);
  assert.match(f!.message, /range of valid ports is 31000-31999 .*k8sDns\.nodePortRange/);
});

test('nodePort range: an invalid setting is named in a warning and the default is used', () => {
  const read = readSettings({ nodePortRange: '32767-30000' });
  assert.equal(read.settings.nodePortRange, '30000-32767');
  assert.equal(read.problems.length, 1);
  assert.match(read.problems[0]!, /^k8sDns\.nodePortRange "32767-30000" is not a port range/);
  assert.deepEqual(rangeCodes(NODE_PORT_8080, clusterConfigOf(read.settings)), ['svc-node-port-range']);
});

test('nodePort range: the CLI flag --node-port-range', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-np-'));
  writeFileSync(join(dir, 'svc.yaml'), NODE_PORT_8080);
  const run = (...flags: string[]): string[] => {
    const out: string[] = [];
    checkCommand([dir, '--json', ...flags], { out: (l) => out.push(l), err: () => undefined });
    return (JSON.parse(out.join('\n')) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  };
  assert.ok(run().includes('svc-node-port-range'));
  assert.ok(!run('--node-port-range', '8000-9000').includes('svc-node-port-range'));
  assert.throws(() => run('--node-port-range', 'wide'), UsageError);
});
