import type { Rule } from '../../types';
import { required, unsupported } from '../../validation/errors';
import { goString, present } from '../../validation/raw';
import { at, fail, missing } from '../../validation/report';

const TYPES: readonly string[] = ['FQDN', 'IPv4', 'IPv6'];

/** EPS-2: addressType is IPv4, IPv6 or FQDN (required, no default; the old "IP" is refused). */
export const epsAddressType: Rule = {
  code: 'eps-address-type',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go validateAddressType (EPS-2)',
  description: 'An EndpointSlice must set addressType to IPv4, IPv6 or FQDN.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    const type = goString(object.raw['addressType']);
    if (type === null || TYPES.includes(type)) return;
    if (type === '') {
      const where = present(object.raw, 'addressType') ? at(['addressType']) : missing(object.raw, []);
      fail(report, where, 'addressType', required(), 'add addressType: IPv4 (or IPv6, or FQDN) matching the addresses.');
      return;
    }
    fail(
      report,
      at(['addressType']),
      'addressType',
      unsupported(type, TYPES),
      type === 'IP' ? 'the deprecated type IP is refused for new slices; use IPv4 or IPv6.' : 'use IPv4, IPv6 or FQDN (case matters).',
    );
  },
};
