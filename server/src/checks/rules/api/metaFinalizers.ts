import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { NAMESPACED_KINDS } from '../../validation/kinds';
import { qualifiedNameErrors } from '../../validation/qualifiedName';
import { goMap, goStringList } from '../../validation/raw';
import { at, fail, keyOf } from '../../validation/report';

const STANDARD = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const ADVICE = 'use a domain-qualified name such as example.com/cleanup.';

/** META-7: finalizers are qualified names; unqualified ones must be standard finalizers. */
export const metaFinalizers: Rule = {
  code: 'meta-finalizers',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateObjectMeta → validateKubeFinalizerName; objectmeta.go ValidateFinalizers (META-7)',
  description: 'Finalizers must be qualified names, and unqualified ones must be standard (kubernetes, orphan, foregroundDeletion).',
  kinds: NAMESPACED_KINDS,
  check(object, _ctx, report) {
    const finalizers = goStringList((goMap(object.raw['metadata']) ?? {})['finalizers']);
    if (!finalizers) return;
    finalizers.forEach((f, i) => {
      const path = ['metadata', 'finalizers', i];
      const errs = qualifiedNameErrors(f);
      // apimachinery prints no index for the format error; the Kubernetes-specific check does.
      if (errs.length) fail(report, at(path), 'metadata.finalizers', invalid(f, errs), ADVICE);
      if (!f.includes('/') && !STANDARD.has(f)) {
        fail(
          report,
          at(path),
          `metadata.finalizers[${i}]`,
          invalid(f, ['name is neither a standard finalizer name nor is it fully qualified']),
          ADVICE,
        );
      }
    });
    if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
      fail(
        report,
        keyOf(['metadata', 'finalizers']),
        'metadata.finalizers',
        invalid(finalizers, ['finalizer orphan and foregroundDeletion cannot be both set']),
        'keep one of orphan and foregroundDeletion.',
      );
    }
  },
};
