/** Cases for metadata rules (META-1…7, TOPO-1, W1). */
import { service } from '../../helpers';
import type { CaseTable } from '../table';

const PORTS = `
  selector: {app: web}
  ports:
  - port: 80
`;

export const metadataCases: CaseTable = {
  fail: [
    {
      name: 'a Service without a name points at metadata',
      yaml: service(PORTS, 'namespace: shop'),
      expect: [{ code: 'meta-name-required', field: 'metadata.name', text: 'metadata' }],
    },
    {
      name: 'an empty name is reported on the name',
      yaml: service(PORTS, 'name: ""'),
      expect: [{ code: 'meta-name-required', field: 'metadata.name', text: '""' }],
    },
    {
      name: 'a Service name must start with a letter (DNS-1035)',
      yaml: service(PORTS, 'name: 1web'),
      expect: [{ code: 'svc-name-dns1035', field: 'metadata.name', text: '1web' }],
    },
    {
      name: 'a Service name may not contain dots or capitals',
      yaml: service(PORTS, 'name: My.Svc'),
      expect: [{ code: 'svc-name-dns1035', field: 'metadata.name', text: 'My.Svc' }],
    },
    {
      name: 'a Service generateName prefix is checked too',
      yaml: service(PORTS, 'generateName: Web-'),
      expect: [{ code: 'svc-name-dns1035', field: 'metadata.generateName', text: 'Web-' }],
    },
    {
      name: 'a namespace with capitals',
      yaml: service(PORTS, 'name: web\nnamespace: Shop'),
      expect: [{ code: 'meta-namespace', field: 'metadata.namespace', text: 'Shop' }],
    },
    {
      name: 'a namespace with dots',
      yaml: service(PORTS, 'name: web\nnamespace: shop.prod'),
      expect: [{ code: 'meta-namespace', field: 'metadata.namespace', text: 'shop.prod' }],
    },
    {
      name: 'a bad label key and a bad label value, each at its own node',
      yaml: service(PORTS, 'name: web\nlabels:\n  a/b/c: x\n  tier: back-'),
      expect: [
        { code: 'meta-labels', field: 'metadata.labels', text: 'a/b/c' },
        { code: 'meta-labels', field: 'metadata.labels', text: 'back-' },
      ],
    },
    {
      name: 'an annotation key with a space',
      yaml: service(PORTS, 'name: web\nannotations:\n  foo bar: x'),
      expect: [{ code: 'meta-annotations', field: 'metadata.annotations', text: 'foo bar' }],
    },
    {
      name: 'annotations over 256 KiB',
      yaml: service(PORTS, `name: web\nannotations:\n  big: ${'x'.repeat(262144)}`),
      expect: [{ code: 'meta-annotations', field: 'metadata.annotations', text: 'annotations' }],
    },
    {
      name: 'an unqualified finalizer that is not a standard one',
      yaml: service(PORTS, 'name: web\nfinalizers: [my-finalizer, a/b/c]'),
      expect: [
        { code: 'meta-finalizers', field: 'metadata.finalizers[0]', text: 'my-finalizer' },
        { code: 'meta-finalizers', field: 'metadata.finalizers', text: 'a/b/c' },
      ],
    },
    {
      name: 'orphan and foregroundDeletion together',
      yaml: service(PORTS, 'name: web\nfinalizers: [orphan, foregroundDeletion]'),
      expect: [{ code: 'meta-finalizers', field: 'metadata.finalizers', text: 'finalizers' }],
    },
    {
      name: 'topology-mode disagrees with the deprecated hints annotation',
      yaml: service(
        PORTS,
        'name: web\nannotations:\n  service.kubernetes.io/topology-mode: Auto\n  service.kubernetes.io/topology-aware-hints: auto',
      ),
      expect: [
        { code: 'svc-topology-mode-mismatch', field: 'metadata.annotations[service.kubernetes.io/topology-mode]', text: 'Auto' },
        {
          code: 'svc-topology-hints-deprecated',
          field: 'metadata.annotations[service.kubernetes.io/topology-aware-hints]',
          text: 'service.kubernetes.io/topology-aware-hints',
        },
      ],
    },
  ],
  pass: [
    {
      name: 'well-formed metadata: prefixed labels, upper-case annotation key, standard and qualified finalizers',
      covers: ['meta-name-required', 'meta-namespace', 'meta-labels', 'meta-annotations', 'meta-finalizers', 'svc-name-dns1035'],
      yaml: service(
        PORTS,
        [
          'name: web-2',
          'namespace: shop-1',
          'labels: {app.kubernetes.io/name: web, empty: ""}',
          'annotations: {Example.com/Owner: team-a}',
          'finalizers: [kubernetes, example.com/cleanup]',
        ].join('\n'),
      ),
    },
    {
      name: 'generateName with a trailing dash and no name',
      covers: ['meta-name-required', 'svc-name-dns1035'],
      yaml: service(PORTS, 'generateName: web-'),
    },
    {
      name: 'topology-mode alone (no deprecated hints annotation to disagree with)',
      covers: ['svc-topology-mode-mismatch', 'svc-topology-hints-deprecated'],
      yaml: service(PORTS, 'name: web\nannotations:\n  service.kubernetes.io/topology-mode: Auto'),
    },
  ],
};
