/** Data for the Ingress and route rules: for each rule a failing and a passing manifest. */
import { ROUTE_RULES } from '../../../../server/src/checks/routeRules';
import type { RuleCase } from '../dnsHelpers';

/** A Service in `ns` with the given spec body (indented by two). */
export const service = (name: string, ns: string, spec: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${spec}
`;

export const web = service('web', 'shop', '  selector: {app: web}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080');

/** An Ingress in `shop` whose one path goes to `name` on `port` (a flow map). */
export const ingress = (name: string, port: string, annotations = '{}'): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations: ${annotations}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port: ${port}
`;

/** An HTTPRoute `front` in namespace `ns` with one backendRef (a flow map body) and a parent. */
export const route = (backend: string, ns = 'shop', kind = 'HTTPRoute', version = 'v1'): string => `apiVersion: gateway.networking.k8s.io/${version}
kind: ${kind}
metadata:
  name: front
  namespace: ${ns}
spec:
  parentRefs:
  - name: public
    namespace: infra
  rules:
  - backendRefs:
    - {${backend}}
`;

export const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
`;

/** A ReferenceGrant in `shop` letting `kind`s of namespace `from` reach Services (`name`, if given). */
export const grant = (from: string, kind = 'HTTPRoute', name?: string): string => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-${from}
  namespace: shop
spec:
  from:
  - {group: gateway.networking.k8s.io, kind: ${kind}, namespace: ${from}}
  to:
  - {group: "", kind: Service${name ? `, name: ${name}` : ''}}
`;

const opts = { rules: ROUTE_RULES };
const files = (...docs: string[]): string => docs.join('---\n');

export const ROUTE_CASES: readonly RuleCase[] = [
  {
    code: 'ingress-backend-service-missing',
    name: 'a typo in the backend Service name, where the namespace has Services',
    severity: 'error',
    bad: files(web, ingress('wbe', '{number: 80}')),
    badText: 'wbe',
    good: files(web, ingress('web', '{number: 80}')),
    opts,
  },
  {
    code: 'ingress-backend-service-missing',
    name: 'an info when the workspace holds no Service of the namespace',
    severity: 'info',
    bad: ingress('web', '{number: 80}'),
    badText: 'web',
    good: files(web, ingress('web', '{name: http}')),
    opts,
  },
  {
    code: 'ingress-backend-service-missing',
    name: 'a warning when the namespace’s Services sit only in another folder (independent examples share default)',
    severity: 'warning',
    bad: { 'app/service.yaml': web, 'other-app/ingress.yaml': ingress('checkout', '{number: 80}') },
    badText: 'checkout',
    good: { 'app/service.yaml': web, 'other-app/ingress.yaml': ingress('web', '{number: 80}') },
    opts,
  },
  {
    code: 'ingress-backend-service-missing',
    name: 'an info for kube-system, whose Services come with the cluster’s add-ons',
    severity: 'info',
    bad: {
      'dashboard/proxy.yaml': service('oauth2-proxy', 'kube-system', '  ports: [{port: 4180}]'),
      'dashboard/ingress.yaml': ingress('kubernetes-dashboard', '{number: 443}').replace(/namespace: shop/g, 'namespace: kube-system'),
    },
    badText: 'kubernetes-dashboard',
    good: ingress('web', '{number: 80}').replace(/namespace: shop/g, 'namespace: kube-system') + '---\n' + service('web', 'kube-system', '  ports: [{port: 80}]'),
    opts,
  },
  {
    code: 'ingress-backend-port-invalid',
    name: 'both port.name and port.number',
    severity: 'error',
    bad: files(web, ingress('web', '{name: http, number: 80}')),
    badText: '{name: http, number: 80}',
    good: files(web, ingress('web', '{name: http}')),
    opts,
  },
  {
    code: 'ingress-backend-port-invalid',
    name: 'neither port.name nor port.number',
    severity: 'error',
    bad: files(web, ingress('web', '{}')),
    badText: '{}',
    good: files(web, ingress('web', '{number: 80}')),
    opts,
  },
  {
    code: 'ingress-backend-port-unknown',
    name: 'port.number is the targetPort, not the Service port',
    severity: 'error',
    bad: files(web, ingress('web', '{number: 8080}')),
    badText: '8080',
    good: files(web, ingress('web', '{number: 80}')),
    opts,
  },
  {
    code: 'ingress-backend-port-unknown',
    name: 'port.name names no Service port',
    severity: 'error',
    bad: files(web, ingress('web', '{name: https}')),
    badText: 'https',
    good: files(web, ingress('web', '{name: http}')),
    opts,
  },
  {
    code: 'route-backend-port-required',
    name: 'a Service backendRef without port',
    severity: 'error',
    bad: files(gateway, web, route('name: web')),
    badText: 'web',
    good: files(gateway, web, route('name: web, port: 80'), route('name: bucket, group: storage.example.com, kind: Bucket')),
    opts,
  },
  {
    code: 'route-backend-service-missing',
    name: 'a backendRef to a Service not in its namespace',
    severity: 'error',
    bad: files(gateway, web, route('name: webb, port: 80')),
    badText: 'webb',
    good: files(gateway, web, route('name: web, port: 80')),
    opts,
  },
  {
    code: 'route-backend-service-missing',
    name: 'TCPRoute v1alpha2: an info when the workspace holds no Service of the namespace',
    severity: 'info',
    bad: files(gateway, route('name: db, port: 5432', 'data', 'TCPRoute', 'v1alpha2')),
    badText: 'db',
    good: files(gateway, service('db', 'data', '  selector: {app: db}\n  ports:\n  - port: 5432'), route('name: db, port: 5432', 'data', 'TCPRoute', 'v1alpha2')),
    opts,
  },
  {
    code: 'route-backend-port-unknown',
    name: 'the backendRef port is the targetPort',
    severity: 'error',
    bad: files(gateway, web, route('name: web, port: 8080')),
    badText: '8080',
    good: files(gateway, web, route('name: web, port: 80')),
    opts,
  },
  {
    code: 'route-backend-not-permitted',
    name: 'a backendRef into another namespace without a ReferenceGrant there',
    severity: 'error',
    bad: files(gateway, web, route('name: web, namespace: shop, port: 80', 'front')),
    badText: 'shop',
    good: files(gateway, web, grant('front'), route('name: web, namespace: shop, port: 80', 'front')),
    opts,
  },
  {
    code: 'route-backend-not-permitted',
    name: 'a grant for another route kind or another Service does not allow it',
    severity: 'error',
    bad: files(gateway, web, grant('front', 'GRPCRoute'), grant('other'), route('name: web, namespace: shop, port: 80', 'front')),
    badText: 'shop',
    good: files(gateway, web, grant('front', 'HTTPRoute', 'web'), route('name: web, namespace: shop, port: 80', 'front')),
    opts,
  },
  {
    code: 'route-backend-not-permitted',
    name: 'an info when the workspace holds nothing of the target namespace',
    severity: 'info',
    bad: files(gateway, route('name: web, namespace: shop, port: 80', 'front')),
    badText: 'shop',
    good: files(gateway, route('name: web, port: 80', 'front')),
    opts,
  },
  {
    code: 'route-parent-gateway-missing',
    name: 'a parentRef to a Gateway not in the workspace',
    severity: 'info',
    bad: files(web, route('name: web, port: 80')),
    badText: 'public',
    good: files(gateway, web, route('name: web, port: 80')),
    opts,
  },
  {
    code: 'route-backend-port-unknown',
    name: 'a UDPRoute to a port the Service exposes only over TCP',
    severity: 'error',
    bad: files(gateway, service('dns', 'shop', '  ports: [{name: dns-tcp, port: 53, protocol: TCP}]'), route('name: dns, port: 53', 'shop', 'UDPRoute', 'v1alpha2')),
    badText: '53',
    good: files(gateway, service('dns', 'shop', '  ports: [{name: dns-tcp, port: 53, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]'), route('name: dns, port: 53', 'shop', 'UDPRoute', 'v1alpha2')),
    opts,
  },
  {
    code: 'route-parent-section-unknown',
    name: 'a sectionName that names no listener of the Gateway',
    severity: 'error',
    bad: files(gateway, web, route('name: web, port: 80').replace('namespace: infra\n', 'namespace: infra\n    sectionName: htp\n')),
    badText: 'htp',
    good: files(gateway, web, route('name: web, port: 80').replace('namespace: infra\n', 'namespace: infra\n    sectionName: http\n'), route('name: web, port: 80').replace('name: public', 'name: elsewhere').replace('namespace: infra\n', 'namespace: infra\n    sectionName: htp\n')),
    opts,
  },
  {
    code: 'backend-service-headless',
    name: 'a route to a headless Service',
    severity: 'info',
    bad: files(gateway, service('web', 'shop', '  clusterIP: None\n  selector: {app: web}\n  ports:\n  - port: 80'), route('name: web, port: 80')),
    badText: 'web',
    good: files(gateway, web, route('name: web, port: 80')),
    opts,
  },
  {
    code: 'backend-service-headless',
    name: 'a warning when ingress-nginx is told to use the cluster IP',
    severity: 'warning',
    bad: files(service('web', 'shop', '  clusterIP: None\n  selector: {app: web}\n  ports:\n  - port: 80'), ingress('web', '{number: 80}', '{nginx.ingress.kubernetes.io/service-upstream: "true"}')),
    badText: 'web',
    good: files(web, ingress('web', '{number: 80}', '{nginx.ingress.kubernetes.io/service-upstream: "true"}')),
    opts,
  },
  {
    code: 'backend-service-external-name',
    name: 'a route to an ExternalName Service',
    severity: 'warning',
    bad: files(gateway, service('web', 'shop', '  type: ExternalName\n  externalName: web.example.com'), route('name: web, port: 80')),
    badText: 'web',
    good: files(gateway, web, route('name: web, port: 80')),
    opts,
  },
  {
    code: 'backend-service-external-name',
    name: 'an Ingress to an ExternalName Service: an info, none with upstream-vhost',
    severity: 'info',
    bad: files(service('web', 'shop', '  type: ExternalName\n  externalName: web.example.com'), ingress('web', '{number: 80}')),
    badText: 'web',
    good: files(service('web', 'shop', '  type: ExternalName\n  externalName: web.example.com'), ingress('web', '{number: 80}', '{nginx.ingress.kubernetes.io/upstream-vhost: web.example.com}')),
    opts,
  },
];
