import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { optString } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

const POLICIES: readonly string[] = ['Cluster', 'Local'];

/** ITP-1: internalTrafficPolicy is Cluster or Local (omitted means Cluster). */
export const svcInternalTrafficPolicy: Rule = {
  code: 'svc-internal-traffic-policy',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServiceInternalTrafficFieldsValue (ITP-1)',
  description: 'spec.internalTrafficPolicy must be Cluster or Local.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    // A pointer field: an explicit "" is not defaulted and fails like any other value.
    const policy = optString(serviceView(object).spec['internalTrafficPolicy']);
    if (typeof policy !== 'string' || POLICIES.includes(policy)) return;
    const fixed = POLICIES.find((p) => p.toLowerCase() === policy.toLowerCase());
    fail(
      report,
      at(['spec', 'internalTrafficPolicy']),
      'spec.internalTrafficPolicy',
      unsupported(policy, POLICIES),
      fixed ? `write it as ${fixed}.` : 'use Cluster or Local, or leave it out for Cluster.',
    );
  },
};
