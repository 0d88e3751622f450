import type { Rule } from '../../types';
import { duplicate } from '../../validation/errors';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-4: Service port names are unique. */
export const svcPortNameDuplicate: Rule = {
  code: 'svc-port-name-duplicate',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort (PORT-4)',
  description: 'Two ports of a Service must not have the same name.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const seen = new Map<string, number>();
    for (const p of serviceView(object).ports ?? []) {
      if (!p.name) continue;
      const first = seen.get(p.name);
      if (first === undefined) {
        seen.set(p.name, p.index);
        continue;
      }
      const path = [...p.path, 'name'];
      fail(report, at(path), fieldOf(path), duplicate(p.name), `spec.ports[${first}] already has this name; give every port its own name.`);
    }
  },
};
