import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** ETP-1: externalTrafficPolicy only on externally accessible Services. */
export const svcExternalTrafficPolicyScope: Rule = {
  code: 'svc-external-traffic-policy-scope',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServiceExternalTrafficPolicy (ETP-1)',
  description: 'externalTrafficPolicy may only be set on NodePort and LoadBalancer Services, or ClusterIP Services with externalIPs.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.externallyAccessible || !v.externalTrafficPolicy) return;
    fail(
      report,
      at(['spec', 'externalTrafficPolicy']),
      'spec.externalTrafficPolicy',
      invalid(v.externalTrafficPolicy, ['may only be set for externally-accessible services']),
      'remove externalTrafficPolicy, or make the Service reachable from outside (type NodePort or LoadBalancer).',
    );
  },
};
