import type { Rule } from '../../types';
import { MAX_ENDPOINT_ADDRESSES, MAX_SLICE_ENDPOINTS, sliceEndpoints } from '../../validation/endpoints';
import { required, tooMany } from '../../validation/errors';
import { goList, present } from '../../validation/raw';
import { fail, fieldOf, keyOf, missing } from '../../validation/report';

/** EPS-3: at most 1000 endpoints per slice, each with 1 to 100 addresses. */
export const epsEndpointCount: Rule = {
  code: 'eps-endpoint-count',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'discovery validation.go validateEndpoints (EPS-3)',
  description: 'An EndpointSlice holds at most 1000 endpoints, each with at least 1 and at most 100 addresses.',
  kinds: ['EndpointSlice'],
  check(object, _ctx, report) {
    const all = goList(object.raw['endpoints']) ?? [];
    if (all.length > MAX_SLICE_ENDPOINTS) {
      fail(report, keyOf(['endpoints']), 'endpoints', tooMany(all.length, MAX_SLICE_ENDPOINTS), 'split the endpoints over several slices.');
      return;
    }
    for (const e of sliceEndpoints(object)) {
      const addresses = goList(e.raw['addresses']);
      if (!addresses) continue;
      const path = [...e.path, 'addresses'];
      if (addresses.length === 0) {
        const where = present(e.raw, 'addresses') ? keyOf(path) : missing(object.raw, e.path);
        fail(
          report,
          where,
          fieldOf(path),
          required('must contain at least 1 address'),
          'give the endpoint its address (one per endpoint; consumers use only the first).',
        );
      } else if (addresses.length > MAX_ENDPOINT_ADDRESSES) {
        fail(report, keyOf(path), fieldOf(path), tooMany(addresses.length, MAX_ENDPOINT_ADDRESSES), 'make each address its own endpoint.');
      }
    }
  },
};
