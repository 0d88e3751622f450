/** route-backend-port-required: a backendRef to a Service without `port`. */
import { ROUTE_KINDS } from '../../../refs/routeKinds';
import { formatFieldPath } from '../../../manifests/types';
import type { Rule } from '../../types';
import { referrer, serviceBackends } from './backendTarget';

/** Error: the Gateway API CRDs reject the route (CEL rule on BackendObjectReference). */
export const routeBackendPortRequired: Rule = {
  code: 'route-backend-port-required',
  defaultSeverity: 'error',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go BackendObjectReference: XValidation "Must have port for Service reference" (Port "is required when the referent is a Kubernetes Service")',
  description: 'A backendRef (or request mirror) to a Service must give its `port`: the API server rejects the route otherwise.',
  kinds: ROUTE_KINDS,
  check(object, _ctx, report) {
    for (const ref of serviceBackends(object)) {
      if (ref.port || ref.object.source.has([...ref.path, 'port'])) continue;
      report.at(
        ref.namePath,
        `This backendRef of ${referrer(ref)} names Service ${ref.name} without a port: the API server rejects the route ("Must have port for Service reference"). Add the Service port, e.g. port: 80 (the Service's port, not its targetPort).`,
        { field: formatFieldPath([...ref.path, 'port']) },
      );
    }
  },
};

