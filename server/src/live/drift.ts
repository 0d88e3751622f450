/**
 * Drift between a Service as the manifest writes it and as the cluster holds it, in one line per
 * difference: what the user must know before trusting the offline answer. Pure: model objects
 * in (manifest and live objects both come from `readKubeObject`), sentences out.
 */
import { selects } from '../dns/cluster';
import type { EndpointSlice, Pod, Service, ServicePort } from '../manifests/types';

/** What the cluster holds for one Service. */
export interface LiveServiceState {
  /** The namespace and name looked up. */
  readonly namespace: string;
  readonly name: string;
  /** The kubeconfig context read from, for the wording. */
  readonly context: string;
  /** The live Service; `undefined` when the cluster has none of that name. */
  readonly service: Service | undefined;
  /** Its EndpointSlices (label `kubernetes.io/service-name`). */
  readonly slices: readonly EndpointSlice[];
  /** The Pods of the namespace, to tell whether a selector matches any running pod. */
  readonly pods: readonly Pod[];
}

/** `app=quote,tier=api`, or `(none)`. */
function formatSelector(selector: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(selector ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

function sameSelector(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  return formatSelector(a) === formatSelector(b);
}

/** A port as the API server keeps it: `http 80/TCP→8080` (the target defaults to the port). */
function formatPort(p: ServicePort, withNodePort: boolean): string {
  const target = p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort;
  const node = withNodePort && p.nodePort !== undefined ? ` nodePort ${p.nodePort}` : '';
  return `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol.toUpperCase()}→${target}${node}`;
}

function formatPorts(ports: readonly ServicePort[], withNodePort: (p: ServicePort) => boolean): string {
  return ports.length === 0 ? '(none)' : ports.map((p) => formatPort(p, withNodePort(p))).join(', ');
}

/** The cluster IPs a manifest pins, or `undefined` when it leaves them to the API server. */
function writtenClusterIPs(svc: Service): string[] | undefined {
  if (svc.spec.clusterIPs.length > 0) return [...svc.spec.clusterIPs];
  if (svc.spec.clusterIP !== undefined && svc.spec.clusterIP !== '') return [svc.spec.clusterIP];
  return undefined;
}

function liveClusterIPs(svc: Service): string[] {
  if (svc.spec.clusterIPs.length > 0) return [...svc.spec.clusterIPs];
  return svc.spec.clusterIP !== undefined && svc.spec.clusterIP !== '' ? [svc.spec.clusterIP] : [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isRunning(pod: Pod): boolean {
  return pod.status.phase === 'Running' && pod.meta.deletionTimestamp === undefined;
}

/** One endpoint per pod (or address set): dual-stack Services list each pod in two slices. */
interface CountedEndpoint {
  readonly ready: boolean;
  readonly label: string;
}

function endpointsOf(slices: readonly EndpointSlice[]): CountedEndpoint[] {
  const byKey = new Map<string, CountedEndpoint>();
  for (const slice of slices) {
    for (const ep of slice.endpoints) {
      const pod = ep.targetRef?.kind === 'Pod' || ep.targetRef?.kind === undefined ? ep.targetRef?.name : undefined;
      const key = pod !== undefined ? `pod/${pod}` : `ip/${ep.addresses.join(',')}`;
      // CoreDNS serves an endpoint unless `ready` is false (absent means ready).
      const ready = ep.ready !== false;
      const label = `${ep.addresses.join(' ')}${pod !== undefined ? ` (pod ${pod})` : ''}`;
      const seen = byKey.get(key);
      // A pod ready in one family's slice and not in another's is counted as not ready.
      byKey.set(key, seen === undefined ? { ready, label } : { ready: seen.ready && ready, label: seen.label });
    }
  }
  return [...byKey.values()];
}

/**
 * The differences between `manifest` (the Service the workspace or `-f` defines, or `undefined`
 * when it defines none) and the cluster's `live` state, one sentence each. The endpoint line
 * (`N endpoints ready, M not ready`) is always there for a live Service that has endpoints.
 */
export function serviceDrift(manifest: Service | undefined, live: LiveServiceState): string[] {
  const id = `${live.namespace}/${live.name}`;
  const svc = live.service;
  const lines: string[] = [];
  if (svc === undefined) {
    lines.push(`Service ${id} is not in the cluster (context "${live.context}"): its names are NXDOMAIN there.`);
    return lines;
  }
  if (manifest === undefined) {
    lines.push(`Service ${id} is in the cluster but no manifest defines it.`);
  } else {
    const m = manifest.spec;
    const l = svc.spec;
    if (m.type !== l.type) lines.push(`type differs: manifest ${m.type}, cluster ${l.type}.`);
    const pinned = writtenClusterIPs(manifest);
    const liveIPs = liveClusterIPs(svc);
    if (m.type !== 'ExternalName' && l.type !== 'ExternalName' && pinned !== undefined && pinned.join(',') !== liveIPs.join(',')) {
      lines.push(`cluster IP differs: manifest ${pinned.join(', ')}, cluster ${liveIPs.join(', ') || '(none)'}.`);
    }
    // nodePorts are compared only where the manifest pins them; otherwise the API server picks one.
    const pinnedNodePort = (p: ServicePort): boolean => m.ports.some((q) => q.index === p.index && q.nodePort !== undefined);
    const manifestPorts = formatPorts(m.ports, (p) => p.nodePort !== undefined);
    const livePorts = formatPorts(l.ports, pinnedNodePort);
    if (m.type !== 'ExternalName' && manifestPorts !== livePorts) lines.push(`ports differ: manifest ${manifestPorts}; cluster ${livePorts}.`);
    if (!sameSelector(m.selector, l.selector)) lines.push(`selector differs: manifest ${formatSelector(m.selector)}, cluster ${formatSelector(l.selector)}.`);
    if ((m.type === 'ExternalName' || l.type === 'ExternalName') && (m.externalName ?? '') !== (l.externalName ?? '')) {
      lines.push(`externalName differs: manifest ${m.externalName || '(none)'}, cluster ${l.externalName || '(none)'}.`);
    }
  }

  if (svc.spec.type !== 'ExternalName') {
    const endpoints = endpointsOf(live.slices);
    const ready = endpoints.filter((e) => e.ready);
    const notReady = endpoints.filter((e) => !e.ready);
    if (endpoints.length > 0 || svc.spec.selector !== undefined) {
      const unserved = notReady.length > 0 ? ` (not served by DNS: ${notReady.map((e) => e.label).join(', ')})` : '';
      const slices = live.slices.length === 0 ? ' (no EndpointSlices)' : '';
      lines.push(`${plural(ready.length, 'endpoint')} ready, ${notReady.length} not ready${unserved}${slices}.`);
    }
    const runningIn = (selector: Readonly<Record<string, string>>): boolean =>
      live.pods.some((p) => p.meta.namespace === live.namespace && isRunning(p) && selects(selector, p.template.labels));
    if (svc.spec.selector !== undefined && !runningIn(svc.spec.selector)) {
      lines.push(`The selector ${formatSelector(svc.spec.selector)} matches no running pod in namespace ${live.namespace}.`);
    }
    const mSel = manifest?.spec.selector;
    if (mSel !== undefined && !sameSelector(mSel, svc.spec.selector) && !runningIn(mSel)) {
      lines.push(`The manifest's selector ${formatSelector(mSel)} matches no running pod in namespace ${live.namespace}.`);
    }
  }
  return lines;
}
