/**
 * Issue 12: false warnings found running the checker over real repositories. Each test is named
 * after the pattern and built from a small manifest that showed it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDns, yaml } from '../dnsHelpers';
import { dnsNameUses } from '../../../../server/src/refs/dnsNames';
import { buildCluster } from '../../../../server/src/dns/cluster';
import { makeConfig } from '../../../../server/src/dns/config';
import { readManifest } from '../../../../server/src/manifests/read';
import { dnsNameHover } from '../../../../server/src/explain/dnsName';

/** The codes found on a fixture that must parse cleanly. */
function codes(input: Parameters<typeof runDns>[0], opts?: Parameters<typeof runDns>[1]): string[] {
  const run = runDns(input, opts);
  assert.deepEqual(run.problems.map((p) => p.message), [], 'the fixture parses');
  return run.findings.map((f) => f.code);
}

/** A Pod in the default namespace whose container has env `TARGET` = `value` and the given args. */
const client = (value: string, args = '[]', ns = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: client
    ${ns ? `namespace: ${ns}` : ''}
  spec:
    containers:
    - name: main
      image: example/client
      args: ${args}
      env:
      - name: TARGET
        value: ${value}
`;

// --- 1. Built-in Services ----------------------------------------------------------------------

test('kubernetes.default.svc: the API server Service resolves without a manifest', () => {
  assert.deepEqual(codes(client('https://kubernetes.default.svc')), []);
  assert.deepEqual(codes(client('https://kubernetes.default.svc.cluster.local:443/api')), []);
  assert.deepEqual(codes(client('https://kubernetes.default')), []);
});

test('kubernetes.default.svc on a port it does not expose still warns', () => {
  assert.deepEqual(codes(client('https://kubernetes.default.svc:6443')), ['dns-name-port-unknown']);
});

test('kube-dns.kube-system: the cluster DNS Service resolves, on 53 and 9153', () => {
  const files = { 'a.yaml': client('kube-dns.kube-system.svc.cluster.local:53', '[--metrics=http://kube-dns.kube-system:9153/metrics]'), 'b.yaml': yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: x, namespace: kube-system}
  ` };
  assert.deepEqual(codes(files), []);
});

test('clusterDnsService setting: the cluster DNS Service under another name', () => {
  const files = { 'a.yaml': client('http://coredns.dns.svc:9153/metrics'), 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: dns}\n' };
  assert.deepEqual(codes(files, { config: { clusterDnsService: 'dns/coredns' } }), []);
  assert.deepEqual(codes(files), ['dns-name-unresolved']);
});

test('a workspace Service named kubernetes in default wins over the built-in', () => {
  const own = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: kubernetes}
    spec:
      ports: [{name: http, port: 80}]
  `;
  // The described Service exposes 80 only: 443 is not open on it.
  assert.deepEqual(codes(`${own}---\n${client('https://kubernetes.default.svc')}`), ['dns-name-port-unknown']);
});

test('hover on a built-in Service says so', () => {
  const text = client('https://kubernetes.default.svc');
  const config = makeConfig();
  const objects = readManifest(text, 'a.yaml', { defaultNamespace: 'default' }).objects;
  const cluster = buildCluster(objects, config);
  const [use] = dnsNameUses(objects[0]!, cluster);
  assert.ok(use?.builtin);
  assert.match(dnsNameHover(cluster, use), /built-in: the API server creates it/);
});
