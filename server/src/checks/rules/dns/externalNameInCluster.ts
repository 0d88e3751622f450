/** svc-external-name-in-cluster: an externalName inside the cluster zone is followed by CoreDNS itself. */
import type { Service } from '../../../manifests/types';
import type { RelatedLocation, Rule } from '../../types';
import { relatedAt, serviceFqdn } from './describe';
import { externalTarget } from './externalNameTarget';

/** Info on an externalName inside the cluster zone; a warning when it names the Service itself. */
export const svcExternalNameInCluster: Rule = {
  code: 'svc-external-name-in-cluster',
  defaultSeverity: 'info',
  source: 'coredns',
  reference: 'dns-rules.md §3.8 (target inside the cluster zone; handler_test external-to-service); coredns plugin/backend_lookup.go (CNAME chains)',
  description: 'An externalName inside the cluster zone is resolved by CoreDNS itself: the answer is the CNAME plus the target\'s own records (a warning when it points at the Service itself).',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const target = externalTarget(svc);
    const zone = ctx.config.zone;
    if (!target || !(target === zone || target.endsWith(`.${zone}`))) return;
    const fqdn = serviceFqdn(svc, zone);
    if (target === fqdn || target.endsWith(`.${fqdn}`)) {
      // CoreDNS drops a CNAME whose target is the question itself or a name below it.
      report.at(
        ['spec', 'externalName'],
        `externalName points at this Service itself (${target}): CoreDNS drops a CNAME to the question name or a name below it, so queries for ${fqdn} get neither a CNAME nor an address. Point it at the real target.`,
        { severity: 'warning' },
      );
      return;
    }
    const labels = target.slice(0, -(zone.length + 1)).split('.');
    let outcome = `the answer is CNAME ${target}. followed by whatever ${target}. holds (NODATA if it does not exist)`;
    const related: RelatedLocation[] = [];
    if (labels.length === 3 && labels[2] === 'svc') {
      const entry = ctx.cluster.services.get(`${labels[1]}/${labels[0]}`);
      if (entry) {
        outcome = `the answer is CNAME ${target}. followed by the records of Service ${labels[0]} in namespace ${labels[1]}`;
        related.push(relatedAt(entry.service, ['metadata', 'name'], 'the Service this name points at'));
      } else {
        outcome = `the answer is CNAME ${target}. and, since no Service ${labels[0]} exists in namespace ${labels[1]} in the workspace, no address (NODATA)`;
      }
    }
    report.at(
      ['spec', 'externalName'],
      `externalName points into the cluster zone ${zone}: CoreDNS follows it itself, so for ${fqdn} ${outcome}. ` +
        'This works as an alias (for example across namespaces); clients could also use the target name directly.',
      related.length ? { related } : undefined,
    );
  },
};
