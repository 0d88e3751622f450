import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { goString } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { SERVICE_TYPES, serviceView } from '../../validation/service';

/** TYPE-1: spec.type is ClusterIP, NodePort, LoadBalancer or ExternalName (omitted means ClusterIP). */
export const svcType: Rule = {
  code: 'svc-type',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (TYPE-1)',
  description: 'spec.type must be ClusterIP, NodePort, LoadBalancer or ExternalName (case matters).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const type = goString(serviceView(object).spec['type']);
    if (!type || SERVICE_TYPES.includes(type)) return;
    const fixed = SERVICE_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    fail(
      report,
      at(['spec', 'type']),
      'spec.type',
      unsupported(type, SERVICE_TYPES),
      fixed ? `write it as ${fixed}.` : 'use ClusterIP, NodePort, LoadBalancer or ExternalName, or leave type out for ClusterIP.',
    );
  },
};
