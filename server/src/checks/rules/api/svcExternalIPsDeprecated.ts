import type { Rule } from '../../types';
import { keyOf, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W8: spec.externalIPs is deprecated (newest warnings.go only). */
export const svcExternalIPsDeprecated: Rule = {
  code: 'svc-external-ips-deprecated',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W8)',
  description: 'spec.externalIPs is deprecated and may be disabled in some clusters.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const headless = v.type === 'ClusterIP' && v.clusterIPs?.length === 1 && v.headless;
    if (headless || v.type === 'ExternalName' || !v.externalIPs?.length) return;
    warn(
      report,
      keyOf(['spec', 'externalIPs']),
      'spec.externalIPs',
      'spec.externalIPs is deprecated and may no longer be implemented in some clusters',
      'prefer a LoadBalancer Service; clusters may refuse externalIPs altogether (DenyServiceExternalIPs).',
    );
  },
};
