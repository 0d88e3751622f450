/**
 * A small cluster for the live tests, modelled on the chapter's `kiada` namespace: the `quote`
 * Service with two ready pods behind it (one not ready), a headless Service, and the CoreDNS
 * ConfigMap in kube-system.
 */
import type { KubeObjectJson } from './store';

/** A Namespace object. */
export function namespace(name: string): KubeObjectJson {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

function pod(name: string, ip: string, ready: boolean): KubeObjectJson {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kiada', labels: { app: 'quote' } },
    spec: { containers: [{ name: 'quote', image: 'luksa/quote-api:0.1', ports: [{ name: 'http', containerPort: 8080 }] }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

/** The objects of the kiada test cluster (fresh copies on every call). */
export function kiadaSeed(): KubeObjectJson[] {
  return [
    namespace('default'),
    namespace('kube-system'),
    namespace('kiada'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'quote', namespace: 'kiada', labels: { app: 'quote' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.21',
        clusterIPs: ['10.96.0.21'],
        ipFamilies: ['IPv4'],
        selector: { app: 'quote' },
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'quote-headless', namespace: 'kiada' },
      spec: { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'quote' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] },
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'quote-x7k2p',
        namespace: 'kiada',
        labels: { 'kubernetes.io/service-name': 'quote', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.7'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'quote-001', namespace: 'kiada' } },
        { addresses: ['10.244.2.9'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'quote-002', namespace: 'kiada' } },
        { addresses: ['10.244.3.4'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'quote-003', namespace: 'kiada' } },
      ],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'quote-headless-m2v9q',
        namespace: 'kiada',
        labels: { 'kubernetes.io/service-name': 'quote-headless', 'service.kubernetes.io/headless': '' },
      },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.7'], conditions: { ready: true } }],
    },
    pod('quote-001', '10.244.1.7', true),
    pod('quote-002', '10.244.2.9', true),
    pod('quote-003', '10.244.3.4', false),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: {
        Corefile: [
          '.:53 {',
          '    errors',
          '    health',
          '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
          '       pods insecure',
          '       fallthrough in-addr.arpa ip6.arpa',
          '       ttl 30',
          '    }',
          '    forward . /etc/resolv.conf',
          '    cache 30',
          '    loop',
          '    reload',
          '    loadbalance',
          '}',
          '',
        ].join('\n'),
      },
    },
  ];
}
