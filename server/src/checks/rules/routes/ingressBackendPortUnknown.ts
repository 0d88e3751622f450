/** ingress-backend-port-unknown: an Ingress backend's port is not a port of its Service. */
import type { Rule } from '../../types';
import { checkBackendPorts } from './portUnknown';

export const ingressBackendPortUnknown: Rule = {
  code: 'ingress-backend-port-unknown',
  defaultSeverity: 'error',
  source: 'workspace',
  reference:
    'kubernetes networking/v1 types.go ServiceBackendPort ("Name is the name of the port on the Service"; "Number is the numerical port number … on the Service"); ingress-nginx internal/ingress/controller/controller.go (no matching Service port: no endpoints, 503)',
  description: 'An Ingress backend’s `port.number` must be a `port` of the Service (not its targetPort), and `port.name` the name of one of its ports.',
  kinds: ['Ingress'],
  check: checkBackendPorts,
};
