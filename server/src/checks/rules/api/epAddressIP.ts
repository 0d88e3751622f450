import type { Rule } from '../../types';
import { endpointAddresses } from '../../validation/endpoints';
import { invalid } from '../../validation/errors';
import { parseIPSloppy } from '../../validation/ip';
import { INVALID_IP_MESSAGE, specialIPErrors } from '../../validation/ipChecks';
import { goString, present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';

/** EP-3: endpoint addresses are IPs, and not unspecified, loopback or link-local. */
export const epAddressIP: Rule = {
  code: 'ep-address-ip',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateEndpointAddress → IsValidIP, ValidateNonSpecialIP (EP-3)',
  description: 'Endpoints addresses must be IP addresses that are not unspecified, loopback or link-local.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    for (const a of endpointAddresses(object)) {
      const ip = goString(a.raw['ip']);
      if (ip === null) continue;
      const parsed = parseIPSloppy(ip);
      // ValidateNonSpecialIP repeats "must be a valid IP address" for a non-IP; one message is enough.
      const errs = parsed ? specialIPErrors(ip, parsed) : [INVALID_IP_MESSAGE];
      if (!errs.length) continue;
      const path = [...a.path, 'ip'];
      fail(
        report,
        present(a.raw, 'ip') ? at(path) : missing(object.raw, a.path),
        fieldOf(path),
        invalid(ip, errs),
        parsed
          ? 'use the address of a real backend: not 0.0.0.0, ::, loopback or link-local.'
          : 'use the IPv4 or IPv6 address of the backend.',
      );
    }
  },
};
