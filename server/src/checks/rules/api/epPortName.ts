import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { endpointPorts } from '../../validation/endpoints';
import { invalid, required } from '../../validation/errors';
import { goString, present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';

/** EP-5: with more than one port in a subset every port is named; names are DNS-1123 labels. */
export const epPortName: Rule = {
  code: 'ep-port-name',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateEndpointPort (EP-5)',
  description: 'Endpoints ports must be named when a subset has more than one, with DNS-1123 label names.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    for (const p of endpointPorts(object)) {
      const name = goString(p.raw['name']);
      if (name === null) continue;
      const path = [...p.path, 'name'];
      if (name === '' && p.count > 1) {
        fail(
          report,
          present(p.raw, 'name') ? at(path) : missing(object.raw, p.path),
          fieldOf(path),
          required(),
          "name every port, with the Service port's name (endpoints are matched to Service ports by name).",
        );
      } else if (name !== '') {
        const errs = dns1123LabelErrors(name);
        if (errs.length)
          fail(
            report,
            at(path),
            fieldOf(path),
            invalid(name, errs),
            "use the Service port's name: lower-case letters, digits and '-', at most 63 characters.",
          );
      }
    }
  },
};
