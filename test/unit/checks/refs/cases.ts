/** Data for the cross-resource reference rules: for each rule a failing and a passing manifest. */
import { type RuleCase } from '../dnsHelpers';
import { svc } from '../dns/cases';

/** A Deployment whose template carries `labels` (flow map) and the given container ports. */
export const deployment = (name: string, labels: string, ports = '- name: http\n          containerPort: 8080'): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: main
        image: example/${name}
        ports:
        ${ports}
`;

/** A Pod in the default namespace whose env value holds `url`. */
const envPod = (url: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: main
    image: example/client
    env:
    - name: TARGET
      value: ${url}
`;

/** A StatefulSet `web` governed by Service `serviceName`, pods labelled app: web. */
const statefulSet = (serviceName: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ${serviceName}
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const headlessWeb = svc('web', `  clusterIP: None\n  selector: {app: web}\n  ports:\n  - name: http\n    port: 80`);

const endpointSlice = (labels: string): string => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-db-1
${labels}addressType: IPv4
endpoints:
- addresses: ["10.0.0.7"]
`;

const pod = (subdomain: string, labels = '{app: dev}'): string => `apiVersion: v1
kind: Pod
metadata:
  name: dev
  labels: ${labels}
spec:
  hostname: dev
  subdomain: ${subdomain}
  containers:
  - name: shell
    image: busybox
`;

export const REF_CASES: readonly RuleCase[] = [
  {
    code: 'svc-selector-no-match',
    name: 'selector matches no pod template in the namespace',
    severity: 'warning',
    bad: `${svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80`)}---\n${deployment('kiada', '{app: kiada}')}`,
    badText: 'selector',
    good: `${svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80`)}---\n${deployment('quote', '{app: quote, rel: stable}')}`,
  },
  {
    code: 'svc-target-port-name-unknown',
    name: 'named targetPort no container declares',
    severity: 'warning',
    bad: `${svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80\n    targetPort: web`)}---\n${deployment('quote', '{app: quote}')}`,
    badText: 'web',
    good: `${svc('quote', `  selector: {app: quote}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http`)}---\n${deployment('quote', '{app: quote}')}`,
  },
  {
    code: 'svc-target-port-name-unknown',
    name: 'named targetPort declared with another protocol',
    severity: 'warning',
    bad: `${svc('dns', `  selector: {app: dns}\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n    targetPort: dns`)}---\n${deployment('dns', '{app: dns}', '- name: dns\n          containerPort: 5353')}`,
    badText: 'dns',
    good: `${svc('dns', `  selector: {app: dns}\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n    targetPort: dns`)}---\n${deployment('dns', '{app: dns}', '- name: dns\n          containerPort: 5353\n          protocol: UDP')}`,
  },
  {
    code: 'sts-service-missing',
    name: 'serviceName names no Service',
    severity: 'warning',
    bad: statefulSet('web'),
    badText: 'web',
    good: `${headlessWeb}---\n${statefulSet('web')}`,
  },
  {
    code: 'sts-service-not-headless',
    name: 'serviceName names a ClusterIP Service',
    severity: 'warning',
    bad: `${svc('web', `  selector: {app: web}\n  ports:\n  - name: http\n    port: 80`)}---\n${statefulSet('web')}`,
    badText: 'web',
    good: `${headlessWeb}---\n${statefulSet('web')}`,
  },
  {
    code: 'sts-service-not-headless',
    name: 'serviceName names an ExternalName Service',
    severity: 'warning',
    bad: `${svc('web', `  type: ExternalName\n  externalName: web.example.com`)}---\n${statefulSet('web')}`,
    badText: 'web',
    good: `${headlessWeb}---\n${statefulSet('web')}`,
  },
  {
    code: 'sts-service-selector-mismatch',
    name: 'governing Service selects other pods',
    severity: 'warning',
    bad: `${svc('web', `  clusterIP: None\n  selector: {app: nginx}\n  ports:\n  - name: http\n    port: 80`)}---\n${statefulSet('web')}`,
    badText: 'web',
    good: `${headlessWeb}---\n${statefulSet('web')}`,
  },
  {
    code: 'endpoints-for-selector-service',
    name: 'hand-written EndpointSlice for a Service with a selector',
    severity: 'warning',
    bad: `${svc('db', `  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\n${endpointSlice('  labels:\n    kubernetes.io/service-name: db\n')}`,
    badText: 'db',
    good: `${svc('db', `  ports:\n  - name: pg\n    port: 5432`)}---\n${endpointSlice('  labels:\n    kubernetes.io/service-name: db\n')}`,
  },
  {
    code: 'endpoints-for-selector-service',
    name: 'hand-written Endpoints for a Service with a selector',
    severity: 'warning',
    bad: `${svc('db', `  selector: {app: db}\n  ports:\n  - name: pg\n    port: 5432`)}---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: 10.0.0.7\n`,
    badText: 'db',
    good: `${svc('db', `  ports:\n  - name: pg\n    port: 5432`)}---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: 10.0.0.7\n`,
  },
  {
    code: 'endpointslice-no-service-label',
    name: 'EndpointSlice without kubernetes.io/service-name',
    severity: 'warning',
    bad: endpointSlice('  labels:\n    team: data\n'),
    badText: 'external-db-1',
    good: endpointSlice('  labels:\n    kubernetes.io/service-name: external-db\n'),
  },
  {
    code: 'pod-subdomain-no-headless-service',
    name: 'Pod subdomain without a Service',
    severity: 'warning',
    bad: pod('devs'),
    badText: 'devs',
    good: `${svc('devs', `  clusterIP: None\n  selector: {app: dev}\n  ports:\n  - name: ssh\n    port: 22`)}---\n${pod('devs')}`,
  },
  {
    code: 'pod-subdomain-no-headless-service',
    name: 'Pod subdomain names a ClusterIP Service',
    severity: 'warning',
    bad: `${svc('devs', `  selector: {app: dev}\n  ports:\n  - name: ssh\n    port: 22`)}---\n${pod('devs')}`,
    badText: 'devs',
    good: `${svc('devs', `  clusterIP: None\n  selector: {app: dev}\n  ports:\n  - name: ssh\n    port: 22`)}---\n${pod('devs')}`,
  },
  {
    code: 'pod-subdomain-no-headless-service',
    name: 'headless Service of the subdomain does not select the Pod',
    severity: 'warning',
    bad: `${svc('devs', `  clusterIP: None\n  selector: {app: dev}\n  ports:\n  - name: ssh\n    port: 22`)}---\n${pod('devs', '{app: ops}')}`,
    badText: 'devs',
    good: `${svc('devs', `  clusterIP: None\n  ports:\n  - name: ssh\n    port: 22`)}---\n${pod('devs', '{app: ops}')}`,
  },
  {
    code: 'dns-name-unresolved',
    name: 'a typo in a URL in an env value',
    severity: 'warning',
    bad: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`)}---\n${envPod('http://quot.default:80/')}`,
    badText: 'quot.default',
    good: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`)}---\n${envPod('http://quote:80/')}`,
  },
  {
    code: 'dns-name-wrong-namespace',
    name: 'a short name of a Service in another namespace',
    severity: 'warning',
    bad: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`).replace('name: quote', 'name: quote\n  namespace: kiada')}---\n${envPod('http://quote:80/')}`,
    badText: 'quote',
    good: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`).replace('name: quote', 'name: quote\n  namespace: kiada')}---\n${envPod('http://quote.kiada:80/')}`,
  },
  {
    code: 'dns-name-port-unknown',
    name: 'a URL port the Service does not expose',
    severity: 'warning',
    bad: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`)}---\n${envPod('http://quote:8080/')}`,
    badText: 'quote',
    good: `${svc('quote', `  clusterIP: 10.0.0.9\n  ports:\n  - name: http\n    port: 80`)}---\n${envPod('http://quote:80/')}`,
  },
  {
    code: 'object-duplicate',
    name: 'two Deployments with one name in one namespace, in two files',
    severity: 'warning',
    bad: { 'a.yaml': deployment('quote', '{app: quote}'), 'b.yaml': deployment('quote', '{app: quote2}') },
    badText: ['quote', 'quote'],
    good: { 'a.yaml': deployment('quote', '{app: quote}'), 'b.yaml': deployment('quote', '{app: quote}').replace('name: quote\n', 'name: quote\n  namespace: other\n') },
  },
];
