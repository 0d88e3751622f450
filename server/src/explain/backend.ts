/**
 * Hover text for an Ingress or route backend: the Service it reaches (its FQDN and kind), the
 * port with its SRV name and targetPort, and the endpoints the controller sends traffic to (the
 * addresses and ports of the Service's EndpointSlices for that port, which is what ingress-nginx
 * and Gateway implementations read). Pure: no LSP.
 */
import { isServed, serviceKey, type Cluster, type NamespacePart, type ServiceEntry } from '../dns/cluster';
import { serviceRecords } from '../dns/records';
import type { KubeObject, Service, ServicePort } from '../manifests/types';
import { backendRefs, isServiceRef, type BackendRef } from '../refs/backends';
import { grantAllows, grantsIn } from '../refs/gatewayRefs';
import { code, joinSections, recordBlock } from './markdown';
import { fqdn, kindSentence, unknownsNote } from './service';

/** At most this many endpoints are listed; the rest are counted. */
const MAX_ENDPOINTS = 10;

/** The Service port a backend's port means, if the Service has it. */
function portOf(entry: ServiceEntry, ref: BackendRef): ServicePort | undefined {
  const p = ref.port;
  if (!p) return undefined;
  return entry.service.spec.ports.find((sp) => (p.number !== undefined ? sp.port === p.number : sp.name === p.name));
}

function portLine(cluster: Cluster, entry: ServiceEntry, ref: BackendRef, port: ServicePort | undefined): string {
  if (!ref.port) return ref.role === 'ingress' ? '**Port**: none written (the API server requires `port.name` or `port.number`).' : '**Port**: none written (required for a Service backend).';
  const written = ref.port.number ?? ref.port.name;
  if (!port) return `**Port** ${code(String(written))}: not a port of this Service.`;
  const target = port.targetPort === undefined ? `${port.port} (same as port)` : String(port.targetPort);
  const srv = port.name ? ` · SRV ${code(`_${port.name}._${port.protocol.toLowerCase()}.${fqdn(entry.service, cluster.config.zone)}`)}` : ' · no SRV name (the port has no name)';
  return `**Port** ${port.port}${port.name ? ` (${code(port.name)})` : ''}/${port.protocol} → targetPort ${code(target)}${srv}`;
}

/** The served endpoints of the Service for one port, as `address:port (origin)` lines. */
function endpointLines(entry: ServiceEntry, port: ServicePort | undefined): string | undefined {
  if (entry.externalName) return undefined;
  const lines: string[] = [];
  let count = 0;
  for (const slice of entry.slices) {
    // EndpointSlice ports carry the Service port's name: that is how controllers pair them.
    const sp = port ? slice.ports.find((p) => (p.name ?? '') === (port.name ?? '') && p.protocol === port.protocol) : undefined;
    for (const e of slice.endpoints) {
      if (!isServed(e)) continue;
      for (const a of e.addresses) {
        count++;
        if (lines.length < MAX_ENDPOINTS) lines.push(`- ${code(sp?.port !== undefined ? `${a}:${sp.port}` : a)} (${e.origin.kind} ${e.origin.meta.name})`);
      }
    }
  }
  if (count === 0) return '**Endpoints**: none ready in the workspace: the controller has nowhere to send traffic (503).';
  const more = count > lines.length ? `\n- … ${count - lines.length} more` : '';
  return `**Endpoints** the controller sends traffic to (from the EndpointSlices):\n\n${lines.join('\n')}${more}`;
}

/** For a cross-namespace route backend: which ReferenceGrant allows it, if any. */
function grantLine(cluster: Cluster, ref: BackendRef): string | undefined {
  if (ref.role === 'ingress' || ref.namespace === ref.object.meta.namespace) return undefined;
  const grant = grantsIn(cluster, ref.namespace).find((g) => grantAllows(g, ref));
  return grant
    ? `Cross-namespace: allowed by ReferenceGrant ${code(`${ref.namespace}/${grant.object.meta.name}`)}.`
    : `Cross-namespace: **no ReferenceGrant in ${code(ref.namespace)} allows it** in the workspace.`;
}

/** The hover of a backend reference. */
export function backendHover(cluster: Cluster, ref: BackendRef): string {
  if (!isServiceRef(ref)) {
    const kind = ref.group ? `${ref.kind}.${ref.group}` : ref.kind;
    return joinSections(`Backend ${code(`${kind} ${ref.namespace}/${ref.name}`)}: not a Service; what it resolves to is up to the implementation.`, grantLine(cluster, ref));
  }
  const entry = cluster.services.get(serviceKey(ref.namespace, ref.name));
  if (!entry) {
    return joinSections(`Backend Service ${code(`${ref.namespace}/${ref.name}`)}: **not in the workspace**.`, grantLine(cluster, ref));
  }
  const port = portOf(entry, ref);
  const records = serviceRecords(cluster, entry).filter((r) => r.name === fqdn(entry.service, cluster.config.zone) && r.type !== 'SRV');
  const weight = ref.weight !== undefined ? ` · weight ${ref.weight}` : ref.role === 'route' ? ' · weight 1 (default)' : '';
  return joinSections(
    `**Backend** → Service ${code(`${ref.namespace}/${ref.name}`)} · ${code(fqdn(entry.service, cluster.config.zone))}${weight}${ref.role === 'mirror' ? ' (mirrored copies of requests)' : ''}`,
    kindSentence(entry),
    portLine(cluster, entry, ref, port),
    endpointLines(entry, port),
    records.length ? recordBlock(records) : undefined,
    grantLine(cluster, ref),
    unknownsNote(entry, records),
  );
}

/** At most this many referrers are listed under a Service's hover. */
const MAX_REFERRERS = 8;

/**
 * The Ingresses and routes that send traffic to a Service, for its hover (`undefined` when none:
 * a Service nothing routes to is fine, and its hover stays as it was).
 */
export function reachedBy(cluster: Cluster, svc: Service): string | undefined {
  const lines: string[] = [];
  let count = 0;
  const key = serviceKey(svc.meta.namespace, svc.meta.name);
  // Routes may point across namespaces: ask each part's index, not every object of the cluster.
  for (const part of cluster.parts) {
    for (const { object: o, ref } of backendsByService(part).get(key) ?? []) {
      count++;
      const port = ref.port ? ` port ${ref.port.number ?? ref.port.name}` : '';
      if (lines.length < MAX_REFERRERS) lines.push(`- ${o.kind} ${code(`${o.meta.namespace}/${o.meta.name}`)}${port}${ref.role === 'mirror' ? ' (mirror)' : ''}`);
    }
  }
  if (count === 0) return undefined;
  return `**Reached by** (Ingresses and routes):\n\n${lines.join('\n')}${count > lines.length ? `\n- … ${count - lines.length} more` : ''}`;
}

/** A part's Service backends by the Service they name (`namespace/name`), built once per part build. */
const backendIndex = new WeakMap<NamespacePart, Map<string, { object: KubeObject; ref: BackendRef }[]>>();

function backendsByService(part: NamespacePart): Map<string, { object: KubeObject; ref: BackendRef }[]> {
  let map = backendIndex.get(part);
  if (!map) {
    map = new Map();
    for (const object of part.objects) {
      for (const ref of backendRefs(object)) {
        if (!isServiceRef(ref)) continue;
        const key = serviceKey(ref.namespace, ref.name);
        const list = map.get(key);
        if (list) list.push({ object, ref });
        else map.set(key, [{ object, ref }]);
      }
    }
    backendIndex.set(part, map);
  }
  return map;
}
