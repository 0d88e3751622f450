/** svc-port-unnamed-no-srv: a single unnamed Service port has no `_name._proto` SRV record. */
import type { Service, ServicePort } from '../../../manifests/types';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';
import { insertMapEntry } from './yamlEdit';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A port name to suggest: the appProtocol or named targetPort when usable, else from the number. */
export function guessPortName(p: ServicePort): string {
  // `kubernetes.io/h2c` and other prefixed appProtocols are not DNS labels; fall back to the number.
  for (const c of [p.appProtocol?.toLowerCase(), typeof p.targetPort === 'string' ? p.targetPort : undefined]) {
    if (c && c.length <= 15 && DNS_LABEL.test(c)) return c;
  }
  if (p.port === 80) return 'http';
  if (p.port === 443) return 'https';
  return `port-${p.port}`;
}

/** Info on the port of a single-port Service without a name; the fix names it. */
export const svcPortUnnamedNoSrv: Rule = {
  code: 'svc-port-unnamed-no-srv',
  defaultSeverity: 'info',
  source: 'dns-spec',
  reference: 'dns-rules.md §3.4 (unnamed ports); kubernetes/dns docs/specification.md §2.3.2; coredns plugin/kubernetes/kubernetes.go findServices',
  description: 'A Service with a single unnamed port gets no `_<port>._<proto>` SRV record; name the port to get one.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    // With more ports the API requires names (an API rule); ExternalName ports are ignored anyway.
    if (svc.spec.type === 'ExternalName' || svc.spec.ports.length !== 1) return;
    // A headless Service without selector takes its SRV names from the slices written for it.
    if (!svc.spec.selector && ctx.cluster.services.get(`${svc.meta.namespace}/${svc.meta.name}`)?.headless) return;
    const p = svc.spec.ports[0]!;
    if (p.name) return;
    const name = guessPortName(p);
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const proto = p.protocol.toLowerCase();
    const kubeDns = ctx.config.flavor === 'kube-dns';
    const today = kubeDns
      ? 'kube-dns publishes no SRV record at all for an unnamed port'
      : `CoreDNS lists it only in the SRV answer at the bare name ${fqdn}`;
    report.at(
      ['spec', 'ports', p.index, 'port'],
      `Port ${p.port}/${p.protocol} has no name, so there is no SRV record _<name>._${proto}.${fqdn} for it (${today}). ` +
        `Add \`name: ${name}\` to get _${name}._${proto}.${fqdn}.`,
      { field: `spec.ports[${p.index}].name`, fixes: () => [insertMapEntry(svc, ['spec', 'ports', p.index], 'name', name, `Name the port "${name}"`)] },
    );
  },
};
