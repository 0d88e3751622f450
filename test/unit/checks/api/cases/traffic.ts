/** Cases for selector, session affinity, traffic policies and LoadBalancer-only fields (SEL, SA, ETP, HC, ITP, TD, LBSR, ALNP, LBC). */
import { service } from '../../helpers';
import type { CaseTable } from '../table';

const PORTS = 'ports:\n- port: 80';
const LBSR = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export const trafficCases: CaseTable = {
  fail: [
    {
      name: 'a selector with a bad key and a bad value',
      yaml: service(`selector: {a/b/c: web, app: web server}\n${PORTS}`),
      expect: [
        { code: 'svc-selector', field: 'spec.selector', text: 'a/b/c' },
        { code: 'svc-selector', field: 'spec.selector', text: 'web server' },
      ],
    },
    {
      name: 'sessionAffinity in the wrong case',
      yaml: service(`sessionAffinity: clientIP\n${PORTS}`),
      expect: [{ code: 'svc-session-affinity', field: 'spec.sessionAffinity', text: 'clientIP' }],
    },
    {
      name: 'a ClientIP timeout of 0 and one over a day',
      yaml: [
        service(`sessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}\n${PORTS}`),
        service(`sessionAffinity: ClientIP\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 86401}}\n${PORTS}`),
      ].join('---\n'),
      expect: [
        { code: 'svc-session-affinity-timeout', field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', text: '0' },
        { code: 'svc-session-affinity-timeout', field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', text: '86401' },
      ],
    },
    {
      name: 'externalTrafficPolicy on a ClusterIP and on an ExternalName Service',
      yaml: [
        service(`externalTrafficPolicy: Local\n${PORTS}`),
        service('type: ExternalName\nexternalName: api.example.com\nexternalTrafficPolicy: Cluster'),
      ].join('---\n'),
      expect: [
        { code: 'svc-external-traffic-policy-scope', field: 'spec.externalTrafficPolicy', text: 'Local' },
        { code: 'svc-external-traffic-policy-scope', field: 'spec.externalTrafficPolicy', text: 'Cluster' },
      ],
    },
    {
      name: 'externalTrafficPolicy in the wrong case',
      yaml: service(`type: NodePort\nexternalTrafficPolicy: local\n${PORTS}`),
      expect: [{ code: 'svc-external-traffic-policy-value', field: 'spec.externalTrafficPolicy', text: 'local' }],
    },
    {
      name: 'healthCheckNodePort without LoadBalancer + Local, and out of range with them',
      yaml: [
        service(`type: NodePort\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 30100\n${PORTS}`),
        service(`type: LoadBalancer\nexternalTrafficPolicy: Local\nhealthCheckNodePort: 70000\n${PORTS}`),
      ].join('---\n'),
      expect: [
        { code: 'svc-health-check-node-port', field: 'spec.healthCheckNodePort', text: '30100' },
        { code: 'svc-health-check-node-port', field: 'spec.healthCheckNodePort', text: '70000' },
      ],
    },
    {
      name: 'internalTrafficPolicy "" (not defaulted: the field is a pointer) and Node',
      yaml: [service(`internalTrafficPolicy: ""\n${PORTS}`), service(`internalTrafficPolicy: Node\n${PORTS}`)].join('---\n'),
      expect: [
        { code: 'svc-internal-traffic-policy', field: 'spec.internalTrafficPolicy', text: '""' },
        { code: 'svc-internal-traffic-policy', field: 'spec.internalTrafficPolicy', text: 'Node' },
      ],
    },
    {
      name: 'an unknown trafficDistribution',
      yaml: service(`trafficDistribution: PreferRegion\n${PORTS}`),
      expect: [{ code: 'svc-traffic-distribution', field: 'spec.trafficDistribution', text: 'PreferRegion' }],
    },
    {
      name: 'source ranges on a ClusterIP Service: the field (capital L in the path) and the annotation',
      yaml: [
        service(`loadBalancerSourceRanges: [10.0.0.0/8]\n${PORTS}`),
        service(PORTS, `name: web\nannotations:\n  ${LBSR}: 10.0.0.0/8`),
      ].join('---\n'),
      expect: [
        { code: 'svc-lb-source-ranges-type', field: 'spec.LoadBalancerSourceRanges', text: 'loadBalancerSourceRanges' },
        { code: 'svc-lb-source-ranges-type', field: `metadata.annotations[${LBSR}]`, text: LBSR },
      ],
    },
    {
      name: 'a source range that is not a CIDR, in the field and in the annotation',
      yaml: [
        service(`type: LoadBalancer\nloadBalancerSourceRanges: [10.0.0.0/8, 10.0.0.0/33]\n${PORTS}`),
        service(`type: LoadBalancer\n${PORTS}`, `name: web\nannotations:\n  ${LBSR}: 10.0.0.0/8, bogus`),
      ].join('---\n'),
      expect: [
        { code: 'svc-lb-source-ranges-cidr', field: 'spec.LoadBalancerSourceRanges[1]', text: '10.0.0.0/33' },
        { code: 'svc-lb-source-ranges-cidr', field: `metadata.annotations[${LBSR}]`, text: '10.0.0.0/8, bogus' },
      ],
    },
    {
      name: 'allocateLoadBalancerNodePorts on a NodePort Service',
      yaml: service(`type: NodePort\nallocateLoadBalancerNodePorts: false\n${PORTS}`),
      expect: [{ code: 'svc-allocate-lb-node-ports', field: 'spec.allocateLoadBalancerNodePorts', text: 'false' }],
    },
    {
      name: 'loadBalancerClass on a ClusterIP Service, and an unqualified one on a LoadBalancer',
      yaml: [
        service(`loadBalancerClass: example.com/internal\n${PORTS}`),
        service(`type: LoadBalancer\nloadBalancerClass: example.com/\n${PORTS}`),
      ].join('---\n'),
      expect: [
        { code: 'svc-lb-class', field: 'spec.loadBalancerClass', text: 'example.com/internal' },
        { code: 'svc-lb-class', field: 'spec.loadBalancerClass', text: 'example.com/' },
      ],
    },
  ],
  pass: [
    {
      name: 'a LoadBalancer using every LoadBalancer-only field correctly',
      covers: [
        'svc-selector',
        'svc-session-affinity',
        'svc-session-affinity-timeout',
        'svc-external-traffic-policy-scope',
        'svc-external-traffic-policy-value',
        'svc-health-check-node-port',
        'svc-internal-traffic-policy',
        'svc-traffic-distribution',
        'svc-lb-source-ranges-type',
        'svc-lb-source-ranges-cidr',
        'svc-allocate-lb-node-ports',
        'svc-lb-class',
        'svc-lb-source-range-non-standard',
      ],
      yaml: service(
        `
        type: LoadBalancer
        selector: {app.kubernetes.io/name: web, tier: ""}
        sessionAffinity: ClientIP
        sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}
        externalTrafficPolicy: Local
        healthCheckNodePort: 30100
        internalTrafficPolicy: Local
        trafficDistribution: PreferSameZone
        loadBalancerSourceRanges: [" 203.0.113.0/24 ", "2001:db8::/64"]
        allocateLoadBalancerNodePorts: false
        loadBalancerClass: example.com/internal
        ${PORTS.replace(/\n/g, '\n        ')}
      `,
        // The field wins: the annotation is not even parsed.
        `name: web\nannotations:\n  ${LBSR}: not-a-cidr`,
      ),
    },
    {
      name: 'ClientIP affinity without config (defaulted to 10800 s), and affinity None with a dropped config',
      covers: ['svc-session-affinity-timeout', 'svc-session-affinity'],
      yaml: [
        service(`sessionAffinity: ClientIP\n${PORTS}`),
        service(`sessionAffinity: None\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}\n${PORTS}`),
      ].join('---\n'),
    },
    {
      name: 'an empty source-range annotation on a LoadBalancer, and internalTrafficPolicy on ExternalName',
      covers: ['svc-lb-source-ranges-cidr', 'svc-lb-source-ranges-type', 'svc-internal-traffic-policy'],
      yaml: [
        service(`type: LoadBalancer\n${PORTS}`, `name: web\nannotations:\n  ${LBSR}: " "`),
        service('type: ExternalName\nexternalName: api.example.com\ninternalTrafficPolicy: Cluster'),
      ].join('---\n'),
    },
    {
      name: 'externalTrafficPolicy on a ClusterIP Service with externalIPs (externally accessible)',
      covers: ['svc-external-traffic-policy-scope'],
      yaml: service(`externalIPs: [192.0.2.10]\nexternalTrafficPolicy: Local\n${PORTS}`),
      also: [{ code: 'svc-external-ips-deprecated', field: 'spec.externalIPs', text: 'externalIPs' }],
    },
  ],
};
