import type { Rule } from '../../types';
import { forbidden } from '../../validation/errors';
import { at, fail, keyOf, type Where } from '../../validation/report';
import { clusterIPsAt, serviceView } from '../../validation/service';

const MESSAGE = forbidden('may not be set for ExternalName services');
const ADVICE =
  'remove it: an ExternalName Service is only a DNS alias (fields copied from `kubectl get -o yaml` of another type often carry it).';

/** EN-3: an ExternalName Service has no cluster IPs, IP families or family policy. */
export const svcExternalNameForbiddenFields: Rule = {
  code: 'svc-external-name-forbidden-fields',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (EN-3)',
  description: 'An ExternalName Service may not set clusterIP/clusterIPs (not even None), ipFamilies or ipFamilyPolicy.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'ExternalName') return;
    const found: [Where, string][] = [];
    if (v.clusterIPs?.length) found.push([clusterIPsAt(v), 'spec.clusterIPs']);
    if (v.ipFamilies?.length) found.push([keyOf(['spec', 'ipFamilies']), 'spec.ipFamilies']);
    if (typeof v.ipFamilyPolicy === 'string') found.push([at(['spec', 'ipFamilyPolicy']), 'spec.ipFamilyPolicy']);
    for (const [where, field] of found) fail(report, where, field, MESSAGE, ADVICE);
  },
};
