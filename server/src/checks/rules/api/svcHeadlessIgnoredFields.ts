import type { Rule } from '../../types';
import { goString } from '../../validation/raw';
import { at, keyOf, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W4/W5/W6: loadBalancerIP, externalIPs and session affinity do nothing on a headless Service. */
export const svcHeadlessIgnoredFields: Rule = {
  code: 'svc-headless-ignored-fields',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W4, W5, W6)',
  description: 'A headless Service ignores loadBalancerIP, externalIPs and sessionAffinity.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    // warnings.go's own notion of headless: type ClusterIP and clusterIPs exactly ["None"].
    if (v.type !== 'ClusterIP' || v.clusterIPs?.length !== 1 || !v.headless) return;
    const advice = 'remove it: a headless Service has no virtual IP, so DNS returns the pod addresses directly.';
    if (goString(v.spec['loadBalancerIP'])) {
      warn(report, at(['spec', 'loadBalancerIP']), 'spec.loadBalancerIP', 'spec.loadBalancerIP is ignored for headless services', advice);
    }
    if (v.externalIPs?.length) {
      warn(report, keyOf(['spec', 'externalIPs']), 'spec.externalIPs', 'spec.externalIPs is ignored for headless services', advice);
    }
    if (v.sessionAffinity !== null && v.sessionAffinity !== 'None') {
      warn(
        report,
        at(['spec', 'sessionAffinity']),
        'spec.sessionAffinity',
        'spec.SessionAffinity is ignored for headless services',
        advice,
      );
    }
  },
};
