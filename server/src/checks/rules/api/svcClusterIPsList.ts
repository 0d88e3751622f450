import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { ipFamilyOf } from '../../validation/ip';
import { fail } from '../../validation/report';
import { clusterIPsAt, hasInvalidClusterIPs, serviceView } from '../../validation/service';

/** CIP-5/6/7: "None" stands alone; at most two cluster IPs, one of each family. */
export const svcClusterIPsList: Rule = {
  code: 'svc-cluster-ips-list',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields (CIP-5, CIP-6, CIP-7)',
  description: 'spec.clusterIPs holds "None" alone, or at most two IPs of different families.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const ips = v.clusterIPs;
    if (v.type === 'ExternalName' || !ips || ips.length < 2) return;
    const errs: string[] = [];
    if (ips[0] === 'None') errs.push("'None' must be the first and only value");
    if (ips.length > 2) errs.push('may only hold up to 2 values');
    const families = new Set(ips.map(ipFamilyOf));
    if (!hasInvalidClusterIPs(v) && families.size < 2) errs.push('may specify no more than one IP for each IP family');
    if (!errs.length) return;
    fail(
      report,
      clusterIPsAt(v),
      'spec.clusterIPs',
      invalid(ips, errs),
      ips[0] === 'None'
        ? 'a headless Service has just clusterIPs: [None].'
        : 'list at most one IPv4 and one IPv6 address (dual-stack), or a single address.',
    );
  },
};
