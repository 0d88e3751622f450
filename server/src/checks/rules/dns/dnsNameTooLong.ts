/** svc-dns-name-too-long: the Service's FQDN or SRV names exceed DNS label or name limits. */
import type { Service } from '../../../manifests/types';
import { MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from '../../../dns/names';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';

/** Warning on a Service name or port name whose DNS names break the 63/253 limits. */
export const svcDnsNameTooLong: Rule = {
  code: 'svc-dns-name-too-long',
  defaultSeverity: 'warning',
  source: 'dns-spec',
  reference: 'dns-rules.md §10 (63-octet labels, 253-character names; `_` + a 63-character port name); RFC 1035 §2.3.4; kubernetes validation.go validateServicePort',
  description: 'A Service whose FQDN or `_<port>._<proto>` SRV names exceed 63-octet labels or 253-character names has no such records.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    if (!svc.meta.name) return;
    const zone = ctx.config.zone;
    const fqdn = serviceFqdn(svc, zone);
    if (fqdn.length > MAX_NAME_LENGTH) {
      report.at(
        ['metadata', 'name'],
        `${fqdn} has ${fqdn.length} characters, more than the ${MAX_NAME_LENGTH} a DNS name may hold, so no query can reach this Service by name. ` +
          `Shorten the Service name, the namespace, or the cluster zone ${zone}.`,
      );
      return; // every SRV name is longer still
    }
    if (svc.spec.type === 'ExternalName') return; // no SRV records
    // A headless Service without selector takes its SRV names from the slices written for it.
    if (!svc.spec.selector && ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`)?.headless) return;
    for (const p of svc.spec.ports) {
      if (!p.name) continue;
      const srv = `_${p.name}._${p.protocol.toLowerCase()}.${fqdn}`;
      const path = ['spec', 'ports', p.index, 'name'];
      if (p.name.length + 1 > MAX_LABEL_LENGTH) {
        report.at(
          path,
          `Port name ${p.name} has ${p.name.length} characters, so its SRV label _${p.name.slice(0, 8)}… has ${p.name.length + 1} octets, more than the ${MAX_LABEL_LENGTH} a DNS label may hold: ` +
            `there can be no _${p.name.length > 20 ? '<name>' : p.name}._${p.protocol.toLowerCase()} SRV record for this port. Use a port name of at most ${MAX_LABEL_LENGTH - 1} characters.`,
        );
      } else if (srv.length > MAX_NAME_LENGTH) {
        report.at(
          path,
          `The SRV name of this port has ${srv.length} characters, more than the ${MAX_NAME_LENGTH} a DNS name may hold, so it cannot be queried. ` +
            'Shorten the port name, the Service name, the namespace or the cluster zone.',
        );
      }
    }
  },
};
