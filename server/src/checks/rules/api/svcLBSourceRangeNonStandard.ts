import type { Rule } from '../../types';
import { cidrWarnings } from '../../validation/cidr';
import { goStringList } from '../../validation/raw';
import { at, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W10: source ranges with host bits set, leading zeros, IPv4-mapped or non-canonical IPv6. */
export const svcLBSourceRangeNonStandard: Rule = {
  code: 'svc-lb-source-range-non-standard',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService → GetWarningsForCIDR (W10)',
  description: 'loadBalancerSourceRanges entries that are ambiguous (host bits set) or not in standard form are accepted with a warning.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    (goStringList(serviceView(object).spec['loadBalancerSourceRanges']) ?? []).forEach((value, i) => {
      // The warning looks at the value as written; padded values parse as nothing and pass silently.
      const texts = cidrWarnings(`spec.loadBalancerSourceRanges[${i}]`, value);
      if (!texts.length) return;
      warn(
        report,
        at(['spec', 'loadBalancerSourceRanges', i]),
        `spec.loadBalancerSourceRanges[${i}]`,
        texts.join('; '),
        'write the network address with its prefix length (e.g. 10.0.0.0/8), or /32 (/128) for a single host.',
      );
    });
  },
};
