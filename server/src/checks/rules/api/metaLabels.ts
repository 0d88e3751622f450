import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { NAMESPACED_KINDS } from '../../validation/kinds';
import { labelMapProblems } from '../../validation/qualifiedName';
import { goMap } from '../../validation/raw';
import { at, fail, keyOf } from '../../validation/report';

/** META-5: label keys are qualified names and label values are label values. */
export const metaLabels: Rule = {
  code: 'meta-labels',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'meta/v1/validation ValidateLabels (META-5)',
  description: 'Label keys must be qualified names and label values at most 63 alphanumerics, "-", "_" or ".".',
  kinds: NAMESPACED_KINDS,
  check(object, _ctx, report) {
    const labels = goMap((goMap(object.raw['metadata']) ?? {})['labels']);
    if (!labels) return;
    for (const p of labelMapProblems(labels)) {
      const path = ['metadata', 'labels', p.key];
      // The API path names no key; the range shows which entry is wrong.
      fail(
        report,
        p.part === 'key' ? keyOf(path) : at(path),
        'metadata.labels',
        invalid(p.text, p.messages),
        p.part === 'key'
          ? "use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit."
          : "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or an empty value).",
      );
    }
  },
};
