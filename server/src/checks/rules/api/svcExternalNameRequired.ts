import type { Rule } from '../../types';
import { required } from '../../validation/errors';
import { goString, present } from '../../validation/raw';
import { at, fail, missing } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** EN-1: an ExternalName Service names its target (one trailing dot is allowed and dropped). */
export const svcExternalNameRequired: Rule = {
  code: 'svc-external-name-required',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (EN-1)',
  description: 'A Service of type ExternalName must set spec.externalName.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'ExternalName') return;
    const name = goString(v.spec['externalName']);
    if (name === null || name.replace(/\.$/, '') !== '') return;
    fail(
      report,
      present(v.spec, 'externalName') ? at(['spec', 'externalName']) : missing(object.raw, ['spec']),
      'spec.externalName',
      required(),
      'set externalName to the DNS name this Service aliases (e.g. api.example.com); cluster DNS answers with a CNAME to it.',
    );
  },
};
