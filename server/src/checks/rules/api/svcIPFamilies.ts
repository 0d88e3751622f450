import type { Rule } from '../../types';
import { duplicate, unsupported } from '../../validation/errors';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

const FAMILIES: readonly string[] = ['IPv4', 'IPv6'];

/** FAM-1: ipFamilies entries are IPv4 or IPv6, each at most once. */
export const svcIPFamilies: Rule = {
  code: 'svc-ip-families',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields (FAM-1)',
  description: 'spec.ipFamilies entries must be IPv4 or IPv6, each listed at most once.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type === 'ExternalName' || !v.ipFamilies) return;
    const seen = new Set<string>();
    v.ipFamilies.forEach((f, i) => {
      const path = ['spec', 'ipFamilies', i];
      if (!FAMILIES.includes(f)) {
        const fixed = FAMILIES.find((x) => x.toLowerCase() === f.toLowerCase());
        fail(report, at(path), `spec.ipFamilies[${i}]`, unsupported(f, FAMILIES), fixed ? `write it as ${fixed}.` : 'use IPv4 or IPv6.');
      }
      if (seen.has(f))
        fail(report, at(path), `spec.ipFamilies[${i}]`, duplicate(f), 'list each family once (IPv4, IPv6, or both for dual-stack).');
      seen.add(f);
    });
  },
};
