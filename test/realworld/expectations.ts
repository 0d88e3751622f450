/**
 * What each real-world case (a folder under cases/) must and must not report. The expectations
 * state the correct behaviour (what kubectl and the API server do, what CoreDNS serves), not what
 * the code does today; cases the code gets wrong today are listed in KNOWN_FAILING.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A finding pattern. `code: '*'` is any code; `within` is an inclusive range of 1-based lines. */
export interface Want {
  readonly code: string | RegExp;
  /** Path relative to the case folder, with `/`. */
  readonly file?: string;
  readonly line?: number;
  readonly within?: readonly [number, number];
  readonly severity?: Severity;
}

export interface RealWorldCase {
  /** The folder under cases/. */
  readonly dir: string;
  /** The test's name: the style or pattern, and what must hold. */
  readonly title: string;
  /** Findings that must be reported (each by at least one finding). */
  readonly must?: readonly Want[];
  /**
   * Findings that must not be reported: a code, a pattern, or `'*'` for "nothing but the `must`
   * and `allow` findings" (with neither, no findings at all).
   */
  readonly mustNot: readonly (string | Want)[];
  /** Findings `'*'` tolerates without requiring them (e.g. a note that may or may not be shown). */
  readonly allow?: readonly Want[];
  /** yaml-syntax errors tolerated (default 0). */
  readonly maxSyntaxErrors?: number;
}

/** No errors and no warnings (notes are fine). */
const NO_PROBLEMS: readonly Want[] = [
  { code: '*', severity: 'error' },
  { code: '*', severity: 'warning' },
];

/** A duplicate-object finding, whatever its exact code (the rule is being added for issue 12). */
const DUPLICATE = /^(?!svc-port-name-duplicate$|svc-port-duplicate$|svc-node-port-duplicate$).*duplicate/;

/**
 * Cases expected to fail until the fixes of issue 12 are merged. The test asserts that each still
 * fails: when a fix lands, its case passes and the test says to remove it from this list.
 */
export const KNOWN_FAILING: readonly string[] = [
];

export const CASES: readonly RealWorldCase[] = [
  // ---- kubectl-generated -------------------------------------------------------------------
  {
    dir: 'kubectl-create-deploy-expose',
    title: 'kubectl create deploy/expose --dry-run -o yaml: creationTimestamp null, empty status, only the unnamed-port note',
    must: [{ code: 'svc-port-unnamed-no-srv', severity: 'info', line: 37 }],
    mustNot: ['*'],
  },
  {
    dir: 'kubectl-create-service',
    title: 'kubectl create service/configmap/secret --dry-run output: port names like 80-8080 are valid',
    mustNot: [...NO_PROBLEMS, 'svc-port-name-invalid', 'dns-name-unresolved'],
  },
  {
    dir: 'kubectl-get-svc-status',
    title: 'kubectl get -o yaml: managedFields, status, clusterIPs, last-applied JSON, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'kubectl-get-quoted-continuation',
    title: "kubectl get -o yaml: a double-quoted scalar continued at the key's indentation is valid",
    mustNot: ['*'],
  },
  {
    dir: 'kubectl-get-deployment-status',
    title: 'kubectl get deploy,svc -o yaml: status conditions, template creationTimestamp null, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'kubectl-get-list',
    title: 'kubectl get -o yaml kind: List: every item is checked, an invalid port name is found at its line',
    must: [{ code: 'svc-port-name-invalid', severity: 'error', line: 39 }],
    mustNot: ['*'],
  },
  // ---- Helm ---------------------------------------------------------------------------------
  {
    dir: 'helm-rendered-source-comments',
    title: 'helm-rendered: # Source comments between --- documents, no false alarms',
    mustNot: ['*'],
  },
  {
    dir: 'helm-rendered-empty-documents',
    title: 'helm-rendered: documents holding only a # Source comment are empty, not errors',
    mustNot: ['*'],
  },
  {
    dir: 'helm-rendered-with-error',
    title: 'helm-rendered: unnamed ports of a two-port Service are found at their lines, nothing else is an error',
    must: [
      { code: 'svc-port-name-required', severity: 'error', line: 16 },
      { code: 'svc-port-name-required', severity: 'error', line: 19 },
    ],
    // The chart's test Pod carries the selector labels, so the Service selects it too: a note.
    allow: [{ code: 'svc-target-port-name-unknown', severity: 'info' }],
    mustNot: ['*'],
  },
  {
    dir: 'helm-chart-templates',
    title: 'helm chart templates with {{ }}: skipped, never validated (Chart.yaml and values.yaml are not objects)',
    // The note may be shown on a template; never on values.yaml (not a manifest, though it holds {{ }}).
    allow: ['deployment.yaml', 'service.yaml', 'ingress.yaml'].map((f) => ({ code: 'helm-template', severity: 'info', file: `charts/api/templates/${f}` }) as const),
    mustNot: ['*'],
  },
  {
    dir: 'helm-template-outside-chart',
    title: 'a Helm template outside a chart: {{ }} names and URLs are never validated',
    allow: [{ code: 'helm-template', severity: 'info' }],
    mustNot: ['*'],
  },
  // ---- placeholders -------------------------------------------------------------------------
  {
    dir: 'envsubst-placeholders',
    title: 'envsubst ${VAR} placeholders in names, labels, ports and URLs are not validated',
    mustNot: ['*'],
  },
  {
    dir: 'dependent-env-vars',
    title: 'container $(VAR) references in env values and args are not validated as names',
    mustNot: NO_PROBLEMS,
  },
  // ---- Kustomize ----------------------------------------------------------------------------
  {
    dir: 'kustomize-base',
    title: 'kustomize base: no namespaces, kustomization.yaml is not an object, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'kustomize-overlay',
    title: 'kustomize overlay: kustomization without metadata and a partial patch, no findings',
    mustNot: ['*'],
  },
  // ---- operators' custom resources ----------------------------------------------------------
  {
    dir: 'istio-gateway-virtualservice',
    title: 'istio Gateway/VirtualService/DestinationRule: Gateway hosts are not lookups, destinations resolve',
    mustNot: ['*'],
  },
  {
    dir: 'istio-serviceentry-sidecar',
    title: 'istio ServiceEntry/Sidecar hosts (api.stripe.com, ./*, ns/host) are not lookups: at most info',
    mustNot: NO_PROBLEMS,
  },
  {
    dir: 'istio-secretname-and-peerauth',
    title: 'secretName istio.default is a Secret name, not a DNS name',
    mustNot: ['*'],
  },
  {
    dir: 'knative-service',
    title: 'knative serving.knative.dev/v1 Service without ports is not a core Service',
    mustNot: ['*'],
  },
  {
    dir: 'cert-manager-certificate',
    title: 'cert-manager Certificate/ClusterIssuer: dnsNames are certificate names, at most info',
    mustNot: NO_PROBLEMS,
  },
  {
    dir: 'prometheus-servicemonitor',
    title: 'Prometheus ServiceMonitor/PrometheusRule with {{ $labels }} in alert text: no errors or warnings',
    mustNot: NO_PROBLEMS,
  },
  {
    dir: 'unknown-cr-unresolved-name',
    title: 'an unknown custom resource naming a Service not in the workspace: at most info',
    mustNot: NO_PROBLEMS,
  },
  {
    dir: 'argocd-application',
    title: 'Argo CD Application destination https://kubernetes.default.svc: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'gateway-api-httproute',
    title: 'Gateway API Gateway/HTTPRoute: hostnames are not lookups, backendRefs resolve',
    mustNot: ['*'],
  },
  {
    dir: 'ingress-public-hosts',
    title: 'Ingress with public hosts, TLS and external-dns annotations: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'gateway-ingress-namespaces',
    title: 'Ingress + shared Gateway + routes across namespaces: a ReferenceGrant allows one cross-namespace backend, not the others; wrong ports and names; headless and ExternalName backends',
    must: [
      { code: 'ingress-backend-port-unknown', file: 'shop/ingress.yaml', line: 29, severity: 'error' },
      { code: 'backend-service-headless', file: 'shop/ingress.yaml', line: 34, severity: 'info' },
      { code: 'ingress-backend-service-missing', file: 'shop/ingress.yaml', line: 41, severity: 'error' },
      { code: 'route-backend-not-permitted', file: 'web/routes.yaml', line: 42, severity: 'error' },
      { code: 'route-backend-port-required', file: 'web/routes.yaml', line: 62, severity: 'error' },
      { code: 'route-backend-service-missing', file: 'web/routes.yaml', line: 62, severity: 'warning' }, // shop's Services live in another folder
      { code: 'route-backend-not-permitted', file: 'web/routes.yaml', line: 63, severity: 'error' },
      { code: 'backend-service-external-name', file: 'legacy/blog.yaml', line: 25, severity: 'info' },
      { code: 'backend-service-external-name', file: 'legacy/blog.yaml', line: 40, severity: 'warning' },
    ],
    // The allowed HTTPRoute (line 24), the defaultBackend and the Gateway reference are fine.
    mustNot: ['*'],
  },
  // ---- kind: List and JSON ------------------------------------------------------------------
  {
    dir: 'json-single-object',
    title: 'JSON manifest, one object: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'json-concatenated-objects',
    title: 'concatenated JSON objects one per line (jq -c): each read, no syntax errors, the bad port name found',
    must: [{ code: 'svc-port-name-invalid', severity: 'error', line: 2 }],
    mustNot: ['*'],
  },
  {
    dir: 'json-list',
    title: 'kubectl get -o json kind: List with status: no findings',
    mustNot: ['*'],
  },
  // ---- YAML features ------------------------------------------------------------------------
  {
    dir: 'yaml-anchors-merge-keys',
    title: 'YAML anchors and merge keys (<<: *labels): merged, no type or label errors, selector matches',
    mustNot: ['*'],
  },
  {
    dir: 'yaml-anchors-reuse',
    title: 'YAML anchors reused for selector, env and resources (*env, *resources): no findings',
    mustNot: ['*'],
  },
  {
    dir: 'yaml-document-markers',
    title: 'document markers with comments (--- # x), ... ends and flow-style maps: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'banner-comments',
    title: 'long banner comments of 80-100 # around documents: read, only the load-balancer note',
    allow: [{ code: 'svc-external-address-not-in-dns', severity: 'info' }],
    mustNot: ['*'],
  },
  {
    dir: 'banner-comments-many',
    title: '40 documents each under 25 banner lines of 100 #: read quickly, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'crlf-line-endings',
    title: 'CRLF line endings: no syntax errors, an invalid port name found at its line',
    must: [{ code: 'svc-port-name-invalid', severity: 'error', line: 22 }],
    mustNot: ['*'],
  },
  {
    dir: 'cr-only-line-endings',
    title: 'CR-only line endings: valid YAML, an invalid port name found at its line',
    must: [{ code: 'svc-port-name-invalid', severity: 'error', line: 14 }],
    mustNot: ['*'],
  },
  {
    dir: 'utf8-bom',
    title: 'a UTF-8 byte order mark before the first line: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'null-label-values',
    title: 'null label and annotation values (key:, ~, null) are empty strings: no type errors',
    mustNot: ['*'],
  },
  {
    dir: 'yaml11-booleans-string-fields',
    title: 'YAML 1.1 booleans (yes, No, ON, off, y, N) as label values are errors, as kubectl reports',
    must: [8, 9, 10, 11, 12, 13, 17].map((line) => ({ code: '*', severity: 'error', line }) as const),
    mustNot: ['*'],
  },
  {
    dir: 'unquoted-annotation-values',
    title: 'unquoted numbers and booleans as label/annotation values (prometheus.io/port: 9100) are errors',
    // A boolean where a string is required has its own code (with a quick fix that quotes it).
    must: [
      { code: 'manifest-field-type', severity: 'error', line: 8 },
      { code: 'unquoted-boolean', severity: 'error', line: 10 },
      { code: 'manifest-field-type', severity: 'error', line: 11 },
    ],
    mustNot: ['*'],
  },
  {
    dir: 'yaml11-booleans-bool-fields',
    title: 'YAML 1.1 booleans (yes, no) in boolean fields are valid booleans',
    allow: [{ code: 'svc-external-address-not-in-dns', severity: 'info' }],
    mustNot: ['*'],
  },
  // ---- workloads, selectors and names ---------------------------------------------------------
  {
    dir: 'statefulset-headless',
    title: "StatefulSet with headless Service: per-pod names on a container's port are not warnings",
    mustNot: ['*'],
  },
  {
    dir: 'statefulset-pod-name-selector',
    title: 'selector on statefulset.kubernetes.io/pod-name (one Service per broker): no selector warning',
    allow: [{ code: 'svc-external-address-not-in-dns', severity: 'info' }],
    mustNot: ['*'],
  },
  {
    dir: 'job-name-selector',
    title: 'Job selected by job-name / batch.kubernetes.io/job-name: no selector warning',
    mustNot: ['*'],
  },
  {
    dir: 'controller-hash-selectors',
    title: 'selectors on pod-template-hash and controller-revision-hash: no selector warning',
    mustNot: ['*'],
  },
  {
    dir: 'pod-subdomain-headless',
    title: "Pods with hostname/subdomain and a headless Service: per-pod name on a pod's own port is not a warning",
    mustNot: ['*'],
  },
  {
    dir: 'externalname-service',
    title: 'ExternalName Services: references to them resolve, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'selectorless-service-endpoints',
    title: 'selectorless Service with hand-written Endpoints and EndpointSlice: no findings',
    mustNot: ['*'],
  },
  {
    dir: 'builtin-kubernetes-default-svc',
    title: 'https://kubernetes.default.svc and kube-dns.kube-system resolve as built-ins',
    mustNot: ['*'],
  },
  {
    dir: 'downward-api-fieldpath',
    title: 'downward API fieldPath metadata.namespace / spec.nodeName are not DNS names',
    mustNot: ['*'],
  },
  {
    dir: 'configmap-prose',
    title: 'prose in a ConfigMap ending "by default." is not a DNS name',
    mustNot: ['*'],
  },
  {
    dir: 'cross-namespace-short-name',
    title: 'a short Service name used from another namespace warns; the full name does not',
    must: [{ code: 'dns-name-wrong-namespace', severity: 'warning', line: 32 }],
    mustNot: ['*'],
  },
  {
    dir: 'dns-name-typo',
    title: 'a misspelt Service name in a ConfigMap URL is unresolved; the right one resolves',
    must: [{ code: 'dns-name-unresolved', severity: 'warning', line: 19 }],
    mustNot: ['*'],
  },
  // ---- duplicates and node ports ------------------------------------------------------------
  {
    dir: 'duplicate-objects',
    title: 'the same Service (kind, namespace, name) in two files: a warning on both',
    must: [
      { code: DUPLICATE, severity: 'warning', file: 'service.yaml' },
      { code: DUPLICATE, severity: 'warning', file: 'service-copy.yaml' },
    ],
    mustNot: ['*'],
  },
  {
    dir: 'duplicate-in-one-file',
    title: 'the same ConfigMap twice in one file (namespace omitted, then default): a warning on both',
    must: [
      { code: DUPLICATE, severity: 'warning', within: [1, 6] },
      { code: DUPLICATE, severity: 'warning', within: [8, 14] },
    ],
    mustNot: ['*'],
  },
  {
    dir: 'same-name-not-duplicate',
    title: 'the same name for different kinds, namespaces or API groups (knative Service) is not a duplicate',
    mustNot: [{ code: DUPLICATE }],
  },
  {
    dir: 'nodeport-out-of-range',
    title: 'nodePort outside 30000-32767 is an error; 30910 is fine',
    must: [
      { code: 'svc-node-port-range', severity: 'error', line: 14 },
      { code: 'svc-node-port-range', severity: 'error', line: 17 },
    ],
    allow: [{ code: 'svc-external-address-not-in-dns', severity: 'info' }],
    mustNot: ['*', { code: 'svc-node-port-range', line: 20 }],
  },
  // ---- not manifests ------------------------------------------------------------------------
  {
    dir: 'github-actions-workflow',
    title: 'GitHub Actions workflow with ${{ }}: not a manifest, no findings, no helm-template note',
    mustNot: ['*'],
  },
  {
    dir: 'ci-configs-not-manifests',
    title: 'GitLab CI ($VAR, $(cmd)), Taskfile ({{.VAR}}) and renovate.json: not manifests, no findings',
    mustNot: ['*'],
  },
  {
    dir: 'not-a-manifest',
    title: 'docker-compose, pre-commit, package.json and an OpenAPI spec with a kind: property: no findings',
    mustNot: ['*'],
  },
];
