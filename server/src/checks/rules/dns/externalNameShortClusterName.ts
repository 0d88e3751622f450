/** svc-external-name-short-cluster-name: a partial in-cluster name as externalName leaves the cluster. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { serviceFqdn } from './describe';
import { externalTarget } from './externalNameTarget';
import { replaceScalar } from './yamlEdit';

/** The full in-zone name a partial cluster name stands for, or `undefined` when it is not one. */
function completeClusterName(target: string, zone: string, hasService: (ns: string, name: string) => boolean): string | undefined {
  const labels = target.split('.');
  // `<svc>.<ns>.svc` or `<svc>.<ns>.svc.<part of the zone>`: unmistakably meant for the cluster.
  if (labels.length >= 3 && labels[2] === 'svc') {
    const rest = labels.slice(3).join('.');
    if (rest === zone) return undefined;
    if (rest === '' || (zone.startsWith(`${rest}.`) && labels.length > 3)) return `${labels.slice(0, 3).join('.')}.${zone}`;
    return undefined;
  }
  // `<svc>.<ns>`: only when that Service exists in the workspace, since it could be a public name.
  if (labels.length === 2 && hasService(labels[1]!, labels[0]!)) return `${target}.svc.${zone}`;
  return undefined;
}

/** Warning on an externalName such as `quote.kiada.svc`; the fix writes the full name. */
export const svcExternalNameShortClusterName: Rule = {
  code: 'svc-external-name-short-cluster-name',
  defaultSeverity: 'warning',
  source: 'coredns',
  reference: 'dns-rules.md §3.8 (the CNAME target is absolute), §9 (search lists apply to the client\'s question only); coredns plugin/kubernetes/kubernetes.go, plugin/backend_lookup.go',
  description: 'An externalName written as a partial cluster name (`quote.kiada.svc`) is looked up as an absolute name outside the cluster zone and fails.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const target = externalTarget(svc);
    if (!target) return;
    const full = completeClusterName(target, ctx.config.zone, (ns, name) => ctx.cluster.services.has(`${ns}/${name}`));
    if (!full) return;

    report.at(
      ['spec', 'externalName'],
      `externalName ${target} is a partial cluster name: ${serviceFqdn(svc, ctx.config.zone)} answers CNAME ${target}. and that absolute name is ` +
        `looked up as is (a pod's search list applies only to the name it asks for, never to a CNAME target), so it goes to the upstream resolver and fails. Write ${full}.`,
      { fixes: () => [replaceScalar(svc, ['spec', 'externalName'], full, `Write the full name ${full}`)] },
    );
  },
};
