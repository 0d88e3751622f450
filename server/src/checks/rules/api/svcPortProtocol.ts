import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { PROTOCOLS } from '../../validation/ports';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** PORT-6: a port's protocol is TCP, UDP or SCTP (omitted means TCP). */
export const svcPortProtocol: Rule = {
  code: 'svc-port-protocol',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServicePort (PORT-6)',
  description: 'A Service port protocol must be TCP, UDP or SCTP (upper case).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    for (const p of serviceView(object).ports ?? []) {
      if (p.protocol === null || PROTOCOLS.includes(p.protocol)) continue;
      const path = [...p.path, 'protocol'];
      const upper = p.protocol.toUpperCase();
      fail(
        report,
        at(path),
        fieldOf(path),
        unsupported(p.protocol, PROTOCOLS),
        PROTOCOLS.includes(upper) ? `write it in upper case: ${upper}.` : 'use TCP, UDP or SCTP, or leave protocol out for TCP.',
      );
    }
  },
};
