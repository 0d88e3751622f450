import { kindStatus, servedVersion } from '../../../manifests/apiGroups';
import type { Rule } from '../../types';
import { NAMESPACED_KINDS } from '../../validation/kinds';

/**
 * A kind of ours in an apiVersion the API server does not serve (extensions/v1beta1 and
 * apps/v1beta1/v1beta2 workloads were removed in 1.16, batch/v1beta1 CronJob and
 * discovery.k8s.io/v1beta1 EndpointSlice in 1.25): `kubectl apply` fails with "no matches for
 * kind". The object is still read, so its records show what the fixed manifest will give.
 */
export const apiVersionUnserved: Rule = {
  code: 'api-version-unserved',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'Kubernetes deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide); RESTMapper "no matches for kind"',
  description: 'The apiVersion of a Service, workload, Pod, Endpoints, EndpointSlice or Namespace must be one the API server serves (apps/v1, batch/v1, discovery.k8s.io/v1, v1).',
  kinds: [...NAMESPACED_KINDS, 'Namespace'],
  check(object, _ctx, report) {
    if (kindStatus(object.kind, object.apiVersion) !== 'unserved') return;
    const now = servedVersion(object.kind, object.apiVersion);
    if (!now) return;
    const removed = now.removedIn ? ` (removed in Kubernetes ${now.removedIn})` : '';
    report.at(
      ['apiVersion'],
      `apiVersion: ${object.apiVersion} ${object.kind} is not served by the API server${removed}: kubectl apply fails with "no matches for kind ${object.kind} in version ${object.apiVersion}" — use apiVersion: ${now.apiVersion}.`,
      { field: 'apiVersion' },
    );
  },
};
