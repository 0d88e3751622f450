/**
 * Edits as a user makes them, on manifests full of cross-references: for the tests that compare
 * an incrementally updated index (or server) with a fresh one.
 */

/** Objects that refer to the examples' Services: a StatefulSet, URLs, a Pod subdomain, an ExternalName, Endpoints. */
export const EXTRA = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: kiada
spec:
  serviceName: quote
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: urls
  namespace: other
data:
  A: http://quote.kiada:80/
  B: http://quote-headless.kiada.svc.cluster.local:8080/
  C: kiada:8080
---
apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: kiada
  labels: {app: client}
spec:
  hostname: client-0
  subdomain: quote-headless
  containers:
  - name: c
    image: busybox
    ports:
    - name: web
      containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: alias
  namespace: other
spec:
  type: ExternalName
  externalName: quote.kiada.svc.cluster.local
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
  namespace: other
subsets:
- addresses: [{ip: 10.1.2.3}]
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: manual
  namespace: other
spec:
  clusterIP: None
  ports: [{name: http, port: 80}]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: kiada
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: m
        image: busybox
        env:
        - {name: API, value: "https://kubernetes.default.svc"}
---
apiVersion: v1
kind: Service
metadata:
  name: by-controller
  namespace: kiada
spec:
  clusterIP: None
  selector: {job-name: migrate}
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: db-1
  namespace: kiada
spec:
  clusterIP: None
  selector: {statefulset.kubernetes.io/pod-name: db-1}
  ports: [{name: http, port: 80}]
`;

/** Edits a user makes: renames, namespaces, headless or not, port names, written names, documents. */
export const SWAPS: [string, string][] = [
  ['name: quote\n', 'name: quote2\n'],
  ['namespace: kiada\n', 'namespace: other\n'],
  ['clusterIP: None', 'clusterIP: 10.96.0.99'],
  ['  - name: http\n    port: 80', '  - port: 80'],
  ['http://quote.kiada:80', 'http://quote:80'],
  ['http://quote.kiada:80', 'http://quote.other:8080'],
  ['kubernetes.io/service-name: quote-headless', 'kubernetes.io/service-name: quote'],
  ['serviceName: quote', 'serviceName: quote-headless'],
  ['app: quote', 'app: kiada'],
  ['ready: true', 'ready: false'],
  ['\n---\n', '\n'],
  ['subdomain: quote-headless', 'subdomain: nowhere'],
  ['externalName: quote.kiada.svc.cluster.local', 'externalName: quote.kiada'],
  ['targetPort: http', 'targetPort: web'],
  ['app: client', 'app: quote'],
  ['    kubernetes.io/service-name: quote-headless\n', ''],
  ['name: manual\n', 'name: manual2\n'],
  ['quote-headless-6ddz4', 'quote-6ddz4'],
  ['- name: http\n          containerPort: 80', '- name: web\n          containerPort: 80'],
  ['serviceName: quote', 'serviceName: db'],
  ['kind: Service\n', 'kind: ConfigMap\n'],
  ['namespace: shop', 'namespace: kiada'],
  ['name: other\n', 'name: elsewhere\n'],
  ['type: ExternalName\n', ''],
  ['\n---\n', '\n---\napiVersion: v1\nkind: Service\nmetadata: {name: quote, namespace: other}\nspec: {ports: [{port: 80}]}\n---\n'],
  ['name: migrate\n', 'name: migrate2\n'],
  ['pod-name: db-1', 'pod-name: db-0'],
  ['replicas: 2', 'replicas: 1'],
  ['selector: {job-name: migrate}', 'selector: {controller-uid: abc}'],
];

/** The edit that makes swap `swap` (backwards: `b` → `a`) at the `nth` occurrence (or the last), if any. */
export function swapEdit(text: string, swap: number, back: boolean, nth: number): { start: number; end: number; text: string } | undefined {
  const [a, b] = back ? [SWAPS[swap]![1], SWAPS[swap]![0]] : SWAPS[swap]!;
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    const next = text.indexOf(a, at + 1);
    if (next < 0) break;
    at = next;
  }
  return at < 0 ? undefined : { start: at, end: at + a.length, text: b };
}
