/** svc-headless-no-endpoints: a selectorless headless Service with no endpoints is NXDOMAIN. */
import { isEndpointSlice, isEndpoints, type Service } from '../../../manifests/types';
import type { RelatedLocation, Rule } from '../../types';
import { relatedAt, serviceFqdn } from './describe';

/** Warning on a selectorless headless Service that nothing in the workspace gives endpoints. */
export const svcHeadlessNoEndpoints: Rule = {
  code: 'svc-headless-no-endpoints',
  defaultSeverity: 'warning',
  source: 'coredns',
  reference: 'dns-rules.md §1.2 (no selector: mirrored Endpoints or hand-written slices), §3.6, §7 item 4; coredns plugin/kubernetes/kubernetes.go findServices',
  description: 'A headless Service without a selector and without Endpoints or EndpointSlices in the workspace has no DNS records (NXDOMAIN).',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const entry = ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`);
    if (entry?.service !== svc || !entry.headless || svc.spec.selector || entry.slices.length > 0) return;
    const name = svc.meta.name;
    const sameNs = ctx.cluster.partOf(svc.meta.namespace)?.objects ?? [];
    const eps = sameNs.find((o) => isEndpoints(o) && o.meta.name === name);
    const slices = sameNs.filter((o) => isEndpointSlice(o) && o.serviceName === name);
    let why = `no Endpoints object named ${name} and no EndpointSlice labelled kubernetes.io/service-name: ${name}`;
    const related: RelatedLocation[] = [];
    if (slices.length > 0 && ctx.config.flavor === 'kube-dns') {
      // kube-dns reads only core/v1 Endpoints (dns-rules §14).
      why = 'only EndpointSlices for it, which kube-dns never reads (it reads core/v1 Endpoints only)';
      related.push(...slices.map((s) => relatedAt(s, ['metadata', 'name'], 'EndpointSlice kube-dns ignores')));
    } else if (eps) {
      // Endpoints that the mirroring controller skips never reach CoreDNS.
      why = 'only an Endpoints object that is not mirrored into EndpointSlices (it has the endpointslice.kubernetes.io/skip-mirror label or the leader annotation), so CoreDNS never sees it';
      related.push(relatedAt(eps, ['metadata', 'name'], 'Endpoints object that is not mirrored'));
    }
    report.at(
      ['metadata', 'name'],
      `Headless Service without a selector, and the workspace holds ${why}: ${serviceFqdn(svc, ctx.config.zone)} is NXDOMAIN until someone writes endpoints. ` +
        `Add an EndpointSlice with the label kubernetes.io/service-name: ${name} (or an Endpoints object named ${name}), or a selector. ` +
        'Ignore this if another tool creates them in the cluster.',
      related.length ? { related } : undefined,
    );
  },
};
