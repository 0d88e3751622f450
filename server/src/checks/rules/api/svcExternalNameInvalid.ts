import type { Rule } from '../../types';
import { dns1123SubdomainErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { parseIPSloppy } from '../../validation/ip';
import { goString } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

function advice(name: string): string {
  if (name.includes(':') && parseIPSloppy(name)) {
    return 'an IP address is not a DNS name; for a fixed address use a Service without selector plus an EndpointSlice.';
  }
  if (name !== name.toLowerCase() && dns1123SubdomainErrors(name.toLowerCase()).length === 0)
    return `write it in lower case: ${name.toLowerCase()}.`;
  return "use a DNS name: lower-case labels of letters, digits and '-', separated by dots (one trailing dot allowed), at most 253 characters.";
}

/** EN-2: externalName (less one trailing dot) is a lowercase DNS-1123 subdomain. */
export const svcExternalNameInvalid: Rule = {
  code: 'svc-external-name-invalid',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService → ValidateDNS1123Subdomain (EN-2)',
  description: 'spec.externalName of an ExternalName Service must be a lowercase DNS name (one trailing dot allowed).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'ExternalName') return;
    const written = goString(v.spec['externalName']);
    const name = written?.replace(/\.$/, '');
    if (!name) return;
    const errs = dns1123SubdomainErrors(name);
    if (errs.length) fail(report, at(['spec', 'externalName']), 'spec.externalName', invalid(name, errs), advice(name));
  },
};
