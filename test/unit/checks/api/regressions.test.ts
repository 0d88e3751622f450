/**
 * Valid manifests that a careless reading of the rules would flag. Each one is a false positive a
 * user could report; they must stay silent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkYaml, service, summary } from '../helpers';

function silent(yaml: string): void {
  assert.deepEqual(summary(checkYaml(yaml)), []);
}

test('regression: a 16-character Service port name is a valid DNS label (IANA_SVC_NAME is for targetPort only)', () => {
  silent(service('selector: {app: web}\nports:\n- {name: metrics-endpoint, port: 9090}\n- {name: http, port: 80}'));
});

test('regression: targetPort http-web names a container port', () => {
  silent(service('selector: {app: web}\nports:\n- {name: http, port: 80, targetPort: http-web}'));
});

test('regression: a headless Service needs no ports', () => {
  silent(service('clusterIP: None\nselector: {app: db}'));
});

test('regression: an ExternalName with a trailing dot', () => {
  silent(service('type: ExternalName\nexternalName: worldtimeapi.org.'));
});

test('regression: a dual-stack Service with addresses, families and PreferDualStack', () => {
  silent(
    service(
      'clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, "2001:db8::10"]\nipFamilies: [IPv4, IPv6]\nipFamilyPolicy: PreferDualStack\nselector: {app: web}\nports:\n- {port: 80}',
    ),
  );
});

test('regression: a dual-stack request without addresses (RequireDualStack, families only)', () => {
  silent(service('ipFamilies: [IPv6, IPv4]\nipFamilyPolicy: RequireDualStack\nselector: {app: web}\nports:\n- {port: 80}'));
});

test('regression: omitted fields that the API server defaults are never flagged', () => {
  // type, protocol, targetPort, sessionAffinity, externalTrafficPolicy, internalTrafficPolicy,
  // allocateLoadBalancerNodePorts, healthCheckNodePort and ipFamilyPolicy are all left out.
  silent(service('type: LoadBalancer\nselector: {app: web}\nports:\n- {name: http, port: 80}'));
  silent(service('selector: {app: web}\nports:\n- {port: 80}', 'name: web\nnamespace: ""'));
  silent(service('type: LoadBalancer\nexternalTrafficPolicy: Local\nselector: {app: web}\nports:\n- {port: 80}'));
});

test('regression: port names of digits only or with a double hyphen are valid DNS labels', () => {
  silent(service('selector: {app: web}\nports:\n- {name: "8080", port: 8080}\n- {name: grpc--web, port: 81}'));
});
