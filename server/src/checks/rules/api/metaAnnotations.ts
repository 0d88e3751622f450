import type { Rule } from '../../types';
import { byteLength } from '../../validation/dns';
import { invalid, tooLong } from '../../validation/errors';
import { NAMESPACED_KINDS } from '../../validation/kinds';
import { qualifiedNameErrors } from '../../validation/qualifiedName';
import { goMap } from '../../validation/raw';
import { fail, keyOf } from '../../validation/report';

/** apimachinery TotalAnnotationSizeLimitB. */
export const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** META-6: annotation keys are qualified names (case-insensitively), all annotations ≤ 256 KiB. */
export const metaAnnotations: Rule = {
  code: 'meta-annotations',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'objectmeta.go ValidateAnnotations (META-6)',
  description: 'Annotation keys must be qualified names, and all keys and values together at most 256 KiB.',
  kinds: NAMESPACED_KINDS,
  check(object, _ctx, report) {
    const annotations = goMap((goMap(object.raw['metadata']) ?? {})['annotations']);
    if (!annotations) return;
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
      size += byteLength(key) + (typeof value === 'string' ? byteLength(value) : 0);
      // Case does not matter in annotation keys: the server lower-cases them before checking.
      const errs = qualifiedNameErrors(key.toLowerCase());
      if (errs.length) {
        fail(
          report,
          keyOf(['metadata', 'annotations', key]),
          'metadata.annotations',
          invalid(key, errs),
          "use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
        );
      }
    }
    if (size > ANNOTATIONS_MAX_BYTES) {
      fail(
        report,
        keyOf(['metadata', 'annotations']),
        'metadata.annotations',
        tooLong(ANNOTATIONS_MAX_BYTES),
        `the annotations hold ${size} bytes; move large data (e.g. last-applied-configuration) elsewhere.`,
      );
    }
  },
};
