/** svc-external-name-ip: an IP-address externalName is NXDOMAIN in CoreDNS. */
import { isIP } from 'node:net';
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';
import { externalTarget } from './externalNameTarget';

/** Warning (info on kube-dns, which answers it) on an IP-address externalName. */
export const svcExternalNameIp: Rule = {
  code: 'svc-external-name-ip',
  defaultSeverity: 'warning',
  source: 'coredns',
  reference: 'dns-rules.md §3.8 (IP-address-looking externalName), §7 item 7, §14; coredns plugin/kubernetes/kubernetes.go findServices (IP targets dropped)',
  description: 'An ExternalName Service whose externalName is an IP address resolves to NXDOMAIN in CoreDNS.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const target = externalTarget(svc);
    if (!target || !isIP(target)) return;
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const instead =
      `To give the address a cluster name, drop \`type: ExternalName\` and \`externalName\`, keep the Service without a selector ` +
      `(\`clusterIP: None\` for a plain A record) and add an EndpointSlice labelled kubernetes.io/service-name: ${svc.meta.name} listing ${target}.`;
    if (ctx.config.flavor === 'kube-dns') {
      report.at(
        ['spec', 'externalName'],
        `externalName ${target} is an IP address. kube-dns answers ${fqdn} with A ${target}, but CoreDNS (the default DNS server nearly everywhere else) answers NXDOMAIN, so this breaks on migration. ${instead}`,
        { severity: 'info' },
      );
      return;
    }
    report.at(
      ['spec', 'externalName'],
      `externalName ${target} is an IP address: CoreDNS drops IP-valued ExternalName targets, so ${fqdn} is NXDOMAIN for every query type (no CNAME, no A). ${instead}`,
    );
  },
};
