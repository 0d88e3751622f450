import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { ianaSvcNameErrors, portNumberErrors } from '../../validation/ports';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

function advice(tp: number | string): string {
  if (typeof tp === 'number') return 'use the port number the pods listen on (1–65535), or leave targetPort out to use port.';
  if (/^\d+$/.test(tp)) return `a quoted number is a port name; write the number without quotes (targetPort: ${tp}).`;
  return "a named targetPort must match a container port name: at most 15 lower-case letters, digits and '-', with at least one letter.";
}

/**
 * PORT-7: an integer targetPort is 1–65535; a string one is an IANA_SVC_NAME (the name of a
 * container port). 0 and "" default to `port`, so they pass.
 */
export const svcTargetPort: Rule = {
  code: 'svc-target-port',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort → ValidatePortNumOrName (PORT-7)',
  description: 'targetPort must be a port number (1–65535) or a container port name (IANA_SVC_NAME, at most 15 characters).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    for (const p of serviceView(object).ports ?? []) {
      const tp = p.targetPort;
      if (tp === undefined || tp === null || tp === 0 || tp === '') continue;
      const errs = typeof tp === 'number' ? portNumberErrors(tp) : ianaSvcNameErrors(tp);
      if (!errs.length) continue;
      const path = [...p.path, 'targetPort'];
      fail(report, at(path), fieldOf(path), invalid(tp, errs), advice(tp));
    }
  },
};
