import type { Rule } from '../../types';
import { dns1123LabelErrors } from '../../validation/dns';
import { invalid } from '../../validation/errors';
import { NAMESPACED_KINDS } from '../../validation/kinds';
import { goMap, goString } from '../../validation/raw';
import { at, fail } from '../../validation/report';

/** META-4: a written namespace must be a DNS-1123 label (an omitted one comes from the context). */
export const metaNamespace: Rule = {
  code: 'meta-namespace',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'objectmeta.go ValidateObjectMetaAccessor → ValidateNamespaceName (META-4)',
  description: 'metadata.namespace, when written, must be a DNS-1123 label.',
  kinds: NAMESPACED_KINDS,
  check(object, _ctx, report) {
    const ns = goString((goMap(object.raw['metadata']) ?? {})['namespace']);
    // Empty or absent: kubectl fills in the context's namespace, so "Required" cannot happen.
    if (!ns) return;
    const errs = dns1123LabelErrors(ns);
    if (!errs.length) return;
    fail(
      report,
      at(['metadata', 'namespace']),
      'metadata.namespace',
      invalid(ns, errs),
      "use the namespace's real name: lower-case letters, digits and '-', at most 63 characters, no dots.",
    );
  },
};
