/** svc-headless-no-ports: a headless Service without ports answers A/AAAA but never SRV. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { headlessPath, serviceFqdn } from './describe';

/** Info on `clusterIP: None` when no SRV record can exist for the Service. */
export const svcHeadlessNoPorts: Rule = {
  code: 'svc-headless-no-ports',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §3.4, §3.5 (slices without ports), §7; coredns plugin/kubernetes/object/endpoint.go (port -1 placeholder)',
  description: 'A headless Service without ports has address records for its endpoints but no SRV records.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const entry = ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`);
    if (entry?.service !== svc || !entry.headless || svc.spec.ports.length > 0) return;
    // Without a selector the SRV ports come from the hand-written slices (or mirrored Endpoints);
    // with none at all, svc-headless-no-endpoints speaks.
    if (!svc.spec.selector && (entry.slices.length === 0 || entry.slices.some((s) => s.ports.some((p) => p.port !== undefined)))) return;
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const why = svc.spec.selector ? 'the EndpointSlices the controller writes for it carry no ports' : 'its Endpoints/EndpointSlices carry no ports';
    report.at(
      headlessPath(svc),
      `Headless Service without ports: ${fqdn} answers A/AAAA with the ready endpoint addresses, but every SRV question ` +
        `(${fqdn} SRV, _<port>._<proto>.${fqdn}) gets no answer, because ${why}. ` +
        'Add the ports clients connect to (with names) if anything discovers this Service through SRV.',
    );
  },
};
