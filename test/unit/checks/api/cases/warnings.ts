/** Cases for the API server's Service warnings (W1–W13). */
import { service } from '../../helpers';
import type { CaseTable } from '../table';

const PORTS = 'ports:\n- port: 80';

export const warningCases: CaseTable = {
  fail: [
    {
      name: 'the deprecated topology-aware-hints annotation',
      yaml: service(PORTS, 'name: web\nannotations:\n  service.kubernetes.io/topology-aware-hints: auto'),
      expect: [
        {
          code: 'svc-topology-hints-deprecated',
          field: 'metadata.annotations[service.kubernetes.io/topology-aware-hints]',
          text: 'service.kubernetes.io/topology-aware-hints',
        },
      ],
    },
    {
      name: 'a cluster IP with leading zeros, and an IPv6 one not in RFC 5952 form',
      yaml: [service(`clusterIP: 010.096.000.001\n${PORTS}`), service(`clusterIP: "fd00:0:0::A"\n${PORTS}`)].join('---\n'),
      expect: [
        { code: 'svc-ip-non-standard', field: 'spec.clusterIPs[0]', text: '010.096.000.001' },
        { code: 'svc-ip-non-standard', field: 'spec.clusterIPs[0]', text: '"fd00:0:0::A"' },
      ],
    },
    {
      name: 'an IPv4-mapped external IP and a non-canonical loadBalancerIP',
      yaml: service(`type: LoadBalancer\nexternalIPs: ["::ffff:192.0.2.1"]\nloadBalancerIP: "2001:DB8::1"\n${PORTS}`),
      expect: [
        { code: 'svc-ip-non-standard', field: 'spec.externalIPs[0]', text: '"::ffff:192.0.2.1"' },
        { code: 'svc-ip-non-standard', field: 'spec.loadBalancerIP', text: '"2001:DB8::1"' },
        { code: 'svc-external-ips-deprecated', field: 'spec.externalIPs', text: 'externalIPs' },
      ],
    },
    {
      name: 'a headless Service with loadBalancerIP, externalIPs and ClientIP affinity',
      yaml: service(`clusterIP: None\nloadBalancerIP: 192.0.2.1\nexternalIPs: [192.0.2.2]\nsessionAffinity: ClientIP\n${PORTS}`),
      expect: [
        { code: 'svc-headless-ignored-fields', field: 'spec.loadBalancerIP', text: '192.0.2.1' },
        { code: 'svc-headless-ignored-fields', field: 'spec.externalIPs', text: 'externalIPs' },
        { code: 'svc-headless-ignored-fields', field: 'spec.sessionAffinity', text: 'ClientIP' },
      ],
    },
    {
      name: 'externalIPs on a ClusterIP Service',
      yaml: service(`externalIPs: [192.0.2.10]\n${PORTS}`),
      expect: [{ code: 'svc-external-ips-deprecated', field: 'spec.externalIPs', text: 'externalIPs' }],
    },
    {
      name: 'a source range with host bits set',
      yaml: service(`type: LoadBalancer\nloadBalancerSourceRanges: [10.0.0.1/8]\n${PORTS}`),
      expect: [{ code: 'svc-lb-source-range-non-standard', field: 'spec.loadBalancerSourceRanges[0]', text: '10.0.0.1/8' }],
    },
    {
      name: 'externalIPs on an ExternalName Service',
      yaml: service('type: ExternalName\nexternalName: api.example.com\nexternalIPs: [192.0.2.10]'),
      expect: [{ code: 'svc-external-ips-ignored', field: 'spec.externalIPs', text: 'externalIPs' }],
    },
    {
      name: 'externalName on a ClusterIP Service',
      yaml: service(`externalName: api.example.com\n${PORTS}`),
      expect: [{ code: 'svc-external-name-ignored', field: 'spec.externalName', text: 'api.example.com' }],
    },
    {
      name: 'trafficDistribution PreferClose',
      yaml: service(`trafficDistribution: PreferClose\n${PORTS}`),
      expect: [{ code: 'svc-traffic-distribution-deprecated', field: 'spec.trafficDistribution', text: 'PreferClose' }],
    },
  ],
  pass: [
    {
      name: 'standard addresses everywhere, canonical IPv6, a network-aligned source range',
      covers: ['svc-ip-non-standard', 'svc-lb-source-range-non-standard', 'svc-traffic-distribution-deprecated'],
      yaml: service(`
        type: LoadBalancer
        clusterIP: "fd00::a"
        loadBalancerIP: 192.0.2.1
        loadBalancerSourceRanges: [10.0.0.0/8, "2001:db8::/32", 192.0.2.7/32]
        trafficDistribution: PreferSameNode
        ${PORTS.replace(/\n/g, '\n        ')}
      `),
    },
    {
      name: 'a headless Service with affinity None and externalName left empty',
      covers: ['svc-headless-ignored-fields', 'svc-external-name-ignored', 'svc-external-ips-deprecated', 'svc-topology-hints-deprecated'],
      yaml: service(`clusterIP: None\nsessionAffinity: None\nexternalName: ""\n${PORTS}`),
    },
    {
      name: 'an ExternalName Service without externalIPs',
      covers: ['svc-external-ips-ignored', 'svc-external-ips-deprecated'],
      yaml: service('type: ExternalName\nexternalName: api.example.com'),
    },
  ],
};
