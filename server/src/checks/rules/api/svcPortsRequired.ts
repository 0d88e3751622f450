import type { Rule } from '../../types';
import { required } from '../../validation/errors';
import { goList, present } from '../../validation/raw';
import { fail, keyOf, missing } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-1: a Service needs ports unless it is headless or of type ExternalName. */
export const svcPortsRequired: Rule = {
  code: 'svc-ports-required',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (PORT-1)',
  description: 'A Service must list at least one port, unless it is headless (clusterIP: None) or of type ExternalName.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const list = goList(v.spec['ports']);
    if (!list || list.length > 0 || v.headless || v.type === 'ExternalName') return;
    fail(
      report,
      present(v.spec, 'ports') ? keyOf(['spec', 'ports']) : missing(object.raw, ['spec']),
      'spec.ports',
      required(),
      'list the ports the Service forwards (only a headless Service, clusterIP: None, or an ExternalName Service may have none).',
    );
  },
};
