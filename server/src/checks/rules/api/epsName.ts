import type { Rule } from '../../types';
import { nameIsDns1123Subdomain } from '../../validation/dns';
import { reportNameFormat } from '../../validation/metaName';

/** EPS-1: an EndpointSlice name is a DNS-1123 subdomain. */
export const epsName: Rule = {
  code: 'eps-name',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go ValidateEndpointSlice → ValidateEndpointSliceName (EPS-1)',
  description: 'An EndpointSlice name must be a DNS-1123 subdomain.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    reportNameFormat(
      object,
      report,
      nameIsDns1123Subdomain,
      "use lower-case letters, digits, '-' and '.', at most 253 characters (e.g. <service>-<suffix>).",
    );
  },
};
