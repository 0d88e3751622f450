/** route-backend-port-unknown: a route backendRef's port is not a port of its Service. */
import { ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { checkBackendPorts } from './portUnknown';

export const routeBackendPortUnknown: Rule = {
  code: 'route-backend-port-unknown',
  defaultSeverity: 'error',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go BackendObjectReference.Port ("the port number is the service port number, not the target port"); ResolvedRefs False for an unresolvable backend',
  description: 'A backendRef’s `port` must be a `port` of the Service it names (the Service port, not the targetPort), of the route’s protocol (UDP for a UDPRoute, TCP for the others).',
  kinds: ROUTE_KINDS,
  check: checkBackendPorts,
};
