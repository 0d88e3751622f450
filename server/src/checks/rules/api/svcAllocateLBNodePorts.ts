import type { Rule } from '../../types';
import { forbidden } from '../../validation/errors';
import { optBool } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** ALNP-1: allocateLoadBalancerNodePorts only on LoadBalancer Services (omitted there, it is true). */
export const svcAllocateLBNodePorts: Rule = {
  code: 'svc-allocate-lb-node-ports',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (ALNP-1)',
  description: 'allocateLoadBalancerNodePorts may only be set on a LoadBalancer Service.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type === 'LoadBalancer' || typeof optBool(v.spec['allocateLoadBalancerNodePorts']) !== 'boolean') return;
    fail(
      report,
      at(['spec', 'allocateLoadBalancerNodePorts']),
      'spec.allocateLoadBalancerNodePorts',
      forbidden("may only be used when `type` is 'LoadBalancer'"),
      'remove it, or set type: LoadBalancer.',
    );
  },
};
