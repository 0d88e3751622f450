/** sts-service-missing: a StatefulSet's serviceName names no Service in its namespace. */
import type { StatefulSet } from '../../../manifests/types';
import { servicesNamed } from '../../../dns/cluster';
import type { Rule } from '../../types';
import { relatedAt } from '../dns/describe';
import { hasPlaceholder } from '../../validation/placeholder';

/** Warning on a StatefulSet serviceName without a Service of that name in the namespace. */
export const stsServiceMissing: Rule = {
  code: 'sts-service-missing',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.3 (StatefulSet pod identity); kubernetes pkg/controller/statefulset/stateful_set_utils.go initIdentity, pkg/controller/util/endpoint/controller_utils.go ShouldSetHostname',
  description: 'A StatefulSet serviceName that names no Service in its namespace leaves its pods without per-pod DNS names.',
  kinds: ['StatefulSet'],
  check(object, ctx, report) {
    const sts = object as StatefulSet;
    const name = sts.serviceName;
    // A templated serviceName names a Service only once rendered.
    if (!name || hasPlaceholder(name)) return;
    const ns = sts.meta.namespace;
    if (ctx.cluster.services.has(`${ns}/${name}`)) return;
    const first = `${sts.meta.name}-${sts.ordinalStart}`;
    report.watch({ servicesNamed: name });
    const elsewhere = servicesNamed(ctx.cluster, name).map((e) => e.service);
    const hint = elsewhere.length
      ? ` A Service ${name} exists in namespace ${elsewhere.map((s) => s.meta.namespace).join(', ')}, but serviceName refers to the StatefulSet's own namespace only.`
      : '';
    report.at(
      ['spec', 'serviceName'],
      `No Service named ${name} in namespace ${ns} in the workspace: the pods get subdomain ${name}, but ${first}.${name}.${ns}.svc.${ctx.config.zone} ` +
        `and ${name}.${ns}.svc.${ctx.config.zone} are NXDOMAIN until a headless Service ${name} (clusterIP: None, selecting these pods) exists in ${ns}.${hint}`,
      elsewhere.length ? { related: elsewhere.map((s) => relatedAt(s, ['metadata', 'namespace'], `Service ${name} in namespace ${s.meta.namespace}`)) } : undefined,
    );
  },
};
