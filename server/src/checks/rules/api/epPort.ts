import type { Rule } from '../../types';
import { endpointPorts } from '../../validation/endpoints';
import { invalid, unsupported } from '../../validation/errors';
import { checkAppProtocol, PROTOCOLS, portNumberErrors } from '../../validation/ports';
import { goInt, goString, present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';

/** EP-6: an Endpoints port has a number 1–65535, protocol TCP/UDP/SCTP, a qualified appProtocol. */
export const epPort: Rule = {
  code: 'ep-port',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateEndpointPort (EP-6)',
  description: 'An Endpoints port needs a port number 1–65535, protocol TCP, UDP or SCTP, and a qualified-name appProtocol.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    for (const p of endpointPorts(object)) {
      const port = goInt(p.raw['port']);
      const portErrs = port === null ? [] : portNumberErrors(port);
      if (portErrs.length) {
        const path = [...p.path, 'port'];
        const where = present(p.raw, 'port') ? at(path) : missing(object.raw, p.path);
        fail(report, where, fieldOf(path), invalid(port, portErrs), 'set port to the number the backends listen on (1–65535).');
      }
      // An omitted or empty protocol is defaulted to TCP.
      const protocol = goString(p.raw['protocol']);
      if (protocol && !PROTOCOLS.includes(protocol)) {
        const path = [...p.path, 'protocol'];
        fail(report, at(path), fieldOf(path), unsupported(protocol, PROTOCOLS), 'use TCP, UDP or SCTP (upper case).');
      }
      checkAppProtocol(report, p.raw['appProtocol'], [...p.path, 'appProtocol']);
    }
  },
};
