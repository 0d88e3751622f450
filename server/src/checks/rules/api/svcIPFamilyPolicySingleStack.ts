import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { goMap } from '../../validation/raw';
import { at, fail, keyOf } from '../../validation/report';
import { clusterIPsAt, serviceView } from '../../validation/service';

/**
 * AF-1/AF-2: with (explicit or defaulted) SingleStack, a Service cannot list two cluster IPs or two
 * families. The allocator defaults an omitted policy to SingleStack, except RequireDualStack for a
 * headless Service without selector (alloc.go initIPFamilyFields).
 */
export const svcIPFamilyPolicySingleStack: Rule = {
  code: 'svc-ip-family-policy-single-stack',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'alloc.go initIPFamilyFields (AF-1, AF-2)',
  description: 'Two cluster IPs or two IP families need ipFamilyPolicy PreferDualStack or RequireDualStack (omitted means SingleStack).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const policy = v.ipFamilyPolicy;
    if (v.type === 'ExternalName' || policy === null || !v.clusterIPs || !v.ipFamilies) return;
    const selectorless = Object.keys(goMap(v.spec['selector']) ?? {}).length === 0;
    const effective = policy ?? (v.clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack');
    if (effective !== 'SingleStack') return;
    const twoIPs = v.clusterIPs.length === 2;
    const twoFamilies = v.ipFamilies.length === 2;
    const errs: string[] = [];
    if (twoIPs) errs.push("must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
    if (twoFamilies) errs.push("must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified");
    if (!errs.length) return;
    const where = policy !== undefined ? at(['spec', 'ipFamilyPolicy']) : twoIPs ? clusterIPsAt(v) : keyOf(['spec', 'ipFamilies']);
    fail(
      report,
      where,
      'spec.ipFamilyPolicy',
      invalid('SingleStack', errs),
      policy !== undefined
        ? 'set ipFamilyPolicy to PreferDualStack or RequireDualStack for a dual-stack Service.'
        : 'add ipFamilyPolicy: PreferDualStack (or RequireDualStack); when omitted it defaults to SingleStack.',
    );
  },
};
