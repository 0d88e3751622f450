import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { parseIPSloppy } from '../../validation/ip';
import { INVALID_IP_MESSAGE, specialIPErrors } from '../../validation/ipChecks';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** EIP-1/EIP-2: externalIPs are IP addresses, and not unspecified, loopback or link-local. */
export const svcExternalIP: Rule = {
  code: 'svc-external-ip',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService → IsValidIP, ValidateNonSpecialIP (EIP-1, EIP-2)',
  description: 'spec.externalIPs entries must be IP addresses that are not unspecified, loopback or link-local.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    (serviceView(object).externalIPs ?? []).forEach((ip, i) => {
      const parsed = parseIPSloppy(ip);
      const errs = parsed ? specialIPErrors(ip, parsed) : [INVALID_IP_MESSAGE];
      if (!errs.length) return;
      fail(
        report,
        at(['spec', 'externalIPs', i]),
        `spec.externalIPs[${i}]`,
        invalid(ip, errs),
        parsed
          ? 'use an address that reaches the nodes from outside: not 0.0.0.0, ::, loopback or link-local.'
          : 'use a plain IPv4 or IPv6 address.',
      );
    });
  },
};
