/** The check both backend-missing rules run: the Service a backend names is not in the workspace. */
import { servicesNamed } from '../../../dns/cluster';
import { serviceNamesIn } from '../../../refs/dnsNames';
import { closest } from '../../../refs/suggest';
import type { CheckContext, Reporter } from '../../types';
import type { KubeObject } from '../../../manifests/types';
import { relatedAt } from '../dns/describe';
import { brokenTraffic, expectation, serviceBackends, targetOf } from './backendTarget';

/**
 * Error on a backend naming no Service of its namespace where a Service of that namespace sits in
 * the referrer's folder (they are deployed together, so this one is expected too); a warning
 * where the workspace holds Services of the namespace only in other folders; an info where it
 * holds none (deployed from elsewhere), the way `dns-name-unresolved` speaks only of namespaces
 * it knows.
 */
export function checkBackendsExist(object: KubeObject, ctx: CheckContext, report: Reporter): void {
  const { cluster } = ctx;
  for (const ref of serviceBackends(object)) {
    if (targetOf(cluster, ref, report)) continue;
    const ns = ref.namespace;
    const expected = expectation(cluster, ns, object, report);
    const known = expected !== 'unknown';
    const suggestions = known ? closest(ref.name, serviceNamesIn(cluster, ns)) : [];
    const elsewhere = servicesNamed(cluster, ref.name).map((e) => e.service).filter((s) => s.meta.namespace !== ns);
    const reach =
      elsewhere.length === 0
        ? ''
        : ref.role === 'ingress'
          ? ` A Service ${ref.name} exists in namespace ${elsewhere.map((s) => s.meta.namespace).join(', ')}, but an Ingress reaches only Services of its own namespace.`
          : ` A Service ${ref.name} exists in namespace ${elsewhere.map((s) => s.meta.namespace).join(', ')}: set the backendRef's namespace (and allow it with a ReferenceGrant there).`;
    const message = known
      ? `No Service ${ref.name} in namespace ${ns}: ${brokenTraffic(ref)}.` + (suggestions.length ? ` Did you mean ${suggestions.join(' or ')}?` : '') + reach
      : `No Service ${ref.name} in namespace ${ns} is in the workspace (${ns === 'kube-system' ? 'kube-system holds the cluster’s add-ons, which a repository rarely describes' : 'it holds no Service of that namespace'}; the cluster may). If it does not exist, ${brokenTraffic(ref)}.` + reach;
    report.at(ref.namePath, message, {
      ...(expected === 'here' ? {} : { severity: expected === 'elsewhere' ? ('warning' as const) : ('info' as const) }),
      ...(elsewhere.length ? { related: elsewhere.map((s) => relatedAt(s, ['metadata', 'name'], `Service ${ref.name} in namespace ${s.meta.namespace}`)) } : {}),
      fixes: () =>
        suggestions.map((s) => ({
          title: `Change to ${s}`,
          edits: [{ file: object.source.file, range: object.source.locate(ref.namePath), newText: s }],
        })),
    });
  }
}
