import type { Rule } from '../../types';
import { required } from '../../validation/errors';
import { NAMESPACED_KINDS } from '../../validation/kinds';
import { goMap, goString, present } from '../../validation/raw';
import { at, fail, missing } from '../../validation/report';

/** META-1: an object needs a name (or a generateName to make one from). */
export const metaNameRequired: Rule = {
  code: 'meta-name-required',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'objectmeta.go ValidateObjectMetaAccessor (META-1)',
  description: 'An object must have metadata.name or metadata.generateName.',
  kinds: NAMESPACED_KINDS,
  check(object, _ctx, report) {
    const md = goMap(object.raw['metadata']) ?? {};
    const name = goString(md['name']);
    const generateName = goString(md['generateName']);
    // Wrong types are reported by the reader; a set generateName makes the server invent the name.
    if (name === null || generateName === null || name !== '' || generateName !== '') return;
    const where = present(md, 'name') ? at(['metadata', 'name']) : missing(object.raw, ['metadata']);
    fail(
      report,
      where,
      'metadata.name',
      required('name or generateName is required'),
      'give the object a name (kubectl apply needs metadata.name; generateName works only with kubectl create).',
    );
  },
};
