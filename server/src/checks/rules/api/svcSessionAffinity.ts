import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

const AFFINITIES: readonly string[] = ['ClientIP', 'None'];

/** SA-1: sessionAffinity is ClientIP or None (omitted means None). */
export const svcSessionAffinity: Rule = {
  code: 'svc-session-affinity',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (SA-1)',
  description: 'spec.sessionAffinity must be ClientIP or None.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const affinity = serviceView(object).sessionAffinity;
    if (affinity === null || AFFINITIES.includes(affinity)) return;
    const fixed = AFFINITIES.find((a) => a.toLowerCase() === affinity.toLowerCase());
    fail(
      report,
      at(['spec', 'sessionAffinity']),
      'spec.sessionAffinity',
      unsupported(affinity, AFFINITIES),
      fixed ? `write it as ${fixed}.` : 'use ClientIP or None, or leave it out.',
    );
  },
};
