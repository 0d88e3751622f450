/** dns-name-port-unknown: a URL's port that the Service it names does not expose. */
import type { ServiceEntry } from '../../../dns/cluster';
import type { ResourceRecord } from '../../../dns/types';
import { isEndpointSlice, isEndpoints, type KubeObject } from '../../../manifests/types';
import { dnsNameUses } from '../../../refs/dnsNames';
import type { Rule } from '../../types';
import { describeObject } from '../dns/describe';
import { reportUse } from './dnsNameRange';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, grpc: 80 };

/**
 * The ports the pods behind direct answers (pod IPs) declare: their containers' ports, or for
 * endpoints written by hand (EndpointSlice, Endpoints) the ports written there. The Service's own
 * ports do not count: no proxy maps them. Empty when nothing is declared, and then nothing is known.
 */
function podPorts(entry: ServiceEntry, origins: ReadonlySet<KubeObject>): Set<number> {
  const out = new Set<number>();
  for (const o of origins) {
    if ('template' in o) {
      for (const c of [...o.template.containers, ...o.template.initContainers]) for (const p of c.ports) out.add(p.containerPort);
    }
  }
  for (const s of entry.slices) {
    if (!origins.has(s.object) || !(isEndpointSlice(s.object) || isEndpoints(s.object))) continue;
    for (const p of s.ports) if (p.port !== undefined) out.add(p.port);
  }
  return out;
}

/** The objects behind an answer's address records other than the Service itself (pods, slices). */
function podOrigins(records: readonly ResourceRecord[], entry: ServiceEntry): Set<KubeObject> {
  const out = new Set<KubeObject>();
  for (const r of records) if ((r.type === 'A' || r.type === 'AAAA') && r.origin && r.origin !== entry.service) out.add(r.origin);
  return out;
}

/**
 * Warning on `http://quote.kiada:8080` when quote exposes only port 80 (its cluster IP refuses other
 * ports). A headless Service's name and any per-pod name resolve to pod IPs with no proxy between:
 * the port is the container's business, so at most an info when no container declares it.
 */
export const dnsNamePortUnknown: Rule = {
  code: 'dns-name-port-unknown',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference:
    'dns-rules.md §3.1 (a ClusterIP Service answers on its `port`s), §3.5, §3.7 (headless and per-pod names answer pod IPs: no proxy, the pod’s ports); kubernetes docs service.md (headless Services: no load balancing or proxying)',
  description: 'A URL names a Service on a port its cluster IP does not expose (an info when the name resolves to pod IPs and no container declares the port).',
  kinds: ['*'],
  check(object, ctx, report) {
    for (const use of dnsNameUses(object, ctx.cluster)) {
      const entry = use.target;
      if (!entry || entry.externalName || use.srv) continue;
      const port = use.token.port ?? (use.token.scheme ? DEFAULT_PORTS[use.token.scheme] : undefined);
      if (port === undefined) continue;
      const svc = entry.service;
      const implicit = use.token.port === undefined ? ` (the ${use.token.scheme}:// default)` : '';
      const origins = podOrigins(use.resolution.hit?.answer.answer ?? [], entry);
      if (entry.headless || origins.size > 0) {
        // Pod IPs: the connection goes straight to the pod, whatever the Service's ports say.
        const open = podPorts(entry, origins);
        if (open.size === 0 || open.has(port)) continue;
        const list = [...open].sort((a, b) => a - b).join(', ');
        const pods = [...origins].filter((o) => !isEndpointSlice(o) && !isEndpoints(o)).map(describeObject);
        reportUse(
          report,
          use,
          ctx,
          `${use.token.host} resolves to pod IPs of ${entry.headless ? 'headless ' : ''}Service ${svc.meta.namespace}/${svc.meta.name}, with no proxy between: port ${port}${implicit} goes straight to the pod, and ${pods.length ? `no container of ${pods.join(', ')} declares it` : 'its endpoints list no such port'} (known: ${list}). A container may listen on a port it does not declare.`,
          undefined,
          'info',
        );
        continue;
      }
      if (svc.spec.ports.length === 0) continue;
      const open = new Set<number>(svc.spec.ports.map((p) => p.port));
      if (open.has(port)) continue;
      const list = [...open].sort((a, b) => a - b).join(', ');
      reportUse(
        report,
        use,
        ctx,
        `${use.token.host} is Service ${svc.meta.namespace}/${svc.meta.name}, which does not expose port ${port}${implicit}; it exposes ${list}. Connections to any other port of the cluster IP are refused.`,
      );
    }
  },
};
