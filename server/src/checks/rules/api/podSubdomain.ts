import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { podSpecPath, POD_SPEC_KINDS } from '../../validation/kinds';
import { getIn, goString } from '../../validation/raw';
import { at, fail, fieldOf } from '../../validation/report';

/** POD-2: a pod's spec.subdomain is a DNS-1123 label (the name of a headless Service, no dots). */
export const podSubdomain: Rule = {
  code: 'pod-subdomain',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidatePodSpec (POD-2)',
  description: 'A pod spec subdomain must be a DNS-1123 label: the name of a headless Service, without dots.',
  kinds: POD_SPEC_KINDS,
  check(object, _ctx, report) {
    const spec = podSpecPath(object);
    if (!spec) return;
    const path = [...spec, 'subdomain'];
    const subdomain = goString(getIn(object.raw, path));
    const errs = subdomain ? dns1123LabelErrors(subdomain) : [];
    if (!errs.length) return;
    fail(
      report,
      at(path),
      fieldOf(path),
      invalid(subdomain, errs),
      'use just the name of the headless Service in the same namespace (not <service>.<namespace>).',
    );
  },
};
