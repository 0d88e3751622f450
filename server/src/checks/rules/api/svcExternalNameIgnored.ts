import type { Rule } from '../../types';
import { goString } from '../../validation/raw';
import { at, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W12: externalName does nothing unless the type is ExternalName. */
export const svcExternalNameIgnored: Rule = {
  code: 'svc-external-name-ignored',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W12)',
  description: 'spec.externalName is ignored unless spec.type is ExternalName.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type === 'ExternalName' || !goString(v.spec['externalName'])) return;
    warn(
      report,
      at(['spec', 'externalName']),
      'spec.externalName',
      'spec.externalName is ignored when spec.type is not "ExternalName"',
      'set type: ExternalName for a DNS alias, or remove externalName.',
    );
  },
};
