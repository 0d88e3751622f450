import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { itemsAt, MAX_SLICE_PORTS } from '../../validation/endpoints';
import { duplicate, invalid, tooMany, unsupported } from '../../validation/errors';
import { checkAppProtocol, PROTOCOLS } from '../../validation/ports';
import { goList, optString, present } from '../../validation/raw';
import { at, fail, fieldOf, keyOf, missing } from '../../validation/report';

/**
 * EPS-6: slice ports have unique DNS-1123 label names (two unnamed ports clash on ""), protocol
 * TCP/UDP/SCTP (omitted means TCP; an explicit "" fails), and a qualified-name appProtocol.
 */
export const epsPort: Rule = {
  code: 'eps-port',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go validatePorts (EPS-6)',
  description: 'EndpointSlice ports need unique DNS-1123 label names, protocol TCP, UDP or SCTP, and a qualified-name appProtocol.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    const count = goList(object.raw['ports'])?.length ?? 0;
    if (count > MAX_SLICE_PORTS) {
      fail(report, keyOf(['ports']), 'ports', tooMany(count, MAX_SLICE_PORTS), 'split the ports over several slices.');
      return;
    }
    const seen = new Map<string, number>();
    for (const p of itemsAt(['ports'], object.raw['ports']) ?? []) {
      const index = p.path[1] as number;
      const name = optString(p.raw['name']);
      if (name !== null) {
        const value = name ?? '';
        const path = [...p.path, 'name'];
        const where = present(p.raw, 'name') ? at(path) : missing(object.raw, p.path);
        const errs = value ? dns1123LabelErrors(value) : [];
        if (errs.length)
          fail(
            report,
            where,
            fieldOf(path),
            invalid(value, errs),
            "use the Service port's name: lower-case letters, digits and '-', at most 63 characters.",
          );
        const first = seen.get(value);
        if (first !== undefined) {
          fail(
            report,
            where,
            fieldOf(path),
            duplicate(value),
            `ports[${first}] has the same name${value ? '' : ' (none)'}; give every port its own name.`,
          );
        } else seen.set(value, index);
      }
      const protocol = optString(p.raw['protocol']);
      if (typeof protocol === 'string' && !PROTOCOLS.includes(protocol)) {
        const path = [...p.path, 'protocol'];
        fail(
          report,
          at(path),
          fieldOf(path),
          unsupported(protocol, PROTOCOLS),
          'use TCP, UDP or SCTP (upper case), or leave protocol out for TCP.',
        );
      }
      checkAppProtocol(report, p.raw['appProtocol'], [...p.path, 'appProtocol']);
    }
  },
};
