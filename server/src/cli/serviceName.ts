/**
 * The NAME of `k8s-dns resolve`: a Service FQDN (`quote.kiada.svc.cluster.local`, also with a
 * `_port._proto.` or endpoint prefix), `quote.kiada.svc`, `quote.kiada`, or `quote` (in the default
 * namespace). The zone may be left out and is then the cluster's.
 */
import { UsageError } from './args';

export interface ServiceName {
  readonly service: string;
  readonly namespace: string;
  /** Labels before the Service name (`_http`, `_tcp`, or an endpoint name). */
  readonly prefix: readonly string[];
  /** The zone written in the name, if any (without the trailing dot). */
  readonly zone?: string;
}

/** Parses NAME; `namespace` is used when NAME is a bare Service name. */
export function parseServiceName(name: string, namespace: string): ServiceName {
  const trimmed = name.trim().replace(/\.$/, '');
  const labels = trimmed.split('.');
  if (trimmed === '' || labels.some((l) => l === '')) throw new UsageError(`${name} is not a Service name (e.g. quote, quote.kiada or quote.kiada.svc.cluster.local)`);
  const low = labels.map((l) => l.toLowerCase());
  const svcAt = low.indexOf('svc', 2);
  if (svcAt >= 2) {
    const zone = low.slice(svcAt + 1).join('.');
    return { service: low[svcAt - 2]!, namespace: low[svcAt - 1]!, prefix: labels.slice(0, svcAt - 2), ...(zone !== '' ? { zone } : {}) };
  }
  if (low.length === 1) return { service: low[0]!, namespace, prefix: [] };
  if (low.length === 2) return { service: low[0]!, namespace: low[1]!, prefix: [] };
  throw new UsageError(`${name} is not a Service name: use SERVICE, SERVICE.NAMESPACE or the FQDN SERVICE.NAMESPACE.svc.ZONE`);
}

/** The absolute name to ask, in `zone` unless the name wrote its own. */
export function questionName(n: ServiceName, zone: string): string {
  return [...n.prefix, n.service, n.namespace, 'svc', n.zone ?? zone].join('.') + '.';
}
