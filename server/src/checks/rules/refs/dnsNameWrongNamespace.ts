/** dns-name-wrong-namespace: a short name that resolves only from another namespace. */
import { servicesNamed } from '../../../dns/cluster';
import { dnsNameUses } from '../../../refs/dnsNames';
import type { Rule } from '../../types';
import { replaceHost, reportUse } from './dnsNameRange';

/**
 * Warning on `quote` written in namespace `web` when `quote` lives in `kiada`: the pod's search
 * path starts with its own namespace, so the short name misses it (dns-rules.md §9).
 */
export const dnsNameWrongNamespace: Rule = {
  code: 'dns-name-wrong-namespace',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §9 (kubelet search list `<ns>.svc.<zone> svc.<zone> <zone>`, ndots:5)',
  description: 'A short Service name resolves only in the Service’s own namespace; from another namespace it needs `.<namespace>`.',
  kinds: ['*'],
  check(object, ctx, report) {
    const { cluster } = ctx;
    for (const use of dnsNameUses(object, cluster)) {
      if (use.resolution.hit) continue;
      const labels = use.token.host.replace(/\.$/, '').split('.');
      if (labels.length !== (use.srv ? 3 : 1)) continue;
      const from = object.meta.namespace;
      const homes = servicesNamed(cluster, use.serviceName).filter((e) => e.service.meta.namespace !== from).map((e) => e.service.meta.namespace);
      if (homes.length === 0) continue;
      const fixes = () => homes.map((ns) => replaceHost(use, ctx, `${use.token.host.replace(/\.$/, '')}.${ns}`, `Change to ${use.token.host}.${ns}`));
      reportUse(
        report,
        use,
        ctx,
        `${use.token.host} from namespace ${from} will not find the Service in ${homes.join(', ')}: a pod's search path starts with its own namespace. Write ${homes.map((ns) => `${use.token.host}.${ns}`).join(' or ')}.`,
        fixes,
      );
    }
  },
};
