import type { Rule } from '../../types';
import { forbidden, invalid } from '../../validation/errors';
import { qualifiedNameErrors } from '../../validation/qualifiedName';
import { optString } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** LBC-1/LBC-2: loadBalancerClass only on LoadBalancer Services, and a qualified name there. */
export const svcLBClass: Rule = {
  code: 'svc-lb-class',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateLoadBalancerClassField (LBC-1, LBC-2)',
  description: 'loadBalancerClass may only be set on a LoadBalancer Service, and must be a qualified name such as example.com/internal.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const cls = optString(v.spec['loadBalancerClass']);
    if (typeof cls !== 'string') return;
    const where = at(['spec', 'loadBalancerClass']);
    if (v.type !== 'LoadBalancer') {
      fail(
        report,
        where,
        'spec.loadBalancerClass',
        forbidden("may only be used when `type` is 'LoadBalancer'"),
        'remove it, or set type: LoadBalancer.',
      );
      return;
    }
    const errs = qualifiedNameErrors(cls);
    if (errs.length) {
      fail(
        report,
        where,
        'spec.loadBalancerClass',
        invalid(cls, errs),
        'use the class name your load-balancer controller expects, e.g. example.com/internal-vip.',
      );
    }
  },
};
