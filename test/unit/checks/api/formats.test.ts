/** The validation helpers: name formats, IP and CIDR parsing, warnings, node-port replay, value printing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  fqdnProblem,
  maskTrailingDash,
} from '../../../../server/src/checks/validation/dns';
import { ianaSvcNameErrors, portNumberErrors } from '../../../../server/src/checks/validation/ports';
import { labelValueErrors, qualifiedNameErrors } from '../../../../server/src/checks/validation/qualifiedName';
import { goIPText, ipFamilyOf, parseIPSloppy } from '../../../../server/src/checks/validation/ip';
import { ipWarning, specialIPErrors } from '../../../../server/src/checks/validation/ipChecks';
import { cidrErrors, cidrWarnings } from '../../../../server/src/checks/validation/cidr';
import { replayNodePorts } from '../../../../server/src/checks/validation/nodePorts';
import type { PortView } from '../../../../server/src/checks/validation/service';
import { duplicate, goValue, invalid, unsupported } from '../../../../server/src/checks/validation/errors';

test('DNS-1123 labels: length, charset, and "must not contain dots" for valid subdomains', () => {
  assert.deepEqual(dns1123LabelErrors('my--port'), []);
  assert.deepEqual(dns1123LabelErrors('80'), []);
  assert.deepEqual(dns1123LabelErrors('a.b'), ['must not contain dots']);
  assert.deepEqual(dns1123LabelErrors('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.equal(dns1123LabelErrors('-a').length, 1);
  assert.match(
    dns1123LabelErrors('Web')[0]!,
    /^a lowercase RFC 1123 label must consist of .* \(e\.g\. 'my-name',  or '123-abc', regex used/,
  );
});

test('DNS-1035 labels must start with a letter; generateName may end in a dash', () => {
  assert.deepEqual(dns1035LabelErrors('web-1'), []);
  assert.equal(dns1035LabelErrors('1web').length, 1);
  assert.equal(maskTrailingDash('web-'), 'wea');
  assert.equal(maskTrailingDash('-'), '-');
  assert.deepEqual(dns1035LabelErrors(maskTrailingDash('a-')), []);
});

test('DNS-1123 subdomains and FQDNs', () => {
  assert.deepEqual(dns1123SubdomainErrors('worldtimeapi.org'), []);
  assert.deepEqual(dns1123SubdomainErrors('203.0.113.7'), []);
  assert.equal(dns1123SubdomainErrors('a'.repeat(254))[0], 'must be no more than 253 characters');
  assert.equal(fqdnProblem('db.example.com.'), undefined);
  assert.deepEqual(fqdnProblem('localhost'), {
    value: 'localhost',
    message: 'should be a domain with at least two segments separated by dots',
  });
  assert.deepEqual(fqdnProblem(''), { required: true, value: '', message: '' });
  assert.equal(fqdnProblem(`${'a'.repeat(64)}.example.com`)?.value, 'a'.repeat(64));
});

test('IANA_SVC_NAME for targetPort, and port numbers', () => {
  assert.deepEqual(ianaSvcNameErrors('http-web'), []);
  assert.deepEqual(ianaSvcNameErrors('8080'), ['must contain at least one letter (a-z)']);
  assert.deepEqual(ianaSvcNameErrors('-a--b-'), ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
  assert.deepEqual(ianaSvcNameErrors('metrics-endpoint'), ['must be no more than 15 characters']);
  assert.deepEqual(ianaSvcNameErrors('Http'), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
  assert.deepEqual(portNumberErrors(65535), []);
  assert.deepEqual(portNumberErrors(0), ['must be between 1 and 65535, inclusive']);
});

test('qualified names and label values', () => {
  assert.deepEqual(qualifiedNameErrors('app.kubernetes.io/name'), []);
  assert.deepEqual(qualifiedNameErrors('MyName'), []);
  assert.deepEqual(qualifiedNameErrors('/name').slice(0, 1), ['prefix part must be non-empty']);
  assert.match(qualifiedNameErrors('Example.com/x')[0]!, /^prefix part a lowercase RFC 1123 subdomain/);
  assert.match(qualifiedNameErrors('a/b/c')[0]!, /^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/'/);
  assert.deepEqual(qualifiedNameErrors('a'.repeat(64)), ['name part must be no more than 63 characters']);
  assert.deepEqual(labelValueErrors(''), []);
  assert.deepEqual(labelValueErrors('v1.2_x'), []);
  assert.equal(labelValueErrors('a b').length, 1);
});

test('sloppy IP parsing accepts what the API server accepts', () => {
  assert.ok(parseIPSloppy('010.001.002.003'));
  assert.equal(goIPText(parseIPSloppy('010.001.002.003')!.bytes), '10.1.2.3');
  assert.ok(parseIPSloppy('::ffff:1.2.3.4'));
  assert.ok(parseIPSloppy('::'));
  assert.ok(parseIPSloppy('00001::1'), 'Go 1.16 accepts more than four hex digits per group');
  for (const bad of ['', '1.2.3', '1.2.3.256', '1::2::3', 'fe80::1%eth0', '::1.2.3', ':1::', '1:2:3:4:5:6:7:8:9', 'None']) {
    assert.equal(parseIPSloppy(bad), undefined, bad);
  }
  assert.equal(ipFamilyOf('::ffff:10.0.0.1'), 4);
  assert.equal(ipFamilyOf('fd00::1'), 6);
  assert.equal(ipFamilyOf('x'), undefined);
});

test('special addresses are refused with the value in the unspecified message', () => {
  const errs = (ip: string): string[] => specialIPErrors(ip, parseIPSloppy(ip)!);
  assert.deepEqual(errs('0.0.0.0'), ['may not be unspecified (0.0.0.0)']);
  assert.deepEqual(errs('::'), ['may not be unspecified (::)']);
  assert.deepEqual(errs('::1'), ['may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  assert.deepEqual(errs('::ffff:127.0.0.1'), ['may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  assert.deepEqual(errs('fe80::1'), ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']);
  assert.deepEqual(errs('224.0.0.251'), ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']);
  assert.deepEqual(errs('ff02::fb'), ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']);
  assert.deepEqual(errs('224.0.1.1'), []);
  assert.deepEqual(errs('10.0.0.1'), []);
});

test('IP warnings: non-standard forms and non-canonical IPv6', () => {
  assert.equal(
    ipWarning('spec.clusterIPs[0]', '010.0.0.1'),
    'spec.clusterIPs[0]: non-standard IP address "010.0.0.1" will be considered invalid in a future Kubernetes release: use "10.0.0.1"',
  );
  assert.match(ipWarning('f', '::ffff:1.2.3.4')!, /use "1\.2\.3\.4"$/);
  assert.equal(ipWarning('f', '2001:0db8::1'), 'f: IPv6 address "2001:0db8::1" should be in RFC 5952 canonical format ("2001:db8::1")');
  assert.equal(
    ipWarning('f', '2001:db8:0:0:1:0:0:1'),
    'f: IPv6 address "2001:db8:0:0:1:0:0:1" should be in RFC 5952 canonical format ("2001:db8::1:0:0:1")',
  );
  assert.equal(ipWarning('f', '2001:db8::1'), undefined);
  assert.equal(ipWarning('f', '10.0.0.1'), undefined);
  assert.equal(ipWarning('f', 'not-an-ip'), undefined);
});

test('CIDRs: sloppy parsing and the warnings for accepted values', () => {
  assert.deepEqual(cidrErrors('10.0.0.0/8'), []);
  assert.deepEqual(cidrErrors('10.0.0.0/008'), []);
  assert.equal(cidrErrors('10.0.0.0/033').length, 1);
  assert.equal(cidrErrors('10.0.0.0/33').length, 1);
  assert.equal(cidrErrors('10.0.0.0').length, 1);
  assert.equal(cidrErrors(' 10.0.0.0/8').length, 1);
  assert.deepEqual(cidrWarnings('f', '10.0.0.0/8'), []);
  assert.deepEqual(cidrWarnings('f', '10.0.0.1/8'), [
    'f: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
  ]);
  assert.deepEqual(cidrWarnings('f', '010.0.0.0/8'), [
    'f: non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
  ]);
  assert.deepEqual(cidrWarnings('f', '10.0.0.0/08'), [
    'f: non-standard CIDR value "10.0.0.0/08" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
  ]);
  assert.deepEqual(cidrWarnings('f', '::ffff:10.0.0.0/104'), [
    'f: non-standard CIDR value "::ffff:10.0.0.0/104" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
  ]);
  assert.deepEqual(cidrWarnings('f', '2001:DB8::/32'), [
    'f: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
  ]);
  assert.deepEqual(cidrWarnings('f', '2001:db8::1/32'), [
    'f: CIDR value "2001:db8::1/32" is ambiguous in this context (should be "2001:db8::/32" or "2001:db8::1/128"?)',
  ]);
});

function port(index: number, p: number, nodePort: number): PortView {
  return {
    index,
    path: ['spec', 'ports', index],
    raw: {},
    name: '',
    port: p,
    protocol: 'TCP',
    targetPort: undefined,
    nodePort,
    appProtocol: undefined,
  };
}

test('node-port replay: entries share a node port only with the same port; an earlier entry may take a later request', () => {
  assert.deepEqual(replayNodePorts([port(0, 53, 30053), port(1, 53, 30053)], true), []);
  assert.deepEqual(replayNodePorts([port(0, 80, 30080), port(1, 81, 30080)], true), [
    { index: 1, writer: 1, value: 30080, reason: 'taken', owner: 0 },
  ]);
  // ports[0] has no nodePort but the same port as ports[2], so it requests 30080 first; ports[1] then clashes.
  assert.deepEqual(replayNodePorts([port(0, 80, 0), port(1, 81, 30080), port(2, 80, 30080)], true), [
    { index: 1, writer: 1, value: 30080, reason: 'taken', owner: 2 },
  ]);
  assert.deepEqual(replayNodePorts([port(0, 80, 80)], true), [{ index: 0, writer: 0, value: 80, reason: 'range' }]);
  assert.deepEqual(replayNodePorts([port(0, 80, 0), port(1, 81, 0)], false), []);
});

test('error bodies print values as the API server does', () => {
  assert.equal(goValue(['a', 'b']), '[]string{"a", "b"}');
  assert.equal(invalid(70000, ['x']), 'Invalid value: 70000: x');
  assert.equal(invalid('x', ['a', 'b']), 'Invalid value: "x": a; b');
  assert.equal(duplicate('http'), 'Duplicate value: "http"');
  assert.equal(unsupported('tcp', ['SCTP', 'TCP', 'UDP']), 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"');
});
