import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-3: a Service port name is a DNS-1123 label (not an IANA_SVC_NAME: 16+ characters are fine). */
export const svcPortNameInvalid: Rule = {
  code: 'svc-port-name-invalid',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort → ValidateDNS1123Label (PORT-3)',
  description: 'A Service port name must be a DNS-1123 label: lower case, digits and "-", at most 63 characters.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    for (const p of serviceView(object).ports ?? []) {
      if (!p.name) continue;
      const errs = dns1123LabelErrors(p.name);
      if (!errs.length) continue;
      const path = [...p.path, 'name'];
      fail(
        report,
        at(path),
        fieldOf(path),
        invalid(p.name, errs),
        "rename the port: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (it names the SRV record _<name>._<protocol>).",
      );
    }
  },
};
