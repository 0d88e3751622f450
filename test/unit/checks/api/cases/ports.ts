/** Cases for Service ports and node ports (PORT-1…9, NP-1…4). */
import { service } from '../../helpers';
import type { CaseTable } from '../table';

export const portCases: CaseTable = {
  fail: [
    {
      name: 'a Service without ports points at spec',
      yaml: service('selector: {app: web}'),
      expect: [{ code: 'svc-ports-required', field: 'spec.ports', text: 'spec' }],
    },
    {
      name: 'an empty ports list points at its key',
      yaml: service('selector: {app: web}\nports: []'),
      expect: [{ code: 'svc-ports-required', field: 'spec.ports', text: 'ports' }],
    },
    {
      name: 'the second of two ports has no name (reported at the entry)',
      yaml: service(`
        ports:
        - name: http
          port: 80
        - port: 443
          targetPort: 8443
      `),
      expect: [{ code: 'svc-port-name-required', field: 'spec.ports[1].name', text: 'port' }],
    },
    {
      name: 'an empty port name counts as none',
      yaml: service(`
        ports:
        - {name: http, port: 80}
        - {name: "", port: 443}
      `),
      expect: [{ code: 'svc-port-name-required', field: 'spec.ports[1].name', text: '""' }],
    },
    {
      name: 'port names in upper case or with dots',
      yaml: service(`
        ports:
        - {name: HTTP, port: 80}
        - {name: web.https, port: 443}
      `),
      expect: [
        { code: 'svc-port-name-invalid', field: 'spec.ports[0].name', text: 'HTTP' },
        { code: 'svc-port-name-invalid', field: 'spec.ports[1].name', text: 'web.https' },
      ],
    },
    {
      name: 'two ports with one name',
      yaml: service(`
        ports:
        - {name: http, port: 80}
        - {name: http, port: 8080}
      `),
      expect: [{ code: 'svc-port-name-duplicate', field: 'spec.ports[1].name', text: 'http' }],
    },
    {
      name: 'port 0, port 70000, and a port without number (0 again, so a duplicate of the first)',
      yaml: service(`
        ports:
        - {name: a, port: 0}
        - {name: b, port: 70000}
        - {name: c, targetPort: 8080}
      `),
      expect: [
        { code: 'svc-port-number', field: 'spec.ports[0].port', text: '0' },
        { code: 'svc-port-number', field: 'spec.ports[1].port', text: '70000' },
        { code: 'svc-port-number', field: 'spec.ports[2].port', text: 'name' },
        { code: 'svc-port-duplicate', field: 'spec.ports[2]', text: 'name' },
      ],
    },
    {
      name: 'a lower-case protocol',
      yaml: service('ports:\n- {port: 80, protocol: tcp}'),
      expect: [{ code: 'svc-port-protocol', field: 'spec.ports[0].protocol', text: 'tcp' }],
    },
    {
      name: 'a quoted number, a 16-character name and 70000 as targetPort',
      yaml: service(`
        ports:
        - {name: a, port: 80, targetPort: "8080"}
        - {name: b, port: 81, targetPort: http-web-frontend}
        - {name: c, port: 82, targetPort: 70000}
      `),
      expect: [
        { code: 'svc-target-port', field: 'spec.ports[0].targetPort', text: '"8080"' },
        { code: 'svc-target-port', field: 'spec.ports[1].targetPort', text: 'http-web-frontend' },
        { code: 'svc-target-port', field: 'spec.ports[2].targetPort', text: '70000' },
      ],
    },
    {
      name: 'an appProtocol that is not a qualified name',
      yaml: service('ports:\n- {port: 80, appProtocol: _http}'),
      expect: [{ code: 'svc-app-protocol', field: 'spec.ports[0].appProtocol', text: '_http' }],
    },
    {
      name: 'the same port twice (protocol defaulted to TCP on one of them)',
      yaml: service(`
        ports:
        - {name: a, port: 80}
        - {name: b, port: 80, protocol: TCP, targetPort: 8080}
      `),
      expect: [{ code: 'svc-port-duplicate', field: 'spec.ports[1]', text: '80' }],
    },
    {
      name: 'a nodePort on a ClusterIP Service',
      yaml: service('ports:\n- {port: 80, nodePort: 30080}'),
      expect: [{ code: 'svc-node-port-cluster-ip', field: 'spec.ports[0].nodePort', text: '30080' }],
    },
    {
      name: 'a duplicated entry with its nodePort on a NodePort Service',
      yaml: service(`
        type: NodePort
        ports:
        - {name: a, port: 80, nodePort: 30080}
        - {name: b, port: 80, nodePort: 30080}
      `),
      expect: [
        { code: 'svc-port-duplicate', field: 'spec.ports[1]', text: '80' },
        { code: 'svc-node-port-duplicate', field: 'spec.ports[1].nodePort', text: '30080' },
      ],
    },
    {
      name: 'an ExternalName Service is not spared the duplicate nodePort check',
      yaml: service(`
        type: ExternalName
        externalName: api.example.com
        ports:
        - {name: a, port: 80, nodePort: 30080}
        - {name: b, port: 81, nodePort: 30080}
      `),
      expect: [{ code: 'svc-node-port-duplicate', field: 'spec.ports[1].nodePort', text: '30080' }],
    },
    {
      name: 'a nodePort outside the default range',
      yaml: service('type: NodePort\nports:\n- {port: 80, nodePort: 8080}'),
      expect: [{ code: 'svc-node-port-range', field: 'spec.ports[0].nodePort', text: '8080' }],
    },
    {
      name: 'one nodePort for two different ports',
      yaml: service(`
        type: LoadBalancer
        ports:
        - {name: a, port: 80, nodePort: 30080}
        - {name: b, port: 81, nodePort: 30080, protocol: UDP}
      `),
      expect: [{ code: 'svc-node-port-shared', field: 'spec.ports[1].nodePort', text: '30080' }],
    },
  ],
  pass: [
    {
      name: 'port names are DNS labels, not IANA names: 16 characters, digits only, double hyphen',
      covers: ['svc-port-name-invalid', 'svc-port-name-required', 'svc-port-name-duplicate'],
      yaml: service(`
        selector: {app: web}
        ports:
        - {name: metrics-endpoint, port: 9090}
        - {name: "80", port: 80}
        - {name: my--port, port: 81}
      `),
    },
    {
      name: 'a named targetPort, a defaulted one, and targetPort 0',
      covers: ['svc-target-port', 'svc-port-number', 'svc-port-protocol', 'svc-app-protocol'],
      yaml: service(`
        selector: {app: web}
        ports:
        - {name: http, port: 80, targetPort: http-web, appProtocol: http}
        - {name: h2, port: 81, appProtocol: kubernetes.io/h2c, protocol: UDP}
        - {name: sctp, port: 82, targetPort: 0, protocol: SCTP}
      `),
    },
    {
      name: 'a headless Service without ports',
      covers: ['svc-ports-required'],
      yaml: service('clusterIP: None\nselector: {app: db}'),
    },
    {
      name: 'the same port over TCP and UDP shares one nodePort',
      covers: ['svc-port-duplicate', 'svc-node-port-duplicate', 'svc-node-port-shared', 'svc-node-port-range', 'svc-node-port-cluster-ip'],
      yaml: service(`
        type: NodePort
        selector: {app: dns}
        ports:
        - {name: dns, port: 53, nodePort: 30053}
        - {name: dns-udp, port: 53, protocol: UDP, nodePort: 30053}
        - {name: metrics, port: 9153, nodePort: 32767}
      `),
    },
  ],
};
