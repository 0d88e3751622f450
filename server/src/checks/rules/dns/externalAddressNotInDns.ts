/** svc-external-address-not-in-dns: NodePort/LoadBalancer/external addresses never appear in cluster DNS. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { clusterIPText, serviceFqdn } from './describe';

/** Info on `type: LoadBalancer`/`NodePort` (or `externalIPs`): DNS keeps answering the cluster IP. */
export const svcExternalAddressNotInDns: Rule = {
  code: 'svc-external-address-not-in-dns',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §3.3 (NodePort and LoadBalancer Services), §15; coredns plugin/kubernetes/object/service.go, plugin/kubernetes/external.go (k8s_external)',
  description: 'For NodePort and LoadBalancer Services (and externalIPs) cluster DNS serves only the cluster IP, never node ports or external addresses.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const type = svc.spec.type;
    const externalIPs = svc.raw['spec'] && (svc.raw['spec'] as Record<string, unknown>)['externalIPs'];
    const hasExternalIPs = Array.isArray(externalIPs) && externalIPs.length > 0;
    if (type !== 'LoadBalancer' && type !== 'NodePort' && !(type === 'ClusterIP' && hasExternalIPs)) return;
    const entry = ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`);
    if (entry?.service !== svc || entry.headless) return;
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const ip = clusterIPText(entry.clusterIPs[0]);
    const answer = `${fqdn} answers only with ${ip === 'its cluster IP' ? ip : `its cluster IP ${ip}`}`;
    const what =
      type === 'LoadBalancer'
        ? 'the load balancer address (status.loadBalancer.ingress) is'
        : type === 'NodePort'
          ? 'node addresses and node ports are'
          : 'the addresses in spec.externalIPs are';
    report.at(
      type === 'ClusterIP' ? ['spec', 'externalIPs'] : ['spec', 'type'],
      `${answer}: ${what} never published under svc.${ctx.config.zone}, and SRV records carry the Service port, not a node port. ` +
        'Only CoreDNS\'s separate k8s_external plugin publishes external addresses, under a zone of its own; clients outside the cluster need the external address itself or an external DNS record.',
      type === 'ClusterIP' ? { key: true } : undefined,
    );
  },
};
