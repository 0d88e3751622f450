import type { Rule } from '../../types';
import { keyOf, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W11: an ExternalName Service ignores externalIPs. */
export const svcExternalIPsIgnored: Rule = {
  code: 'svc-external-ips-ignored',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W11)',
  description: 'externalIPs on an ExternalName Service are ignored.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'ExternalName' || !v.externalIPs?.length) return;
    warn(
      report,
      keyOf(['spec', 'externalIPs']),
      'spec.externalIPs',
      'spec.externalIPs is ignored when spec.type is "ExternalName"',
      'remove externalIPs: an ExternalName Service is only a DNS alias (a CNAME).',
    );
  },
};
