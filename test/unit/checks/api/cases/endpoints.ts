/** Cases for Endpoints (EP-1…6) and EndpointSlice (EPS-1…6). */
import { manifest } from '../../helpers';
import type { CaseTable } from '../table';

function endpoints(subsets: string, name = 'web'): string {
  return manifest('v1', 'Endpoints', `metadata: {name: ${name}}\nsubsets:\n${subsets}`);
}

function slice(body: string, name = 'web-abc12'): string {
  return manifest('discovery.k8s.io/v1', 'EndpointSlice', `metadata: {name: ${name}}\n${body}`);
}

export const endpointCases: CaseTable = {
  fail: [
    {
      name: 'an Endpoints name with capitals',
      yaml: endpoints('- addresses: [{ip: 10.244.0.5}]', 'Web'),
      expect: [{ code: 'ep-name', field: 'metadata.name', text: 'Web' }],
    },
    {
      name: 'a subset with ports but no addresses',
      yaml: endpoints('- ports: [{port: 80}]'),
      expect: [{ code: 'ep-subset-empty', field: 'subsets[0]', text: 'ports' }],
    },
    {
      name: 'a loopback address, an octet over 255, and a missing ip',
      yaml: endpoints('- addresses: [{ip: 127.0.0.1}, {ip: 10.244.0.256}]\n  notReadyAddresses: [{hostname: web-0}]'),
      expect: [
        { code: 'ep-address-ip', field: 'subsets[0].addresses[0].ip', text: '127.0.0.1' },
        { code: 'ep-address-ip', field: 'subsets[0].addresses[1].ip', text: '10.244.0.256' },
        { code: 'ep-address-ip', field: 'subsets[0].notReadyAddresses[0].ip', text: 'hostname' },
      ],
    },
    {
      name: 'a hostname with a dot and a node name with an underscore',
      yaml: endpoints('- addresses: [{ip: 10.244.0.5, hostname: web.0, nodeName: node_1}]'),
      expect: [
        { code: 'ep-address-names', field: 'subsets[0].addresses[0].hostname', text: 'web.0' },
        { code: 'ep-address-names', field: 'subsets[0].addresses[0].nodeName', text: 'node_1' },
      ],
    },
    {
      name: 'two ports, one without a name, one with a bad name',
      yaml: endpoints('- addresses: [{ip: 10.244.0.5}]\n  ports: [{port: 80}, {name: HTTPS, port: 443}]'),
      expect: [
        { code: 'ep-port-name', field: 'subsets[0].ports[0].name', text: 'port' },
        { code: 'ep-port-name', field: 'subsets[0].ports[1].name', text: 'HTTPS' },
      ],
    },
    {
      name: 'port 0, an unknown protocol and a bad appProtocol',
      yaml: endpoints('- addresses: [{ip: 10.244.0.5}]\n  ports: [{port: 0, protocol: HTTP, appProtocol: a/b/c}]'),
      expect: [
        { code: 'ep-port', field: 'subsets[0].ports[0].port', text: '0' },
        { code: 'ep-port', field: 'subsets[0].ports[0].protocol', text: 'HTTP' },
        { code: 'ep-port', field: 'subsets[0].ports[0].appProtocol', text: 'a/b/c' },
      ],
    },
    {
      name: 'an EndpointSlice name with an underscore',
      yaml: slice('addressType: IPv4\nendpoints: [{addresses: [10.244.0.5]}]', 'web_1'),
      expect: [{ code: 'eps-name', field: 'metadata.name', text: 'web_1' }],
    },
    {
      name: 'an EndpointSlice without addressType, and one with the deprecated IP',
      yaml: [slice('endpoints: [{addresses: [10.244.0.5]}]'), slice('addressType: IP')].join('---\n'),
      expect: [
        { code: 'eps-address-type', field: 'addressType', text: 'apiVersion' },
        { code: 'eps-address-type', field: 'addressType', text: 'IP' },
      ],
    },
    {
      name: 'an endpoint without addresses and one with too many',
      yaml: slice(
        `addressType: IPv4\nendpoints:\n- addresses: []\n- addresses: [${Array.from({ length: 101 }, (_, i) => `10.1.${i >> 8}.${i & 255}`).join(', ')}]\n- conditions: {ready: true}`,
      ),
      expect: [
        { code: 'eps-endpoint-count', field: 'endpoints[0].addresses', text: 'addresses' },
        { code: 'eps-endpoint-count', field: 'endpoints[1].addresses', text: 'addresses' },
        { code: 'eps-endpoint-count', field: 'endpoints[2].addresses', text: 'conditions' },
      ],
    },
    {
      name: 'addresses that do not suit the addressType',
      yaml: [
        slice('addressType: IPv4\nendpoints: [{addresses: ["fd00::5", 169.254.1.1]}]'),
        slice('addressType: IPv6\nendpoints: [{addresses: ["::ffff:10.0.0.5"]}]'),
        slice('addressType: FQDN\nendpoints: [{addresses: [localhost, Db.Example.com]}]'),
      ].join('---\n'),
      expect: [
        { code: 'eps-address', field: 'endpoints[0].addresses[0]', text: '"fd00::5"' },
        { code: 'eps-address', field: 'endpoints[0].addresses[1]', text: '169.254.1.1' },
        { code: 'eps-address', field: 'endpoints[0].addresses[0]', text: '"::ffff:10.0.0.5"' },
        { code: 'eps-address', field: 'endpoints[0].addresses[0]', text: 'localhost' },
        { code: 'eps-address', field: 'endpoints[0].addresses[1]', text: 'Db.Example.com' },
      ],
    },
    {
      name: 'a dotted hostname, a bad node name, and a zone hint listed twice',
      yaml: slice(
        'addressType: IPv4\nendpoints:\n- addresses: [10.244.0.5]\n  hostname: web.0\n  nodeName: Node1\n  hints: {forZones: [{name: zone-a}, {name: zone-a}]}',
      ),
      expect: [
        { code: 'eps-endpoint-names', field: 'endpoints[0].hostname', text: 'web.0' },
        { code: 'eps-endpoint-names', field: 'endpoints[0].nodeName', text: 'Node1' },
        { code: 'eps-endpoint-names', field: 'endpoints[0].hints.forZones[1].name', text: 'zone-a' },
      ],
    },
    {
      name: 'two unnamed slice ports clash on "", and an explicit empty protocol',
      yaml: slice('addressType: IPv4\nports: [{port: 80}, {port: 81, protocol: ""}]'),
      expect: [
        { code: 'eps-port', field: 'ports[1].name', text: 'port' },
        { code: 'eps-port', field: 'ports[1].protocol', text: '""' },
      ],
    },
  ],
  pass: [
    {
      name: 'Endpoints with ready and not-ready addresses, named ports and a node name',
      covers: ['ep-name', 'ep-subset-empty', 'ep-address-ip', 'ep-address-names', 'ep-port-name', 'ep-port'],
      yaml: endpoints(
        '- addresses: [{ip: 10.244.0.5, hostname: web-0, nodeName: kind-worker}]\n  notReadyAddresses: [{ip: "fd00::5"}]\n  ports: [{name: http, port: 80}, {name: dns, port: 53, protocol: UDP, appProtocol: dns}]\n- notReadyAddresses: [{ip: 10.244.0.6}]\n  ports: [{port: 8080}]',
        'web.v1',
      ),
    },
    {
      name: 'slices of every address type, IPv4-mapped counting as IPv4, an FQDN with a trailing dot',
      covers: ['eps-name', 'eps-address-type', 'eps-endpoint-count', 'eps-address', 'eps-endpoint-names', 'eps-port'],
      yaml: [
        slice(
          'addressType: IPv4\nendpoints:\n- addresses: [10.244.0.5, "::ffff:10.244.0.6"]\n  hostname: web-0\n  nodeName: kind-worker\n  hints: {forZones: [{name: zone-a}, {name: zone-b}]}\nports: [{port: 80}]',
        ),
        slice(
          'addressType: IPv6\nendpoints: [{addresses: ["fd00::5"]}]\nports: [{name: http, port: 80, appProtocol: http}, {name: dns, port: 53, protocol: UDP}]',
          'web.v6',
        ),
        slice('addressType: FQDN\nendpoints: [{addresses: [db.example.com.]}]', 'web-fqdn'),
      ].join('---\n'),
    },
  ],
};
