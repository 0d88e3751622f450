import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

const POLICIES: readonly string[] = ['Cluster', 'Local'];

/** ETP-2: externalTrafficPolicy is Cluster or Local (omitted means Cluster). */
export const svcExternalTrafficPolicyValue: Rule = {
  code: 'svc-external-traffic-policy-value',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServiceExternalTrafficPolicy (ETP-2)',
  description: 'spec.externalTrafficPolicy must be Cluster or Local.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const policy = v.externalTrafficPolicy;
    if (!v.externallyAccessible || !policy || POLICIES.includes(policy)) return;
    const fixed = POLICIES.find((p) => p.toLowerCase() === policy.toLowerCase());
    fail(
      report,
      at(['spec', 'externalTrafficPolicy']),
      'spec.externalTrafficPolicy',
      unsupported(policy, POLICIES),
      fixed ? `write it as ${fixed}.` : 'use Cluster or Local, or leave it out for Cluster.',
    );
  },
};
