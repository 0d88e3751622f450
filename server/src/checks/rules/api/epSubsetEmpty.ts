import type { Rule } from '../../types';
import { itemsAt } from '../../validation/endpoints';
import { required } from '../../validation/errors';
import { goList } from '../../validation/raw';
import { fail, fieldOf, missing } from '../../validation/report';

/** EP-2: every subset lists addresses or notReadyAddresses. */
export const epSubsetEmpty: Rule = {
  code: 'ep-subset-empty',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateEndpointSubsets (EP-2)',
  description: 'Each Endpoints subset must have addresses or notReadyAddresses.',
  kinds: ['Endpoints'],
  check(object, _ctx, report) {
    for (const subset of itemsAt(['subsets'], object.raw['subsets']) ?? []) {
      const ready = goList(subset.raw['addresses']);
      const notReady = goList(subset.raw['notReadyAddresses']);
      if (!ready || !notReady || ready.length > 0 || notReady.length > 0) continue;
      fail(
        report,
        missing(object.raw, subset.path),
        fieldOf(subset.path),
        required('must specify `addresses` or `notReadyAddresses`'),
        'add the backend addresses, or remove the empty subset.',
      );
    }
  },
};
