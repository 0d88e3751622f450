/**
 * For a DNS name that does not resolve from an object whose manifest names no namespace: the one
 * namespace it would resolve from. Such manifests are often applied with `kubectl apply -n NS`,
 * and a pod's search path starts with the namespace it runs in (dns-rules.md §9).
 */
import { servicesNamed } from '../../../dns/cluster';
import { resolveFromPod } from '../../../dns/search';
import type { DnsNameUse } from '../../../refs/dnsNames';
import type { CheckContext, Reporter } from '../../types';

/** The sentence to add to an unresolved name's message, or `''`. */
export function applyNamespaceHint(use: DnsNameUse, ctx: CheckContext, report: Reporter): string {
  const o = use.object;
  if (o.meta.namespaceExplicit || use.token.host.endsWith('.')) return '';
  // Where a Service of that name lives is where the name can resolve from.
  report.watch({ servicesNamed: use.serviceName });
  const type = use.srv ? 'SRV' : 'A';
  const homes = servicesNamed(ctx.cluster, use.serviceName)
    .map((e) => e.service.meta.namespace)
    .filter((ns) => ns !== o.meta.namespace && resolveFromPod(ctx.cluster, use.token.host, ns, type).hit);
  if (homes.length !== 1) return '';
  const ns = homes[0]!;
  return ` ${o.kind} ${o.meta.name} names no namespace, and ${use.token.host} resolves only if applied in namespace ${ns}: use \`kubectl apply -n ${ns}\` or set k8sDns.defaultNamespace.`;
}
