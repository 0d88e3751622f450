/** svc-external-name-ignored-fields: ports and selector of an ExternalName Service do nothing. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';

/** Info on the `ports` and `selector` keys of an ExternalName Service. */
export const svcExternalNameIgnoredFields: Rule = {
  code: 'svc-external-name-ignored-fields',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §1.2 (ExternalName has no endpoints), §3.8 (ports informational), §7 item 6; service-validation.md §5.6, §8',
  description: 'The ports and selector of an ExternalName Service are accepted but ignored: no SRV records, no endpoints.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    if (svc.spec.type !== 'ExternalName') return;
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const target = svc.spec.externalName ?? '<externalName>';
    if (svc.spec.ports.length > 0) {
      report.at(
        ['spec', 'ports'],
        `Ports of an ExternalName Service are ignored: DNS answers ${fqdn} only with CNAME ${target}; SRV questions get no answer ` +
          `(_<port>._<proto>.${fqdn} is NXDOMAIN) and nothing proxies these ports. Clients connect to ${target} on the port they choose; remove \`ports\` or keep them as documentation only.`,
        { key: true },
      );
    }
    if (svc.spec.selector) {
      report.at(
        ['spec', 'selector'],
        `The selector of an ExternalName Service is ignored: no EndpointSlices are written for it and DNS answers ${fqdn} only with CNAME ${target}, never with pod addresses. ` +
          'Remove the selector, or drop `type: ExternalName` if the Service should route to these pods.',
        { key: true },
      );
    }
  },
};
