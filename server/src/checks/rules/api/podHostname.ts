import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { podSpecPath, POD_SPEC_KINDS } from '../../validation/kinds';
import { getIn, goString } from '../../validation/raw';
import { at, fail, fieldOf } from '../../validation/report';

/** POD-1: a pod's spec.hostname is a DNS-1123 label. */
export const podHostname: Rule = {
  code: 'pod-hostname',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidatePodSpec (POD-1)',
  description: 'A pod spec hostname must be a DNS-1123 label.',
  kinds: POD_SPEC_KINDS,
  check(object, _ctx, report) {
    const spec = podSpecPath(object);
    if (!spec) return;
    const path = [...spec, 'hostname'];
    const hostname = goString(getIn(object.raw, path));
    const errs = hostname ? dns1123LabelErrors(hostname) : [];
    if (!errs.length) return;
    fail(
      report,
      at(path),
      fieldOf(path),
      invalid(hostname, errs),
      "use lower-case letters, digits and '-', no dots, at most 63 characters (the FQDN comes from subdomain).",
    );
  },
};
