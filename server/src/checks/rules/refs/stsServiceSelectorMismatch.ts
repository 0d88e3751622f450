/** sts-service-selector-mismatch: the governing headless Service does not select the StatefulSet's pods. */
import { selectsPodsOf } from '../../../dns/controllerLabels';
import type { StatefulSet } from '../../../manifests/types';
import type { Rule } from '../../types';
import { relatedAt } from '../dns/describe';
import { formatLabels } from './podTemplates';

/** Warning on a StatefulSet whose governing headless Service selects other pods. */
export const stsServiceSelectorMismatch: Rule = {
  code: 'sts-service-selector-mismatch',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.2 (hostname written only for selected pods), §1.3; kubernetes pkg/controller/util/endpoint/controller_utils.go ShouldSetHostname',
  description: 'The headless Service a StatefulSet names must select its pods, or the pods get no per-pod DNS names.',
  kinds: ['StatefulSet'],
  check(object, ctx, report) {
    const sts = object as StatefulSet;
    const name = sts.serviceName;
    if (!name) return;
    const entry = ctx.cluster.services.get(`${sts.meta.namespace}/${name}`);
    // A Service without a selector has hand-written endpoints: nothing to compare.
    const selector = entry?.service.spec.selector;
    if (!entry || !entry.headless || !selector || selectsPodsOf(selector, sts)) return;
    const fqdn = `${name}.${sts.meta.namespace}.svc.${ctx.config.zone}`;
    report.at(
      ['spec', 'serviceName'],
      `Service ${name} selects ${formatLabels(selector)}, but this StatefulSet's pods carry ${formatLabels(sts.template.labels)}: ` +
        `the pods are not endpoints of ${name}, so ${sts.meta.name}-${sts.ordinalStart}.${fqdn} does not exist. Align the Service selector with the pod template labels.`,
      { related: [relatedAt(entry.service, ['spec', 'selector'], `selector of Service ${name}`)] },
    );
  },
};
