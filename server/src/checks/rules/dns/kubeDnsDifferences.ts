/** svc-kube-dns-differences: what kube-dns does not serve for this Service that CoreDNS does. */
import { isEndpointSlice, type Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';

/** Info per Service, with the kube-dns flavour only: the CoreDNS names this Service lacks there. */
export const svcKubeDnsDifferences: Rule = {
  code: 'svc-kube-dns-differences',
  defaultSeverity: 'info',
  source: 'kube-dns',
  reference: 'dns-rules.md §14; kubernetes/dns pkg/dns/dns.go, pkg/dns/util/util.go GetSkyMsg, third_party/forked/skydns/server/server.go',
  description: 'With kube-dns (e.g. GKE), names CoreDNS serves for this Service are missing: bare-name SRV with real ports, endpoint names, readable endpoint names, dns-version.',
  kinds: ['Service'],
  check(object, ctx, report) {
    if (ctx.config.flavor !== 'kube-dns') return;
    const svc = object as Service;
    const entry = ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`);
    if (entry?.service !== svc || entry.externalName) return;
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const missing: string[] = [];
    if (svc.spec.ports.length > 0) {
      missing.push(`the SRV answer at ${fqdn} with the real ports (kube-dns answers port 0 and a hashed target)`);
    }
    if (svc.spec.ports.some((p) => !p.name)) missing.push('any SRV record for an unnamed port');
    if (entry.headless) {
      missing.push(`dashed-IP endpoint names such as 10-244-1-5.${fqdn} (endpoints without a hostname get a 16-hex-digit hashed name instead)`);
      // With a selector the Endpoints controller also writes core/v1 Endpoints, which kube-dns reads.
      const slices = (ctx.cluster.partOf(svc.meta.namespace)?.objects ?? []).some((o) => isEndpointSlice(o) && o.serviceName === svc.meta.name);
      if (slices && !svc.spec.selector) missing.push('anything from hand-written EndpointSlices (kube-dns reads core/v1 Endpoints only)');
    } else {
      missing.push(`endpoint names <endpoint>.${fqdn} (kube-dns has them only for headless Services)`);
    }
    missing.push(`dns-version.${ctx.config.zone} TXT`);
    report.at(
      ['metadata', 'name'],
      `kube-dns does not serve what CoreDNS serves here: ${missing.join('; ')}. Clients that rely on these names work only on CoreDNS clusters.`,
    );
  },
};
