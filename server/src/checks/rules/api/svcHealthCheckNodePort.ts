import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { portNumberErrors } from '../../validation/ports';
import { goInt } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/**
 * HC-1/HC-2: healthCheckNodePort belongs to LoadBalancer Services with externalTrafficPolicy Local,
 * and is a port number. (Omitted, it is allocated; the allocator's own range check needs the cluster.)
 */
export const svcHealthCheckNodePort: Rule = {
  code: 'svc-health-check-node-port',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServiceExternalTrafficPolicy (HC-1, HC-2)',
  description: 'healthCheckNodePort may only be set on a LoadBalancer Service with externalTrafficPolicy Local, and must be 1–65535.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const port = goInt(v.spec['healthCheckNodePort']);
    if (!port) return;
    const needed = v.type === 'LoadBalancer' && v.externalTrafficPolicy === 'Local';
    const errs = needed ? portNumberErrors(port) : ["may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"];
    if (!errs.length) return;
    fail(
      report,
      at(['spec', 'healthCheckNodePort']),
      'spec.healthCheckNodePort',
      invalid(port, errs),
      needed
        ? 'use a port in the node-port range (default 30000-32767), or leave it out to have one assigned.'
        : 'remove healthCheckNodePort: only a LoadBalancer with externalTrafficPolicy: Local uses it.',
    );
  },
};
