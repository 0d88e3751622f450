/** svc-selector-no-match: a Service selector that matches no Pod or pod template in the workspace. */
import type { Service } from '../../../manifests/types';
import type { Rule } from '../../types';
import { describeObject, relatedAt, serviceFqdn } from '../dns/describe';
import { formatLabels, podTemplatesIn, podTemplatesMatching, type TemplateRef } from './podTemplates';
import { hasPlaceholder } from '../../validation/placeholder';

/** How close a label set is to a selector: matching pairs count 1, a key with another value ½. */
function similarity(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): number {
  let score = 0;
  for (const [k, v] of Object.entries(selector)) {
    if (labels[k] === v) score += 1;
    else if (k in labels) score += 0.5;
  }
  return score / Object.keys(selector).length;
}

const NEAREST = 3;

/** Warning on a selector no workspace pod template satisfies, listing the nearest label sets. */
export const svcSelectorNoMatch: Rule = {
  code: 'svc-selector-no-match',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.2 (endpoints come from the Pods the selector matches), §3.5, §7 item 4; kubernetes staging/src/k8s.io/endpointslice (podToEndpoint); labels controllers add: dns/controllerLabels.ts',
  description: 'A Service selector that matches no Pod or pod template in its namespace in the workspace gives the Service no endpoints (labels controllers add, such as `job-name` or `statefulset.kubernetes.io/pod-name`, count; a hash label may match).',
  kinds: ['Service'],
  check(object, ctx, report) {
    const svc = object as Service;
    const selector = svc.spec.selector;
    if (!selector || svc.spec.type === 'ExternalName') return;
    // A templated selector matches labels only once rendered.
    if (Object.entries(selector).some(([k, v]) => hasPlaceholder(k) || hasPlaceholder(v))) return;
    const ns = svc.meta.namespace;
    if (podTemplatesMatching(ctx.cluster, ns, selector).length > 0) return;
    // Every pod template counts now: those of other namespaces it matches, the nearest here.
    report.watch({ templatesIn: '*' });
    const sameNs = podTemplatesIn(ctx.cluster, ns);
    // Through each namespace's label index: thousands of templates are not each matched.
    const elsewhere = ctx.cluster.parts.flatMap((p) => (p.key && p.key !== ns ? podTemplatesMatching(ctx.cluster, p.key, selector) : []));
    // Without any pod template here the workspace simply lacks the workloads: say nothing.
    if (sameNs.length === 0 && elsewhere.length === 0) return;

    const nearest: TemplateRef[] = sameNs
      .map((t) => ({ t, s: similarity(selector, t.template.labels) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, NEAREST)
      .map((x) => x.t);
    const parts: string[] = [];
    if (elsewhere.length > 0) {
      const names = elsewhere.slice(0, NEAREST).map((t) => `${describeObject(t.object)} in namespace ${t.object.meta.namespace}`);
      parts.push(`Matching labels exist only in other namespaces (${names.join('; ')}); a selector selects Pods of the Service's own namespace only.`);
    }
    if (nearest.length > 0) {
      parts.push(`Nearest label sets: ${nearest.map((t) => `${formatLabels(t.template.labels)} (${describeObject(t.object)})`).join('; ')}.`);
    }
    const dns = ctx.cluster.services.get(`${ns}/${svc.meta.name}`)?.headless
      ? `${serviceFqdn(svc, ctx.config.zone)} is NXDOMAIN`
      : `${serviceFqdn(svc, ctx.config.zone)} still resolves to the cluster IP, but connections fail and no endpoint names exist`;
    const related = [...elsewhere, ...nearest].map((t) => relatedAt(t.object, t.labelsPath, `labels of ${describeObject(t.object)}`));
    report.at(
      ['spec', 'selector'],
      `Selector ${formatLabels(selector)} matches no Pod or pod template in namespace ${ns} in the workspace, so the Service gets no endpoints: ${dns}. ${parts.join(' ')}`.trimEnd(),
      { key: true, ...(related.length ? { related } : {}) },
    );
  },
};
