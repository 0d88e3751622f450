/** Cases for type, cluster IPs, IP families, ExternalName and externalIPs (TYPE, CIP, FAM, AF, EN, EIP). */
import { service } from '../../helpers';
import type { CaseTable } from '../table';

const PORTS = 'selector: {app: web}\nports:\n- port: 80';

export const addressCases: CaseTable = {
  fail: [
    {
      name: 'a lower-case type',
      yaml: service(`type: nodeport\n${PORTS}`),
      expect: [{ code: 'svc-type', field: 'spec.type', text: 'nodeport' }],
    },
    {
      name: 'clusterIPs[0] differs from clusterIP',
      yaml: service(`clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.11]\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ips-mismatch', field: 'spec.clusterIPs', text: '10.96.0.11' }],
    },
    {
      name: 'clusterIPs without clusterIP',
      yaml: service(`clusterIPs: [10.96.0.10]\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ips-mismatch', field: 'spec.clusterIPs', text: 'clusterIPs' }],
    },
    {
      name: 'clusterIP "none" in lower case is reported as clusterIPs[0] on the clusterIP node',
      yaml: service(`clusterIP: none\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ip-invalid', field: 'spec.clusterIPs[0]', text: 'none' }],
    },
    {
      name: 'a second cluster IP that is not an address',
      yaml: service(`clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, 10.96.0.300]\nipFamilyPolicy: PreferDualStack\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ip-invalid', field: 'spec.clusterIPs[1]', text: '10.96.0.300' }],
    },
    {
      name: '"None" with another cluster IP',
      yaml: service(`clusterIP: None\nclusterIPs: [None, 10.96.0.10]\nipFamilyPolicy: PreferDualStack\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ips-list', field: 'spec.clusterIPs', text: 'clusterIPs' }],
    },
    {
      name: 'two IPv4 cluster IPs',
      yaml: service(`clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, 10.96.0.11]\nipFamilyPolicy: RequireDualStack\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ips-list', field: 'spec.clusterIPs', text: 'clusterIPs' }],
    },
    {
      name: 'three cluster IPs',
      yaml: service(`clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, "fd00::10", 10.96.0.11]\nipFamilyPolicy: RequireDualStack\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ips-list', field: 'spec.clusterIPs', text: 'clusterIPs' }],
    },
    {
      name: 'an IPv6 cluster IP where ipFamilies says IPv4',
      yaml: service(`clusterIP: "fd00::10"\nipFamilies: [IPv4]\n${PORTS}`),
      expect: [{ code: 'svc-cluster-ip-family-mismatch', field: 'spec.clusterIPs[0]', text: '"fd00::10"' }],
    },
    {
      name: 'a headless LoadBalancer',
      yaml: service(`type: LoadBalancer\nclusterIP: None\n${PORTS}`),
      expect: [{ code: 'svc-headless-type', field: 'spec.clusterIPs[0]', text: 'None' }],
    },
    {
      name: 'an unknown and a repeated IP family',
      yaml: service(`ipFamilies: [ipv4, ipv4]\nipFamilyPolicy: PreferDualStack\n${PORTS}`),
      expect: [
        { code: 'svc-ip-families', field: 'spec.ipFamilies[0]', text: 'ipv4' },
        { code: 'svc-ip-families', field: 'spec.ipFamilies[1]', text: 'ipv4' },
        { code: 'svc-ip-families', field: 'spec.ipFamilies[1]', text: 'ipv4' },
      ],
    },
    {
      name: 'an unknown ipFamilyPolicy',
      yaml: service(`ipFamilyPolicy: DualStack\n${PORTS}`),
      expect: [{ code: 'svc-ip-family-policy', field: 'spec.ipFamilyPolicy', text: 'DualStack' }],
    },
    {
      name: 'two cluster IPs with the policy left to default to SingleStack',
      yaml: service(`clusterIP: 10.96.0.10\nclusterIPs: [10.96.0.10, "fd00::10"]\n${PORTS}`),
      expect: [{ code: 'svc-ip-family-policy-single-stack', field: 'spec.ipFamilyPolicy', text: 'clusterIPs' }],
    },
    {
      name: 'two families with an explicit SingleStack',
      yaml: service(`ipFamilies: [IPv4, IPv6]\nipFamilyPolicy: SingleStack\n${PORTS}`),
      expect: [{ code: 'svc-ip-family-policy-single-stack', field: 'spec.ipFamilyPolicy', text: 'SingleStack' }],
    },
    {
      name: 'two families on a headless Service with a selector (no dual-stack default)',
      yaml: service(`clusterIP: None\nipFamilies: [IPv4, IPv6]\n${PORTS}`),
      expect: [{ code: 'svc-ip-family-policy-single-stack', field: 'spec.ipFamilyPolicy', text: 'ipFamilies' }],
    },
    {
      name: 'an ExternalName Service without externalName',
      yaml: service('type: ExternalName'),
      expect: [{ code: 'svc-external-name-required', field: 'spec.externalName', text: 'spec' }],
    },
    {
      name: 'an externalName that is only the trailing dot',
      yaml: service('type: ExternalName\nexternalName: "."'),
      expect: [{ code: 'svc-external-name-required', field: 'spec.externalName', text: '"."' }],
    },
    {
      name: 'an externalName with capitals, and one that is an IPv6 address',
      yaml: [service('type: ExternalName\nexternalName: Api.Example.com'), service('type: ExternalName\nexternalName: "2001:db8::1"')].join(
        '---\n',
      ),
      expect: [
        { code: 'svc-external-name-invalid', field: 'spec.externalName', text: 'Api.Example.com' },
        { code: 'svc-external-name-invalid', field: 'spec.externalName', text: '"2001:db8::1"' },
      ],
    },
    {
      name: 'an ExternalName Service copied from a ClusterIP one keeps clusterIP, families and policy',
      yaml: service('type: ExternalName\nexternalName: api.example.com\nclusterIP: None\nipFamilies: [IPv4]\nipFamilyPolicy: SingleStack'),
      expect: [
        { code: 'svc-external-name-forbidden-fields', field: 'spec.clusterIPs', text: 'None' },
        { code: 'svc-external-name-forbidden-fields', field: 'spec.ipFamilies', text: 'ipFamilies' },
        { code: 'svc-external-name-forbidden-fields', field: 'spec.ipFamilyPolicy', text: 'SingleStack' },
      ],
    },
    {
      name: 'a loopback and a malformed external IP',
      yaml: service(`externalIPs: [127.0.0.1, 192.0.2.256]\n${PORTS}`),
      expect: [
        { code: 'svc-external-ip', field: 'spec.externalIPs[0]', text: '127.0.0.1' },
        { code: 'svc-external-ip', field: 'spec.externalIPs[1]', text: '192.0.2.256' },
        { code: 'svc-external-ips-deprecated', field: 'spec.externalIPs', text: 'externalIPs' },
      ],
    },
  ],
  pass: [
    {
      name: 'a dual-stack Service with both cluster IPs, families and RequireDualStack',
      covers: [
        'svc-cluster-ips-mismatch',
        'svc-cluster-ip-invalid',
        'svc-cluster-ips-list',
        'svc-cluster-ip-family-mismatch',
        'svc-ip-families',
        'svc-ip-family-policy',
        'svc-ip-family-policy-single-stack',
      ],
      yaml: service(`
        clusterIP: 10.96.0.10
        clusterIPs: [10.96.0.10, "fd00::10"]
        ipFamilies: [IPv4, IPv6]
        ipFamilyPolicy: RequireDualStack
        ${PORTS.replace(/\n/g, '\n        ')}
      `),
    },
    {
      name: 'an IPv6-first dual-stack request without addresses, and clusterIP "" (allocate)',
      covers: ['svc-cluster-ip-invalid', 'svc-ip-family-policy-single-stack', 'svc-type'],
      yaml: service(`type: NodePort\nclusterIP: ""\nipFamilies: [IPv6, IPv4]\nipFamilyPolicy: PreferDualStack\n${PORTS}`),
    },
    {
      name: 'a headless Service without selector defaults to RequireDualStack',
      covers: ['svc-ip-family-policy-single-stack', 'svc-headless-type', 'svc-ports-required'],
      yaml: service('clusterIP: None\nipFamilies: [IPv4, IPv6]'),
    },
    {
      name: 'ExternalName with a trailing dot, with ports and selector (ignored, no warning)',
      covers: ['svc-external-name-required', 'svc-external-name-invalid', 'svc-external-name-forbidden-fields'],
      yaml: service(`type: ExternalName\nexternalName: worldtimeapi.org.\n${PORTS}`),
    },
    {
      name: 'ExternalName with an IPv4 literal passes validation (a DNS advisory, not an API error)',
      covers: ['svc-external-name-invalid'],
      yaml: service('type: ExternalName\nexternalName: 203.0.113.7'),
    },
    {
      name: 'an IPv4-mapped IPv6 cluster IP counts as IPv4 for ipFamilies (only the form warns)',
      covers: ['svc-cluster-ip-family-mismatch', 'svc-cluster-ip-invalid', 'svc-cluster-ips-list'],
      yaml: service(
        `clusterIP: "::ffff:10.96.0.10"\nclusterIPs: ["::ffff:10.96.0.10", "fd00::10"]\nipFamilies: [IPv4, IPv6]\nipFamilyPolicy: PreferDualStack\n${PORTS}`,
      ),
      also: [{ code: 'svc-ip-non-standard', field: 'spec.clusterIPs[0]', text: '"::ffff:10.96.0.10"' }],
    },
    {
      name: 'ordinary external IPs (IPv4 and IPv6) on a LoadBalancer only get the deprecation warning',
      covers: ['svc-external-ip'],
      yaml: service(`type: LoadBalancer\nexternalIPs: [192.0.2.10, "2001:db8::10"]\n${PORTS}`),
      also: [{ code: 'svc-external-ips-deprecated', field: 'spec.externalIPs', text: 'externalIPs' }],
    },
  ],
};
