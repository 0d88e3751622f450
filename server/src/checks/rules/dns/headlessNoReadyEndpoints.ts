/** svc-headless-no-ready-endpoints: a headless Service whose known endpoints are all not ready is NXDOMAIN. */
import type { Service } from '../../../manifests/types';
import { isServed } from '../../../dns/cluster';
import type { RelatedLocation, Rule } from '../../types';
import { describeObject, relatedAt, serviceFqdn } from './describe';

/** Warning on a headless Service whose workspace endpoints CoreDNS would all skip. */
export const svcHeadlessNoReadyEndpoints: Rule = {
  code: 'svc-headless-no-ready-endpoints',
  defaultSeverity: 'warning',
  source: 'coredns',
  reference: 'dns-rules.md §1.1 (readiness), §1.2, §3.5 (no ready endpoint), §7 item 4; coredns plugin/kubernetes/object/endpoint.go endpointsliceReady',
  description: 'A headless Service whose endpoints in the workspace are all not ready (or hold no address) is NXDOMAIN.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const entry = ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`);
    if (entry?.service !== svc || !entry.headless || entry.slices.length === 0) return;
    const endpoints = entry.slices.flatMap((s) => s.endpoints);
    if (endpoints.some((e) => isServed(e) && e.addresses.length > 0)) return;
    const sources = [...new Set(entry.slices.map((s) => s.object))];
    const related: RelatedLocation[] = sources.map((o) => relatedAt(o, ['metadata', 'name'], `${describeObject(o)}: no ready address`));
    const fromPods = entry.slices.some((s) => s.origin === 'pods');
    const hint = fromPods
      ? 'The selected Pods are not Ready; set `publishNotReadyAddresses: true` if peers must find each other before they are ready (StatefulSet bootstrap).'
      : 'Mark endpoints ready (`conditions.ready: true` or leave it out; Endpoints: list them under `addresses`, not `notReadyAddresses`).';
    const what =
      endpoints.length === 0
        ? 'The endpoints of this headless Service in the workspace list no address'
        : `Every endpoint of this headless Service in the workspace is not ready (${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}, none served)`;
    report.at(
      ['metadata', 'name'],
      `${what}: CoreDNS serves only ready addresses, so ${serviceFqdn(svc, ctx.config.zone)} and every name under it is NXDOMAIN. ${endpoints.length ? hint : 'Add the endpoint addresses.'}`,
      { related },
    );
  },
};
