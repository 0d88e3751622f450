import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { fail } from '../../validation/report';
import { clusterIPAt, serviceView } from '../../validation/service';

/** CIP-9: NodePort and LoadBalancer Services cannot be headless. */
export const svcHeadlessType: Rule = {
  code: 'svc-headless-type',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (CIP-9)',
  description: 'clusterIP: None (headless) is only allowed for Services of type ClusterIP.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (!v.headless || (v.type !== 'LoadBalancer' && v.type !== 'NodePort')) return;
    fail(
      report,
      clusterIPAt(v, 0),
      'spec.clusterIPs[0]',
      invalid('None', [`may not be set to 'None' for ${v.type} services`]),
      'a headless Service must be of type ClusterIP: remove clusterIP: None, or set type: ClusterIP.',
    );
  },
};
