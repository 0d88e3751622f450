/** dns-name-port-unknown: a URL's port that the Service it names does not expose. */
import { dnsNameUses } from '../../../refs/dnsNames';
import type { Rule } from '../../types';
import { reportUse } from './dnsNameRange';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, grpc: 80 };

/** Warning on `http://quote.kiada:8080` when quote exposes only port 80. */
export const dnsNamePortUnknown: Rule = {
  code: 'dns-name-port-unknown',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §3.1 (a ClusterIP Service answers on its `port`s), §3.5 (headless: the pods’ target ports)',
  description: 'A URL names a Service on a port it does not expose.',
  kinds: ['*'],
  check(object, ctx, report) {
    for (const use of dnsNameUses(object, ctx.cluster)) {
      const entry = use.target;
      if (!entry || entry.externalName || use.srv) continue;
      const port = use.token.port ?? (use.token.scheme ? DEFAULT_PORTS[use.token.scheme] : undefined);
      if (port === undefined) continue;
      const svc = entry.service;
      if (svc.spec.ports.length === 0 && !entry.headless) continue;
      // A headless Service's clients connect to pod ports directly: the slices' (target) ports count.
      const open = new Set<number>(entry.headless ? [] : svc.spec.ports.map((p) => p.port));
      if (entry.headless) {
        for (const p of svc.spec.ports) {
          open.add(p.port);
          if (typeof p.targetPort === 'number') open.add(p.targetPort);
        }
        for (const s of entry.slices) for (const p of s.ports) if (p.port !== undefined) open.add(p.port);
        if (open.size === 0) continue;
      }
      if (open.has(port)) continue;
      const list = [...open].sort((a, b) => a - b).join(', ');
      const implicit = use.token.port === undefined ? ` (the ${use.token.scheme}:// default)` : '';
      reportUse(
        report,
        use,
        ctx,
        `${use.token.host} is Service ${svc.meta.namespace}/${svc.meta.name}, which does not expose port ${port}${implicit}; it exposes ${list}.${entry.headless ? '' : ' Connections to any other port of the cluster IP are refused.'}`,
      );
    }
  },
};
