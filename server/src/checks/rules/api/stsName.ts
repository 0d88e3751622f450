import type { Rule } from '../../types';
import { nameIsDns1123Label } from '../../validation/dns';
import { reportNameFormat } from '../../validation/metaName';

/** STS-1: a StatefulSet name is a DNS-1123 label (its pods are `<name>-<ordinal>`, DNS labels too). */
export const stsName: Rule = {
  code: 'sts-name',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'apps validation.go ValidateStatefulSet → ValidateStatefulSetName (STS-1)',
  description: 'A StatefulSet name must be a DNS-1123 label (no dots, at most 63 characters).',
  kinds: ['StatefulSet'],
  check(object, _ctx, report) {
    reportNameFormat(
      object,
      report,
      nameIsDns1123Label,
      "rename the StatefulSet: lower-case letters, digits and '-', no dots, at most 63 characters (its pods' hostnames are <name>-<ordinal>).",
    );
  },
};
