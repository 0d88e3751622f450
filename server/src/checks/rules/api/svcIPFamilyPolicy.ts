import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

const POLICIES: readonly string[] = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** FAM-2: ipFamilyPolicy is SingleStack, PreferDualStack or RequireDualStack. */
export const svcIPFamilyPolicy: Rule = {
  code: 'svc-ip-family-policy',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields (FAM-2)',
  description: 'spec.ipFamilyPolicy must be SingleStack, PreferDualStack or RequireDualStack.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const policy = v.ipFamilyPolicy;
    if (v.type === 'ExternalName' || typeof policy !== 'string' || POLICIES.includes(policy)) return;
    const fixed = POLICIES.find((p) => p.toLowerCase() === policy.toLowerCase());
    fail(
      report,
      at(['spec', 'ipFamilyPolicy']),
      'spec.ipFamilyPolicy',
      unsupported(policy, POLICIES),
      fixed ? `write it as ${fixed}.` : 'use SingleStack, PreferDualStack or RequireDualStack, or leave it out.',
    );
  },
};
