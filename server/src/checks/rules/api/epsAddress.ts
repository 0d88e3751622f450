import type { Rule } from '../../types';
import { fqdnProblem } from '../../validation/dns';
import { sliceEndpoints } from '../../validation/endpoints';
import { invalid, required } from '../../validation/errors';
import { isV4Bytes, parseIPSloppy } from '../../validation/ip';
import { specialIPErrors } from '../../validation/ipChecks';
import { goString, goStringList } from '../../validation/raw';
import { at, fail, fieldOf } from '../../validation/report';

/** The body of the error for `address`, or undefined when it is fine. */
function problem(type: string, address: string): string | undefined {
  if (type === 'FQDN') {
    const p = fqdnProblem(address);
    return p && (p.required ? required() : invalid(p.value, [p.message]));
  }
  if (type !== 'IPv4' && type !== 'IPv6') return undefined; // unknown types are not checked
  const parsed = parseIPSloppy(address);
  if (!parsed || isV4Bytes(parsed.bytes) !== (type === 'IPv4')) return invalid(address, [`must be a valid ${type} address`]);
  const errs = specialIPErrors(address, parsed);
  return errs.length ? invalid(address, errs) : undefined;
}

/**
 * EPS-4: each address suits the slice's addressType: an IPv4 (IPv4-mapped IPv6 counts) or IPv6
 * address that is not special, or a fully qualified lowercase domain name of two labels or more.
 */
export const epsAddress: Rule = {
  code: 'eps-address',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go validateEndpoints (EPS-4)',
  description: 'EndpointSlice addresses must match addressType: non-special IPv4 or IPv6 addresses, or lowercase FQDNs.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    const type = goString(object.raw['addressType']);
    if (!type) return;
    for (const e of sliceEndpoints(object)) {
      (goStringList(e.raw['addresses']) ?? []).forEach((address, j) => {
        const body = problem(type, address);
        if (!body) return;
        const path = [...e.path, 'addresses', j];
        fail(
          report,
          at(path),
          fieldOf(path),
          body,
          `write ${type === 'FQDN' ? 'a lowercase domain name such as db.example.com' : `an ${type} address`}, or change addressType.`,
        );
      });
    }
  },
};
