/** route-backend-service-missing: a route's backendRef names no Service of its namespace. */
import { ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { checkBackendsExist } from './serviceMissing';

export const routeBackendServiceMissing: Rule = {
  code: 'route-backend-service-missing',
  defaultSeverity: 'error',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go BackendObjectReference and httproute_types.go HTTPBackendRef ("If the referent cannot be found … ResolvedRefs … status: False"; invalid backends get 500), RouteReasonBackendNotFound',
  description:
    'A route’s backendRef (or request mirror) of kind Service must name a Service of its namespace (the route’s, or the one written); a warning instead of an error when the workspace holds Services of that namespace only in other folders than the referrer’s, an info when it holds none (or the namespace is kube-system).',
  kinds: ROUTE_KINDS,
  check: checkBackendsExist,
};
