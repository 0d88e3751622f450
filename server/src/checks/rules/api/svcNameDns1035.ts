import type { Rule } from '../../types';
import { nameIsDns1035Label } from '../../validation/dns';
import { reportNameFormat } from '../../validation/metaName';

/** META-2/META-3: a Service name is a DNS-1035 label (it becomes `<name>.<ns>.svc`). */
export const svcNameDns1035: Rule = {
  code: 'svc-name-dns1035',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService → NameIsDNS1035Label (META-2, META-3)',
  description:
    'A Service name (and generateName prefix) must be a DNS-1035 label: lower case, at most 63 characters, starting with a letter.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    reportNameFormat(
      object,
      report,
      nameIsDns1035Label,
      "rename the Service: its name becomes a DNS label, so use lower-case letters, digits and '-', start with a letter, end with a letter or digit, at most 63 characters.",
    );
  },
};
