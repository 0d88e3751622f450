import type { Rule } from '../../types';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../validation/dns';
import { endpointAddresses } from '../../validation/endpoints';
import { invalid } from '../../validation/errors';
import { goString, optString } from '../../validation/raw';
import { at, fail, fieldOf } from '../../validation/report';

/** EP-4: an address's hostname is a DNS-1123 label and its nodeName a DNS-1123 subdomain. */
export const epAddressNames: Rule = {
  code: 'ep-address-names',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateEndpointAddress (EP-4)',
  description: 'An Endpoints address hostname must be a DNS-1123 label and its nodeName a DNS-1123 subdomain.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    for (const a of endpointAddresses(object)) {
      const hostname = goString(a.raw['hostname']);
      if (hostname) {
        const errs = dns1123LabelErrors(hostname);
        const path = [...a.path, 'hostname'];
        if (errs.length) {
          fail(
            report,
            at(path),
            fieldOf(path),
            invalid(hostname, errs),
            "the hostname becomes a DNS label (<hostname>.<service>…): lower-case letters, digits and '-', no dots.",
          );
        }
      }
      const nodeName = optString(a.raw['nodeName']);
      if (typeof nodeName === 'string') {
        const errs = dns1123SubdomainErrors(nodeName);
        const path = [...a.path, 'nodeName'];
        if (errs.length) fail(report, at(path), fieldOf(path), invalid(nodeName, errs), 'use the name of a Node, or leave nodeName out.');
      }
    }
  },
};
