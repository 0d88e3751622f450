/** Which fields hold hosts a pod looks up: decided by what the field means, per kind. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldRole, knownKind } from '../../../server/src/refs/hostFields';

test('field roles: container env values, args, command and probe hosts are hosts; object names are not', () => {
  const cases: [string, (string | number)[], string][] = [
    ['Deployment', ['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value'], 'host'],
    ['Pod', ['spec', 'initContainers', 0, 'args', 2], 'host'],
    ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'command', 0], 'host'],
    ['Pod', ['spec', 'containers', 0, 'readinessProbe', 'httpGet', 'host'], 'host'],
    ['Pod', ['spec', 'containers', 0, 'lifecycle', 'preStop', 'httpGet', 'host'], 'host'],
    ['ConfigMap', ['data', 'nginx.conf'], 'host'],
    ['Deployment', ['metadata', 'annotations', 'x'], 'text'],
    ['Deployment', ['spec', 'template', 'metadata', 'annotations', 'x'], 'text'],
    ['Pod', ['spec', 'volumes', 0, 'secret', 'secretName'], 'none'],
    ['Pod', ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'fieldRef', 'fieldPath'], 'none'],
    ['Pod', ['spec', 'serviceAccountName'], 'none'],
    ['StatefulSet', ['spec', 'serviceName'], 'none'],
    ['Ingress', ['spec', 'rules', 0, 'host'], 'none'],
    ['Gateway', ['spec', 'servers', 0, 'hosts', 0], 'none'],
  ];
  for (const [kind, path, role] of cases) assert.equal(fieldRole(kind, path), role, `${kind} ${path.join('.')}`);
});

test('known kinds: core and *.k8s.io groups, Istio gateways; other groups are custom resources', () => {
  assert.equal(knownKind('v1', 'Pod'), true);
  assert.equal(knownKind('apps/v1', 'Deployment'), true);
  assert.equal(knownKind('networking.k8s.io/v1', 'Ingress'), true);
  assert.equal(knownKind('gateway.networking.k8s.io/v1', 'HTTPRoute'), true);
  assert.equal(knownKind('networking.istio.io/v1', 'Gateway'), true);
  assert.equal(knownKind('networking.istio.io/v1', 'VirtualService'), false);
  assert.equal(knownKind('cluster.x-k8s.io/v1beta1', 'Cluster'), false);
  assert.equal(knownKind('example.com/v1', 'Widget'), false);
});
