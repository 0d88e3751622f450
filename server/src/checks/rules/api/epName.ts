import type { Rule } from '../../types';
import { nameIsDns1123Subdomain } from '../../validation/dns';
import { reportNameFormat } from '../../validation/metaName';

/** EP-1: an Endpoints name is a DNS-1123 subdomain (and must equal its Service's name to be used). */
export const epName: Rule = {
  code: 'ep-name',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateEndpoints → ValidateEndpointsName (EP-1)',
  description: 'An Endpoints name must be a DNS-1123 subdomain.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    reportNameFormat(
      object,
      report,
      nameIsDns1123Subdomain,
      "name the Endpoints exactly like its Service: lower-case letters, digits, '-' and '.', at most 253 characters.",
    );
  },
};
