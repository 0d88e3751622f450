import type { Rule } from '../../types';
import { cidrErrors } from '../../validation/cidr';
import { invalid } from '../../validation/errors';
import { goStringList } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { ANNOTATION_LB_SOURCE_RANGES, annotationsOf, serviceView } from '../../validation/service';

const ADVICE = 'write a CIDR such as 203.0.113.0/24 or 2001:db8::/64.';

/**
 * LBSR-2/LBSR-4: each source range (spaces trimmed) is a CIDR. The field wins; the annotation, a
 * comma-separated list, is read only when the field is empty.
 */
export const svcLBSourceRangesCidr: Rule = {
  code: 'svc-lb-source-ranges-cidr',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService → IsValidCIDR (LBSR-2, LBSR-4)',
  description: 'Every loadBalancerSourceRanges entry (or annotation item) must be a CIDR.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const ranges = goStringList(v.spec['loadBalancerSourceRanges']);
    if (!ranges) return;
    if (ranges.length > 0) {
      ranges.forEach((raw, i) => {
        const value = raw.trim();
        const errs = cidrErrors(value);
        if (errs.length)
          fail(report, at(['spec', 'loadBalancerSourceRanges', i]), `spec.LoadBalancerSourceRanges[${i}]`, invalid(value, errs), ADVICE);
      });
      return;
    }
    const annotation = annotationsOf(object)[ANNOTATION_LB_SOURCE_RANGES];
    if (typeof annotation !== 'string' || annotation.trim() === '') return;
    for (const item of annotation.trim().split(',')) {
      const value = item.trim();
      const errs = cidrErrors(value);
      if (errs.length) {
        fail(
          report,
          at(['metadata', 'annotations', ANNOTATION_LB_SOURCE_RANGES]),
          `metadata.annotations[${ANNOTATION_LB_SOURCE_RANGES}]`,
          invalid(value, errs),
          ADVICE,
        );
      }
    }
  },
};
