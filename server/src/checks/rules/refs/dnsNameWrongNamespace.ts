/** dns-name-wrong-namespace: a short name that resolves only from another namespace. */
import { servicesNamed } from '../../../dns/cluster';
import { dnsNameUses } from '../../../refs/dnsNames';
import type { Rule } from '../../types';
import { applyNamespaceHint } from './applyNamespaceHint';
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
  description: 'A short Service name resolves only in the Service’s own namespace; from another namespace it needs `.<namespace>` (and a short name ending in a dot is absolute: it needs the FQDN).',
  kinds: ['*'],
  check(object, ctx, report) {
    const { cluster } = ctx;
    for (const use of dnsNameUses(object, cluster)) {
      if (use.resolution.hit) continue;
      const host = use.token.host.replace(/\.$/, '');
      // A trailing dot makes the name absolute: the resolver skips the search path altogether,
      // so even a Service of the writer's own namespace is missed (dns-rules.md §9).
      const absolute = use.token.host.endsWith('.');
      if (host.split('.').length !== (use.srv ? 3 : 1)) continue;
      const from = object.meta.namespace;
      const homes = servicesNamed(cluster, use.serviceName).map((e) => e.service.meta.namespace).filter((ns) => absolute || ns !== from);
      if (homes.length === 0) continue;
      const names = homes.map((ns) => (absolute ? `${host}.${ns}.svc.${cluster.config.zone}.` : `${host}.${ns}`));
      const fixes = () => names.map((name) => replaceHost(use, ctx, name, `Change to ${name}`));
      const why = absolute
        ? `${use.token.host} ends with a dot, so it is absolute: a pod's resolver asks exactly that name, outside the cluster zone, and skips the search path.`
        : `${use.token.host} from namespace ${from} will not find the Service in ${homes.join(', ')}: a pod's search path starts with its own namespace.`;
      // An absolute name ends with its own dot: no sentence period after it (never `quote.kiada.svc.cluster.local..`).
      reportUse(report, use, ctx, `${why} Write ${names.join(' or ')}${absolute ? '' : '.'}${applyNamespaceHint(use, ctx, report)}`, fixes);
    }
  },
};
