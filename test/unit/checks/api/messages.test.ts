/** Whole messages: the API server's words, the field path as kubectl prints it, then what to do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkYaml, service } from '../helpers';

function messages(yaml: string): string[] {
  return checkYaml(yaml).map((f) => f.message);
}

test('an unnamed second port', () => {
  assert.deepEqual(messages(service('ports:\n- {name: http, port: 80}\n- {port: 443}')), [
    'spec.ports[1].name: Required value — a Service with more than one port must name every port (the name also gives the port its SRV record).',
  ]);
});

test('a quoted number as targetPort', () => {
  assert.deepEqual(messages(service('ports:\n- {port: 80, targetPort: "8080"}')), [
    'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z) — a quoted number is a port name; write the number without quotes (targetPort: 8080).',
  ]);
});

test('a headless NodePort Service reports the clusterIPs[0] path on the clusterIP node', () => {
  const [f] = checkYaml(service('type: NodePort\nclusterIP: None\nports:\n- {port: 80}'));
  assert.equal(f?.field, 'spec.clusterIPs[0]');
  assert.equal(f?.text, 'None');
  assert.equal(
    f?.message,
    'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services — a headless Service must be of type ClusterIP: remove clusterIP: None, or set type: ClusterIP.',
  );
});

test('warnings carry the API server text and warning severity', () => {
  const [f] = checkYaml(service('externalName: api.example.com\nports:\n- {port: 80}'));
  assert.equal(f?.severity, 'warning');
  assert.equal(
    f?.message,
    'spec.externalName is ignored when spec.type is not "ExternalName" — set type: ExternalName for a DNS alias, or remove externalName.',
  );
});

test('the node-port range finding names the default range and the setting, and is an error (the range is stated in k8sDns.nodePortRange)', () => {
  const [f] = checkYaml(service('type: NodePort\nports:\n- {port: 80, nodePort: 80}'));
  assert.equal(f?.severity, 'error');
  assert.match(
    f!.message,
    /^spec\.ports\[0\]\.nodePort: Invalid value: 80: provided port is not in the valid range\. The range of valid ports is 30000-32767 — .*default --service-node-port-range.*k8sDns\.nodePortRange/,
  );
});
