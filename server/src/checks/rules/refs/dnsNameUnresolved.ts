/** dns-name-unresolved: a cluster DNS name written in a manifest that no Service serves. */
import { serviceKey, servicesNamed } from '../../../dns/cluster';
import { query } from '../../../dns/query';
import { dnsNameUses, serviceNamesIn, type DnsNameUse } from '../../../refs/dnsNames';
import { closest } from '../../../refs/suggest';
import type { CheckContext, Rule } from '../../types';
import { applyNamespaceHint } from './applyNamespaceHint';
import { replaceServiceLabel, reportUse } from './dnsNameRange';

/** Why the name the writer meant gets no answer. */
function reason(use: DnsNameUse, ctx: CheckContext): string {
  const { cluster } = ctx;
  const key = serviceKey(use.serviceNamespace, use.serviceName);
  if (!cluster.services.has(key)) return `no Service ${use.serviceName} in namespace ${use.serviceNamespace} is in the workspace`;
  const last = [...use.resolution.tries].reverse().find((t) => t.answer.notes.length > 0 && !t.answer.forwarded);
  const fqdnTry = use.resolution.tries.find((t) => t.name.toLowerCase().endsWith(`${use.serviceName}.${use.serviceNamespace}.svc.${cluster.config.zone}.`) || t.name.toLowerCase().includes(`.${use.serviceName}.${use.serviceNamespace}.svc.`));
  const note = fqdnTry?.answer.notes[0] ?? last?.answer.notes[0];
  if (note) return note.replace(/\.$/, '');
  const q = query(cluster, `${use.serviceName}.${use.serviceNamespace}.svc.${cluster.config.zone}`, use.srv ? 'SRV' : 'A');
  return q.notes[0]?.replace(/\.$/, '') ?? 'CoreDNS answers NXDOMAIN for it';
}

/** Warning on a cluster-zone name (in a URL, env value, ConfigMap…) that resolves to nothing. */
export const dnsNameUnresolved: Rule = {
  code: 'dns-name-unresolved',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §2, §7 (NXDOMAIN), §9 (search path from the pod namespace)',
  description: 'A cluster DNS name written in a manifest (URL, env value, ConfigMap data, argument) resolves to no Service in the workspace; for an object without a namespace, names the one namespace it would resolve from.',
  kinds: ['*'],
  check(object, ctx, report) {
    const { cluster } = ctx;
    for (const use of dnsNameUses(object, cluster)) {
      if (use.resolution.hit) continue;
      const ns = use.serviceNamespace;
      // Only where the workspace describes the namespace: elsewhere it cannot know the Services.
      if (!cluster.namespacesWithObjects.has(ns)) continue;
      const bare = use.token.host.replace(/\.$/, '').split('.').length === (use.srv ? 3 : 1);
      // An absolute short name (`quote.`) misses even the Service of its own namespace.
      const absolute = use.token.host.endsWith('.');
      const elsewhere = servicesNamed(cluster, use.serviceName).filter((e) => absolute || e.service.meta.namespace !== ns);
      if (bare && elsewhere.length > 0) continue; // dns-name-wrong-namespace says it better
      report.watch({ servicesIn: ns }); // the suggestions
      const names = serviceNamesIn(cluster, ns);
      const suggestions = cluster.services.has(serviceKey(ns, use.serviceName)) ? [] : closest(use.serviceName, names);
      const from = object.meta.namespace;
      const message =
        `${use.token.host} (written in namespace ${from}) resolves to nothing: ${reason(use, ctx)}.` +
        (suggestions.length ? ` Did you mean ${suggestions.join(' or ')}?` : '') +
        applyNamespaceHint(use, ctx, report);
      reportUse(
        report,
        use,
        ctx,
        message,
        () => suggestions.map((s) => replaceServiceLabel(use, ctx, s, `Change to ${s}`)),
      );
    }
  },
};
