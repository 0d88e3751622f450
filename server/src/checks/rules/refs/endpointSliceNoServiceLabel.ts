/** endpointslice-no-service-label: an EndpointSlice without `kubernetes.io/service-name` belongs to no Service. */
import { SERVICE_NAME_LABEL } from '../../../manifests/objects';
import type { EndpointSlice } from '../../../manifests/types';
import type { Cluster } from '../../../dns/cluster';
import type { FixEdit, Rule } from '../../types';
import { insertMapEntry } from '../dns/yamlEdit';

/** The selectorless Service this slice was probably written for: its name, or the longest `<svc>-` prefix. */
function likelyService(slice: EndpointSlice, cluster: Cluster): string | undefined {
  let best: string | undefined;
  for (const entry of cluster.partOf(slice.meta.namespace)?.services.values() ?? []) {
    const svc = entry.service;
    if (svc.spec.selector || entry.externalName) continue;
    const n = svc.meta.name;
    if ((slice.meta.name === n || slice.meta.name.startsWith(`${n}-`)) && n.length > (best?.length ?? 0)) best = n;
  }
  return best;
}

/** Warning on an EndpointSlice without the service-name label; the fix adds it when the Service is evident. */
export const endpointSliceNoServiceLabel: Rule = {
  code: 'endpointslice-no-service-label',
  defaultSeverity: 'warning',
  source: 'coredns',
  reference: 'dns-rules.md §1.1 (the kubernetes.io/service-name label ties a slice to a Service), §1.2; coredns plugin/kubernetes/object/endpoint.go',
  description: 'An EndpointSlice without the `kubernetes.io/service-name` label belongs to no Service: CoreDNS serves none of its addresses.',
  kinds: ['EndpointSlice'],
  check(object, ctx, report) {
    const slice = object as EndpointSlice;
    if (slice.serviceName) return;
    report.watch({ servicesIn: slice.meta.namespace });
    const svc = likelyService(slice, ctx.cluster);
    const fix = (): FixEdit | undefined => {
      if (!svc) return undefined;
      const title = `Add label ${SERVICE_NAME_LABEL}: ${svc}`;
      if (slice.source.has(['metadata', 'labels']) && Object.keys(slice.meta.labels).length > 0) {
        return insertMapEntry(slice, ['metadata', 'labels'], SERVICE_NAME_LABEL, svc, title);
      }
      // An empty `labels: {}` map: no column to infer.
      return slice.source.has(['metadata', 'labels']) ? undefined : insertMapEntry(slice, ['metadata'], 'labels', { [SERVICE_NAME_LABEL]: svc }, title);
    };
    report.at(
      ['metadata', 'name'],
      `This EndpointSlice has no ${SERVICE_NAME_LABEL} label, so it belongs to no Service: CoreDNS ties slices to Services only through that label (not the slice name or an owner reference) and serves none of these addresses. ` +
        `Add the label ${SERVICE_NAME_LABEL}: ${svc ?? '<service name>'}.`,
      { fixes: () => [fix()] },
    );
  },
};
