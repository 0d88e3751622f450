import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { qualifiedNameErrors } from '../../validation/qualifiedName';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-8: appProtocol is a qualified name. */
export const svcAppProtocol: Rule = {
  code: 'svc-app-protocol',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort → ValidateQualifiedName (PORT-8)',
  description: 'A Service port appProtocol must be a qualified name (e.g. http, kubernetes.io/h2c, example.com/proto).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    for (const p of serviceView(object).ports ?? []) {
      if (typeof p.appProtocol !== 'string') continue;
      const errs = qualifiedNameErrors(p.appProtocol);
      if (!errs.length) continue;
      const path = [...p.path, 'appProtocol'];
      fail(
        report,
        at(path),
        fieldOf(path),
        invalid(p.appProtocol, errs),
        'use a plain protocol name such as http or h2c, a kubernetes.io/ name, or a domain-prefixed name like example.com/proto.',
      );
    }
  },
};
