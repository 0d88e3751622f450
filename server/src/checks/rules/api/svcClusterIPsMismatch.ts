import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { goStringList } from '../../validation/raw';
import { at, fail, keyOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** CIP-2/CIP-3: when both are written, clusterIPs[0] equals clusterIP; clusterIPs needs clusterIP. */
export const svcClusterIPsMismatch: Rule = {
  code: 'svc-cluster-ips-mismatch',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateServiceClusterIPsRelatedFields (CIP-2, CIP-3)',
  description: 'spec.clusterIPs[0] must equal spec.clusterIP, and clusterIPs may only be set together with clusterIP.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    // ExternalName Services get EN-3 (svc-external-name-forbidden-fields) instead.
    if (v.type === 'ExternalName') return;
    const written = goStringList(v.spec['clusterIPs']);
    if (!written || written.length === 0) return; // an omitted list is filled from clusterIP
    if (v.clusterIP !== '' && written[0] !== v.clusterIP) {
      fail(
        report,
        at(['spec', 'clusterIPs', 0]),
        'spec.clusterIPs',
        invalid(written, ['first value must match `clusterIP`']),
        `make the first entry equal to clusterIP (${v.clusterIP}), or leave clusterIPs out.`,
      );
    } else if (v.clusterIP === '') {
      fail(
        report,
        keyOf(['spec', 'clusterIPs']),
        'spec.clusterIPs',
        invalid(written, ['must be empty when `clusterIP` is not specified']),
        `set clusterIP to the first entry (${written[0]}) as well, or leave clusterIPs out.`,
      );
    }
  },
};
