import type { Rule } from '../../types';
import { ipWarning } from '../../validation/ipChecks';
import { goString } from '../../validation/raw';
import { at, warn, type Where } from '../../validation/report';
import { clusterIPAt, serviceView } from '../../validation/service';

function advice(text: string): string {
  return text.includes('non-standard')
    ? 'write the address as suggested; a future Kubernetes release will reject this form.'
    : 'write the canonical form; tools that compare addresses as text may otherwise keep re-applying the object.';
}

/**
 * W2/W3, W7, W9: addresses the API accepts today but will refuse (leading zeros, IPv4-mapped IPv6),
 * and IPv6 not written in RFC 5952 form — in clusterIPs, externalIPs and loadBalancerIP.
 */
export const svcIPNonStandard: Rule = {
  code: 'svc-ip-non-standard',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService → GetWarningsForIP (W2, W3, W7, W9)',
  description: 'IP addresses with leading zeros, IPv4-mapped IPv6, or IPv6 not in RFC 5952 form are accepted with a warning.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const found: [Where, string, string][] = [];
    // Cluster IPs are only looked at when clusterIP holds a real address (IsServiceIPSet).
    if (v.clusterIP !== '' && v.clusterIP !== 'None') {
      (v.clusterIPs ?? []).forEach((ip, i) => found.push([clusterIPAt(v, i), `spec.clusterIPs[${i}]`, ip]));
    }
    (v.externalIPs ?? []).forEach((ip, i) => found.push([at(['spec', 'externalIPs', i]), `spec.externalIPs[${i}]`, ip]));
    const lbIP = goString(v.spec['loadBalancerIP']);
    if (lbIP) found.push([at(['spec', 'loadBalancerIP']), 'spec.loadBalancerIP', lbIP]);
    for (const [where, field, ip] of found) {
      const text = ipWarning(field, ip);
      if (text) warn(report, where, field, text, advice(text));
    }
  },
};
