import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { getIn, goString } from '../../validation/raw';
import { at, fail } from '../../validation/report';

/** STS-2: serviceName, when set, is a DNS-1123 label (validated from v1.33). */
export const stsServiceName: Rule = {
  code: 'sts-service-name',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'apps validation.go ValidateStatefulSetSpec (STS-2, PR #130233)',
  description: "StatefulSet spec.serviceName, when set, must be a DNS-1123 label (it becomes the pods' subdomain).",
  kinds: ['StatefulSet'],
  check(object, _ctx, report) {
    const name = goString(getIn(object.raw, ['spec', 'serviceName']));
    if (!name) return;
    const errs = dns1123LabelErrors(name);
    if (!errs.length) return;
    fail(
      report,
      at(['spec', 'serviceName']),
      'spec.serviceName',
      invalid(name, errs),
      'name the governing headless Service (just its name, no namespace or domain); older API servers accept this but then fail to create the pods.',
    );
  },
};
