import type { Rule } from '../../types';
import { required } from '../../validation/errors';
import { goList, present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-2: with two or more ports, every port needs a name. */
export const svcPortNameRequired: Rule = {
  code: 'svc-port-name-required',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort (PORT-2)',
  description: 'When a Service has more than one port, every port must have a name.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if ((goList(v.spec['ports'])?.length ?? 0) < 2) return;
    for (const p of v.ports ?? []) {
      if (p.name !== '') continue;
      const path = [...p.path, 'name'];
      fail(
        report,
        present(p.raw, 'name') ? at(path) : missing(object.raw, p.path),
        fieldOf(path),
        required(),
        'a Service with more than one port must name every port (the name also gives the port its SRV record).',
      );
    }
  },
};
