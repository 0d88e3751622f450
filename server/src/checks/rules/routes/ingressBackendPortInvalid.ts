/** ingress-backend-port-invalid: a v1 Ingress service backend with neither or both of port.name and port.number. */
import { formatFieldPath, type FieldPath } from '../../../manifests/types';
import { backendRefs } from '../../../refs/backends';
import type { Rule } from '../../types';

function valueAt(raw: unknown, path: FieldPath): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Error: the API server rejects the Ingress. */
export const ingressBackendPortInvalid: Rule = {
  code: 'ingress-backend-port-invalid',
  defaultSeverity: 'error',
  source: 'api-server',
  reference:
    'kubernetes pkg/apis/networking/validation/validation.go validateIngressBackend ("port name or number is required", "cannot set both port name & port number")',
  description: 'A `networking.k8s.io/v1` Ingress service backend needs exactly one of `port.name` and `port.number`.',
  kinds: ['Ingress'],
  check(object, _ctx, report) {
    for (const ref of backendRefs(object)) {
      // v1 only: the v1beta1 servicePort is one int-or-string field.
      if (ref.role !== 'ingress' || ref.path[ref.path.length - 1] !== 'service') continue;
      const port = valueAt(object.raw, [...ref.path, 'port']);
      const m = port !== null && typeof port === 'object' ? (port as Record<string, unknown>) : {};
      const hasName = typeof m['name'] === 'string' && m['name'] !== '';
      const hasNumber = m['number'] !== undefined && m['number'] !== null && m['number'] !== 0;
      if (hasName && hasNumber) {
        report.at([...ref.path, 'port'], `Service backend ${ref.name} sets both port.name and port.number: the API server rejects the Ingress ("cannot set both port name & port number"). Keep one.`);
      } else if (!hasName && !hasNumber) {
        report.at(object.source.has([...ref.path, 'port']) ? [...ref.path, 'port'] : ref.namePath, `Service backend ${ref.name} has no port: the API server rejects the Ingress ("port name or number is required"). Add port.number (a Service port) or port.name (a Service port's name).`, {
          field: formatFieldPath([...ref.path, 'port']),
        });
      }
    }
  },
};
