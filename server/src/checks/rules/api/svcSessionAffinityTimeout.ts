import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { getIn, optInt } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** core.MaxClientIPServiceAffinitySeconds: one day. */
export const MAX_AFFINITY_SECONDS = 86400;

/**
 * SA-3: ClientIP affinity times out after 1–86400 seconds. A missing config is defaulted to 10800
 * seconds (SA-2 cannot fire), and a config beside affinity None is dropped (SA-4 cannot fire).
 */
export const svcSessionAffinityTimeout: Rule = {
  code: 'svc-session-affinity-timeout',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateClientIPAffinityConfig → validateAffinityTimeout (SA-3)',
  description: 'sessionAffinityConfig.clientIP.timeoutSeconds must be between 1 and 86400.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.sessionAffinity !== 'ClientIP') return;
    const path = ['sessionAffinityConfig', 'clientIP', 'timeoutSeconds'];
    const t = optInt(getIn(v.spec, path));
    if (typeof t !== 'number' || (t > 0 && t <= MAX_AFFINITY_SECONDS)) return;
    fail(
      report,
      at(['spec', ...path]),
      `spec.${path.join('.')}`,
      invalid(t, [`must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`]),
      'use 1 to 86400 seconds, or leave it out for the default of 10800 (3 hours).',
    );
  },
};
