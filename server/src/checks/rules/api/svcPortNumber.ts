import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { portNumberErrors } from '../../validation/ports';
import { present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-5: `port` is 1–65535 (an omitted port is 0, which fails too). */
export const svcPortNumber: Rule = {
  code: 'svc-port-number',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort → IsValidPortNum (PORT-5)',
  description: 'Every Service port must have a port number between 1 and 65535.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    for (const p of serviceView(object).ports ?? []) {
      if (p.port === null) continue;
      const errs = portNumberErrors(p.port);
      if (!errs.length) continue;
      const path = [...p.path, 'port'];
      fail(
        report,
        present(p.raw, 'port') ? at(path) : missing(object.raw, p.path),
        fieldOf(path),
        invalid(p.port, errs),
        'set port to the number clients connect to, between 1 and 65535.',
      );
    }
  },
};
