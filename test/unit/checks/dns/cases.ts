/** Data for the DNS-warning rules: for each rule a manifest that triggers it and one that does not. */
import { yaml, type RuleCase } from '../dnsHelpers';

/** A Service manifest; `spec` holds the lines under `spec:`, indented by two spaces. */
export const svc = (name: string, spec: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}\n`;

const headlessDb = svc('db', `  clusterIP: None\n  ports:\n  - name: pg\n    port: 5432`);

const slice = (ready: string): string => yaml`
  apiVersion: discovery.k8s.io/v1
  kind: EndpointSlice
  metadata:
    name: db-1
    labels:
      kubernetes.io/service-name: db
  addressType: IPv4
  ports:
  - name: pg
    port: 5432
  endpoints:
  - addresses: ["10.244.1.5"]
  ${ready}`;

const longName = 'a'.repeat(63);

export const DNS_CASES: readonly RuleCase[] = [
  {
    code: 'svc-port-unnamed-no-srv',
    name: 'single unnamed port',
    severity: 'info',
    bad: svc('web', `  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 8080`),
    badText: '80',
    good: svc('web', `  selector: {app: web}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080`),
  },
  {
    code: 'svc-headless-no-ports',
    name: 'headless Service without ports',
    severity: 'info',
    bad: svc('peers', `  clusterIP: None\n  selector: {app: peers}`),
    badText: 'None',
    good: svc('peers', `  clusterIP: None\n  selector: {app: peers}\n  ports:\n  - name: gossip\n    port: 7946`),
  },
  {
    code: 'svc-headless-no-endpoints',
    name: 'selectorless headless Service without endpoints',
    severity: 'warning',
    bad: headlessDb,
    badText: 'db',
    good: `${headlessDb}---\n${slice('')}`,
  },
  {
    code: 'svc-headless-no-endpoints',
    name: 'selectorless headless Service served by a mirrored Endpoints object',
    severity: 'warning',
    bad: headlessDb,
    badText: 'db',
    good: `${headlessDb}---\n${yaml`
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: db
      subsets:
      - addresses:
        - ip: 10.244.1.5
        ports:
        - name: pg
          port: 5432`}`,
  },
  {
    code: 'svc-headless-no-ready-endpoints',
    name: 'every endpoint of a headless Service not ready',
    severity: 'warning',
    bad: `${headlessDb}---\n${slice('  conditions: {ready: false}')}`,
    badText: 'db',
    good: `${headlessDb}---\n${slice('  conditions: {serving: false}')}`,
  },
  {
    code: 'svc-headless-no-ready-endpoints',
    name: 'selected Pod not ready',
    severity: 'warning',
    bad: `${svc('db', `  clusterIP: None\n  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\n${yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-0
        labels: {app: db}
      spec:
        containers:
        - name: pg
          image: postgres
      status:
        podIP: 10.244.1.5
        conditions:
        - type: Ready
          status: "False"`}`,
    badText: 'db',
    good: `${svc('db', `  clusterIP: None\n  publishNotReadyAddresses: true\n  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\n${yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-0
        labels: {app: db}
      spec:
        containers:
        - name: pg
          image: postgres
      status:
        podIP: 10.244.1.5
        conditions:
        - type: Ready
          status: "False"`}`,
  },
  {
    code: 'svc-external-name-ip',
    name: 'externalName is an IPv4 address',
    severity: 'warning',
    bad: svc('legacy', `  type: ExternalName\n  externalName: 10.1.2.3`),
    badText: '10.1.2.3',
    good: svc('legacy', `  type: ExternalName\n  externalName: legacy.example.com`),
  },
  {
    code: 'svc-external-name-ip',
    name: 'kube-dns answers an IP externalName (info)',
    severity: 'info',
    bad: svc('legacy', `  type: ExternalName\n  externalName: 10.1.2.3`),
    badText: '10.1.2.3',
    good: svc('legacy', `  type: ExternalName\n  externalName: legacy.example.com`),
    opts: { config: { flavor: 'kube-dns' } },
  },
  {
    code: 'svc-external-name-ignored-fields',
    name: 'ExternalName with ports and a selector',
    severity: 'info',
    bad: svc('time-api', `  type: ExternalName\n  externalName: worldtimeapi.org\n  ports:\n  - name: http\n    port: 80\n  selector:\n    app: time`),
    badText: ['ports', 'selector'],
    good: svc('time-api', `  type: ExternalName\n  externalName: worldtimeapi.org`),
  },
  {
    code: 'svc-external-name-trailing-dot',
    name: 'externalName with a trailing dot',
    severity: 'info',
    bad: svc('time-api', `  type: ExternalName\n  externalName: worldtimeapi.org.`),
    badText: 'worldtimeapi.org.',
    good: svc('time-api', `  type: ExternalName\n  externalName: worldtimeapi.org`),
  },
  {
    code: 'svc-external-name-in-cluster',
    name: 'externalName inside the cluster zone',
    severity: 'info',
    bad: svc('quote-alias', `  type: ExternalName\n  externalName: quote.kiada.svc.cluster.local`),
    badText: 'quote.kiada.svc.cluster.local',
    good: svc('quote-alias', `  type: ExternalName\n  externalName: quote.example.com`),
  },
  {
    code: 'svc-external-name-short-cluster-name',
    name: 'externalName written as <svc>.<ns>.svc',
    severity: 'warning',
    bad: svc('quote-alias', `  type: ExternalName\n  externalName: quote.kiada.svc`),
    badText: 'quote.kiada.svc',
    good: svc('quote-alias', `  type: ExternalName\n  externalName: quote.kiada.svc.cluster.local`),
  },
  {
    code: 'svc-dns-name-too-long',
    name: '63-character port name makes a 64-octet SRV label',
    severity: 'warning',
    bad: svc('web', `  selector: {app: web}\n  ports:\n  - name: ${longName}\n    port: 80`),
    badText: longName,
    good: svc('web', `  selector: {app: web}\n  ports:\n  - name: ${longName.slice(1)}\n    port: 80`),
  },
  {
    code: 'svc-dns-name-too-long',
    name: 'FQDN longer than 253 characters with a long cluster zone',
    severity: 'warning',
    bad: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: ${longName}
        namespace: ${'b'.repeat(63)}
      spec:
        selector: {app: web}
        ports:
        - name: http
          port: 80`,
    badText: longName,
    good: svc('web', `  selector: {app: web}\n  ports:\n  - name: http\n    port: 80`),
    opts: { config: { zone: `${'z'.repeat(60)}.${'y'.repeat(60)}.example` } },
  },
  {
    code: 'svc-external-address-not-in-dns',
    name: 'LoadBalancer Service',
    severity: 'info',
    bad: svc('kiada', `  type: LoadBalancer\n  selector: {app: kiada}\n  ports:\n  - name: http\n    port: 80`),
    badText: 'LoadBalancer',
    good: svc('kiada', `  type: ClusterIP\n  selector: {app: kiada}\n  ports:\n  - name: http\n    port: 80`),
  },
  {
    code: 'svc-external-address-not-in-dns',
    name: 'NodePort Service',
    severity: 'info',
    bad: svc('kiada', `  type: NodePort\n  selector: {app: kiada}\n  ports:\n  - name: http\n    port: 80\n    nodePort: 30080`),
    badText: 'NodePort',
    good: svc('kiada', `  selector: {app: kiada}\n  ports:\n  - name: http\n    port: 80`),
  },
  {
    code: 'svc-external-address-not-in-dns',
    name: 'ClusterIP Service with externalIPs',
    severity: 'info',
    bad: svc('kiada', `  selector: {app: kiada}\n  externalIPs: [203.0.113.10]\n  ports:\n  - name: http\n    port: 80`),
    badText: 'externalIPs',
    good: svc('kiada', `  selector: {app: kiada}\n  externalIPs: []\n  ports:\n  - name: http\n    port: 80`),
  },
  {
    code: 'svc-publish-not-ready-no-selector',
    name: 'publishNotReadyAddresses without a selector',
    severity: 'info',
    bad: `${svc('db', `  clusterIP: None\n  publishNotReadyAddresses: true\n  ports:\n  - name: pg\n    port: 5432`)}---\n${slice('')}`,
    badText: 'publishNotReadyAddresses',
    good: svc('db', `  clusterIP: None\n  publishNotReadyAddresses: true\n  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`),
  },
  {
    code: 'svc-kube-dns-differences',
    name: 'kube-dns flavour',
    severity: 'info',
    bad: svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80`),
    badText: 'quote',
    opts: { config: { flavor: 'kube-dns' } },
    good: svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80`),
    goodOpts: { config: { flavor: 'coredns' } },
  },
];
