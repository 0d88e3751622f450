/** sts-service-not-headless: a StatefulSet's governing Service is not headless. */
import type { StatefulSet } from '../../../manifests/types';
import type { FixEdit, Rule } from '../../types';
import { relatedAt } from '../dns/describe';
import { insertMapEntry, replaceScalar } from '../dns/yamlEdit';

/** Warning on a StatefulSet serviceName naming a non-headless Service; the fix (same file) sets `clusterIP: None`. */
export const stsServiceNotHeadless: Rule = {
  code: 'sts-service-not-headless',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.3, §3.1, §3.5, §3.7 (endpoint names of non-headless Services are a CoreDNS extension), §14; kubernetes docs statefulset.md (stable network ID)',
  description: 'A StatefulSet serviceName should name a headless Service; otherwise the Service name resolves to a cluster IP and per-pod names exist only in CoreDNS.',
  kinds: ['StatefulSet'],
  check(object, ctx, report) {
    const sts = object as StatefulSet;
    const name = sts.serviceName;
    if (!name) return;
    const ns = sts.meta.namespace;
    const entry = ctx.cluster.services.get(`${ns}/${name}`);
    if (!entry || entry.headless) return;
    const svc = entry.service;
    const fqdn = `${name}.${ns}.svc.${ctx.config.zone}`;
    const related = [relatedAt(svc, ['metadata', 'name'], `Service ${name}`)];
    if (entry.externalName) {
      report.at(
        ['spec', 'serviceName'],
        `Service ${name} is an ExternalName Service: ${fqdn} is only a CNAME and no pod of this StatefulSet gets a DNS name under it. Point serviceName at a headless Service (clusterIP: None) that selects these pods.`,
        { related },
      );
      return;
    }
    const first = `${sts.meta.name}-${sts.ordinalStart}`;
    const type = svc.spec.type;
    // A headless Service must be of type ClusterIP; clusterIP is immutable once the Service exists.
    const fix = (): FixEdit | undefined => {
      if (type !== 'ClusterIP' || svc.source.file !== sts.source.file || svc.source.has(['spec', 'clusterIPs'])) return undefined;
      return svc.source.has(['spec', 'clusterIP'])
        ? replaceScalar(svc, ['spec', 'clusterIP'], 'None', `Make Service ${name} headless (clusterIP: None)`)
        : insertMapEntry(svc, ['spec'], 'clusterIP', 'None', `Make Service ${name} headless (clusterIP: None)`);
    };
    report.at(
      ['spec', 'serviceName'],
      `Service ${name} is not headless (${type === 'ClusterIP' ? 'it has a cluster IP' : `type ${type}`}): ${fqdn} answers its cluster IP instead of the pod addresses and its SRV records do not list the pods. ` +
        `CoreDNS still answers ${first}.${fqdn}, but that is a CoreDNS extension (not in the DNS spec, not in kube-dns). ` +
        `Set \`clusterIP: None\` on Service ${name}${type === 'ClusterIP' ? '' : ` (and type ClusterIP: ${type} Services cannot be headless)`}; the API server refuses to change clusterIP of an existing Service, so delete and re-create it.`,
      { related, fixes: () => [fix()] },
    );
  },
};
