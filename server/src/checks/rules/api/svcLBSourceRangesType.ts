import type { Rule } from '../../types';
import { forbidden } from '../../validation/errors';
import { goStringList } from '../../validation/raw';
import { fail, keyOf } from '../../validation/report';
import { ANNOTATION_LB_SOURCE_RANGES, annotationsOf, serviceView } from '../../validation/service';

const MESSAGE = forbidden("may only be used when `type` is 'LoadBalancer'");

/** LBSR-1/LBSR-3: source ranges (field or annotation) only on LoadBalancer Services. */
export const svcLBSourceRangesType: Rule = {
  code: 'svc-lb-source-ranges-type',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (LBSR-1, LBSR-3)',
  description: 'loadBalancerSourceRanges (or its annotation) may only be used on a LoadBalancer Service.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const ranges = goStringList(v.spec['loadBalancerSourceRanges']);
    if (v.type === 'LoadBalancer' || !ranges) return;
    const advice = 'remove it, or set type: LoadBalancer (only a cloud load balancer filters by source range).';
    if (ranges.length > 0) {
      // The API prints this path with a capital L.
      fail(report, keyOf(['spec', 'loadBalancerSourceRanges']), 'spec.LoadBalancerSourceRanges', MESSAGE, advice);
      return;
    }
    if (ANNOTATION_LB_SOURCE_RANGES in annotationsOf(object)) {
      fail(
        report,
        keyOf(['metadata', 'annotations', ANNOTATION_LB_SOURCE_RANGES]),
        `metadata.annotations[${ANNOTATION_LB_SOURCE_RANGES}]`,
        MESSAGE,
        advice,
      );
    }
  },
};
