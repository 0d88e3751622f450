/**
 * Services every cluster has, whether a workspace describes them or not: `kubernetes` in
 * `default` (the API server creates and reconciles it, port 443 `https`) and the cluster DNS
 * Service (kubeadm's `kube-dns` in `kube-system`: 53/UDP `dns`, 53/TCP `dns-tcp`, 9153/TCP
 * `metrics`; the setting `k8sDns.clusterDnsService` names it). Sources: kubernetes
 * pkg/controlplane/controller/kubernetesservice (the `kubernetes` Service), kubernetes
 * cmd/kubeadm/app/phases/addons/dns/manifests.go (the `kube-dns` Service).
 */
import type { KubeObject } from '../manifests/types';
import { readKubeObject } from '../manifests/objects';
import { syntheticSource } from '../manifests/yamlSource';
import { buildCluster, type Cluster, type ServiceEntry } from './cluster';
import type { ClusterConfig } from './config';

/** The file name of built-in objects: no editor opens it, and no finding points into it. */
export const BUILTIN_FILE = 'builtin:cluster';

/** Why a built-in Service exists, for hovers and messages. */
const ORIGIN = new WeakMap<KubeObject, string>();

function service(namespace: string, name: string, address: string, ports: { name: string; protocol: string; port: number }[]): KubeObject[] {
  // Selectorless, with Endpoints as the API server writes them for `kubernetes`: both DNS flavours
  // read them (CoreDNS through the mirrored slice, kube-dns directly), and no pod is needed.
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports } };
  const endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace },
    subsets: [{ addresses: [{ ip: address }], ports: ports.map((p) => ({ ...p, port: name === 'kubernetes' ? 6443 : p.port })) }],
  };
  return [svc, endpoints].flatMap((raw) => readKubeObject(raw, syntheticSource(BUILTIN_FILE, raw), { defaultNamespace: namespace }).object ?? []);
}

/** The built-in objects of a configuration: the two Services and their endpoints. */
export function builtinObjects(config: ClusterConfig): KubeObject[] {
  const [dnsNs, dnsName] = config.clusterDnsService.split('/') as [string, string];
  const api = service('default', 'kubernetes', '<address of an API server>', [{ name: 'https', protocol: 'TCP', port: 443 }]);
  const dns = service(dnsNs, dnsName, '<IP of a cluster DNS pod>', [
    { name: 'dns', protocol: 'UDP', port: 53 },
    { name: 'dns-tcp', protocol: 'TCP', port: 53 },
    { name: 'metrics', protocol: 'TCP', port: 9153 },
  ]);
  ORIGIN.set(api[0]!, 'built-in: the API server creates it in every cluster');
  ORIGIN.set(dns[0]!, `built-in: the cluster DNS Service (k8sDns.clusterDnsService ${config.clusterDnsService})`);
  return [...api, ...dns];
}

const clusters = new WeakMap<ClusterConfig, Cluster>();

/** A cluster of the built-in objects alone (one per configuration, built once). */
export function builtinCluster(config: ClusterConfig): Cluster {
  let c = clusters.get(config);
  if (!c) clusters.set(config, (c = buildCluster(builtinObjects(config), config)));
  return c;
}

/** Why `entry` exists when it is one of {@link builtinObjects}' Services, else `undefined`. */
export function builtinOrigin(entry: ServiceEntry): string | undefined {
  return ORIGIN.get(entry.service);
}
