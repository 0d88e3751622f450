/** endpoints-for-selector-service: hand-written Endpoints/EndpointSlices for a Service with a selector. */
import { isEndpointSlice, type KubeObject } from '../../../manifests/types';
import type { Rule } from '../../types';
import { relatedAt } from '../dns/describe';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
/** Set by the Endpoints controller on every object it writes. */
const ENDPOINTS_TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/** Whether the object is a controller's own output (`kubectl get -o yaml`), not a hand-written one. */
function writtenByController(o: KubeObject, service: string): boolean {
  if (o.meta.labels[MANAGED_BY] === SLICE_CONTROLLER || ENDPOINTS_TRIGGER in o.meta.annotations) return true;
  const md = o.raw['metadata'] as Record<string, unknown> | undefined;
  const owners = md && Array.isArray(md['ownerReferences']) ? (md['ownerReferences'] as unknown[]) : [];
  return owners.some((r) => {
    const ref = r as Record<string, unknown> | null;
    return ref?.['kind'] === 'Service' && ref['name'] === service;
  });
}

/** Warning on a hand-written EndpointSlice or Endpoints object of a Service that has a selector. */
export const endpointsForSelectorService: Rule = {
  code: 'endpoints-for-selector-service',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.2 (slices of Services with a selector come from the controller; Endpoints of such Services are not mirrored), §3.6; kubernetes pkg/controller/endpointslicemirroring, staging/src/k8s.io/endpointslice reconciler',
  description: 'An EndpointSlice or Endpoints object written by hand for a Service that has a selector is overwritten, ignored, or served next to the controller\'s endpoints.',
  kinds: ['EndpointSlice', 'Endpoints'],
  check(object, ctx, report) {
    const slice = isEndpointSlice(object);
    const service = slice ? object.serviceName : object.meta.name;
    if (!service) return;
    const entry = ctx.cluster.services.get(`${object.meta.namespace}/${service}`);
    const selector = entry?.service.spec.selector;
    if (!entry || !selector || entry.externalName || writtenByController(object, service)) return;
    const related = [relatedAt(entry.service, ['spec', 'selector'], `selector of Service ${service}`)];
    const fix = 'Remove the selector from the Service to manage its endpoints by hand, or delete this object.';
    if (slice) {
      report.at(
        ['metadata', 'labels', 'kubernetes.io/service-name'],
        `Service ${service} has a selector, so the EndpointSlice controller writes its slices from the selected Pods. This hand-written slice is served next to them ` +
          `(CoreDNS merges every slice labelled kubernetes.io/service-name: ${service}) — or deleted, if it carries ${MANAGED_BY}: ${SLICE_CONTROLLER}. ${fix}`,
        { related },
      );
    } else {
      report.at(
        ['metadata', 'name'],
        `Service ${service} has a selector, so the Endpoints controller overwrites this object with the selected Pods, and it is never mirrored into EndpointSlices: ` +
          `CoreDNS does not see these addresses. ${fix}`,
        { related },
      );
    }
  },
};
