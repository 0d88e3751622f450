/** ingress-backend-service-missing: an Ingress backend names no Service of the Ingress's namespace. */
import type { Rule } from '../../types';
import { checkBackendsExist } from './serviceMissing';

export const ingressBackendServiceMissing: Rule = {
  code: 'ingress-backend-service-missing',
  defaultSeverity: 'error',
  source: 'workspace',
  reference:
    'kubernetes networking/v1 types.go IngressServiceBackend ("The service must exist in the same namespace as the Ingress object"); ingress-nginx internal/ingress/controller/controller.go (a backend without endpoints is served 503)',
  description:
    'An Ingress backend (`defaultBackend` or a path’s `backend.service`) must name a Service of the Ingress’s namespace; a warning instead of an error when the workspace holds Services of that namespace only in other folders than the referrer’s, an info when it holds none (or the namespace is kube-system).',
  kinds: ['Ingress'],
  check: checkBackendsExist,
};
