/** svc-target-port-name-unknown: a named targetPort that the selected pods do not declare. */
import type { Service } from '../../../manifests/types';
import type { RelatedLocation, Rule } from '../../types';
import { describeObject, relatedAt, serviceFqdn } from '../dns/describe';
import { podTemplatesMatching, portContainers } from './podTemplates';
import { hasPlaceholder } from '../../validation/placeholder';

/**
 * Warning on a named targetPort no selected pod template declares; info when only some lack it.
 * The port still works for the pods that declare it, and in a repository of independent examples
 * (one namespace, many apps) the selector often also matches an unrelated app's template.
 */
export const svcTargetPortNameUnknown: Rule = {
  code: 'svc-target-port-name-unknown',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.2 (ports: the resolved targetPort; an unresolvable named port is left out for that pod), §3.5; kubernetes staging/src/k8s.io/endpointslice/utils.go getEndpointPorts, pkg/api/v1/pod FindPort',
  description: 'A named targetPort must be declared, with the same protocol, by a container port (or native sidecar port) of every selected pod template (info when only some lack it: the port still works for the others).',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    if (!svc.spec.selector || svc.spec.type === 'ExternalName') return;
    const ns = svc.meta.namespace;
    const matched = podTemplatesMatching(ctx.cluster, ns, svc.spec.selector ?? {});
    if (matched.length === 0) return; // svc-selector-no-match speaks for this case
    const fqdn = serviceFqdn(svc, ctx.config.zone);
    const headless = ctx.cluster.services.get(`${ns}/${svc.meta.name}`)?.headless ?? false;
    for (const p of svc.spec.ports) {
      const name = p.targetPort;
      // A templated port name is known only once rendered.
      if (typeof name !== 'string' || name === '' || hasPlaceholder(name)) continue;
      const lacking: string[] = [];
      const related: RelatedLocation[] = [];
      for (const t of matched) {
        const containers = portContainers(t.template);
        if (containers.some((c) => c.container.ports.some((cp) => cp.name === name && cp.protocol === p.protocol))) continue;
        const other = containers.flatMap((c) => c.container.ports.filter((cp) => cp.name === name).map((cp) => cp.protocol));
        lacking.push(other.length ? `${describeObject(t.object)} (declares ${name} as ${other.join('/')}, not ${p.protocol})` : describeObject(t.object));
        related.push(relatedAt(t.object, [...t.template.specPath, 'containers'], `containers of ${describeObject(t.object)}`));
      }
      if (lacking.length === 0) continue;
      const partial = lacking.length < matched.length;
      const effect = headless
        ? `their endpoints carry no port ${name}, so the SRV records of port ${p.name ?? p.port} (_${p.name ?? '<name>'}._${p.protocol.toLowerCase()}.${fqdn}) leave those pods out`
        : `the EndpointSlice controller leaves this port out for those pods, so connections to ${fqdn}:${p.port} are not forwarded to them (DNS still answers the cluster IP)`;
      report.at(
        ['spec', 'ports', p.index, 'targetPort'],
        `No container port named ${name} with protocol ${p.protocol} in ${lacking.join(', ')}: ${effect}. ` +
          `Name the container port ${name} (containers or a native sidecar with restartPolicy: Always), or use the port number as targetPort.`,
        partial ? { related, severity: 'info' } : { related },
      );
    }
  },
};
