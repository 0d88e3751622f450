import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { ipFamilyOf } from '../../validation/ip';
import { fail } from '../../validation/report';
import { clusterIPAt, hasInvalidClusterIPs, serviceView } from '../../validation/service';

/** CIP-8: clusterIPs[i] belongs to the family ipFamilies[i] names. */
export const svcClusterIPFamilyMismatch: Rule = {
  code: 'svc-cluster-ip-family-mismatch',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields (CIP-8)',
  description: 'Each spec.clusterIPs entry must be of the IP family at the same index of spec.ipFamilies.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const ips = v.clusterIPs;
    const families = v.ipFamilies;
    if (v.type === 'ExternalName' || v.headless || !ips || !families || hasInvalidClusterIPs(v)) return;
    ips.forEach((ip, i) => {
      const want = families[i];
      const got = ipFamilyOf(ip);
      if ((want === 'IPv4' && got === 6) || (want === 'IPv6' && got !== 6)) {
        fail(
          report,
          clusterIPAt(v, i),
          `spec.clusterIPs[${i}]`,
          invalid(ip, [`expected an ${want} value as indicated by \`ipFamilies[${i}]\``]),
          'list clusterIPs in the same family order as ipFamilies.',
        );
      }
    });
  },
};
