import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { parseIPSloppy } from '../../validation/ip';
import { INVALID_IP_MESSAGE } from '../../validation/ipChecks';
import { fail } from '../../validation/report';
import { clusterIPAt, serviceView } from '../../validation/service';

function advice(ip: string): string {
  if (ip.toLowerCase() === 'none') return 'write None with a capital N for a headless Service.';
  return "use an address from the cluster's service range, None for a headless Service, or leave clusterIP out to have one assigned.";
}

/** CIP-4: every cluster IP (except a leading "None") is an IP address. */
export const svcClusterIPInvalid: Rule = {
  code: 'svc-cluster-ip-invalid',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields → IsValidIP (CIP-4)',
  description: 'spec.clusterIP and every spec.clusterIPs entry must be an IP address (or a lone "None").',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type === 'ExternalName' || !v.clusterIPs) return;
    v.clusterIPs.forEach((ip, i) => {
      if ((i === 0 && ip === 'None') || parseIPSloppy(ip)) return;
      fail(report, clusterIPAt(v, i), `spec.clusterIPs[${i}]`, invalid(ip, [INVALID_IP_MESSAGE]), advice(ip));
    });
  },
};
