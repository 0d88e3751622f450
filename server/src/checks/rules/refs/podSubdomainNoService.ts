/** pod-subdomain-no-headless-service: a pod subdomain without a headless Service of that name. */
import { selectsPodsOf } from '../../../dns/controllerLabels';
import type { Pod, Workload } from '../../../manifests/types';
import type { Rule } from '../../types';
import { describeObject, relatedAt } from '../dns/describe';
import { hasPlaceholder } from '../../validation/placeholder';

/** Warning on a pod `subdomain` without a headless Service of that name that selects the pod. */
export const podSubdomainNoHeadlessService: Rule = {
  code: 'pod-subdomain-no-headless-service',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference: 'dns-rules.md §1.2 (hostname only when subdomain names the Service), §1.3, §3.7, §14; kubernetes pkg/controller/util/endpoint/controller_utils.go ShouldSetHostname; docs dns-pod-service.md',
  description: 'A Pod (or pod template) subdomain must name a headless Service in its namespace that selects it, or the pod gets no hostname record.',
  // StatefulSets are left out: their controller overwrites subdomain with serviceName (sts-* rules).
  kinds: ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Job', 'CronJob'],
  check(object, ctx, report) {
    const o = object as Pod | Workload;
    const sub = o.template.subdomain;
    // A templated subdomain names a Service only once rendered.
    if (!sub || hasPlaceholder(sub)) return;
    const ns = o.meta.namespace;
    const path = [...o.template.specPath, 'subdomain'];
    const host = o.template.hostname;
    const name = `${host ?? '<hostname>'}.${sub}.${ns}.svc.${ctx.config.zone}`;
    const entry = ctx.cluster.services.get(`${ns}/${sub}`);
    if (!entry) {
      report.at(path, `No Service named ${sub} in namespace ${ns} in the workspace: ${name} is NXDOMAIN. Create a headless Service ${sub} (clusterIP: None) that selects this pod.`);
      return;
    }
    const related = [relatedAt(entry.service, ['metadata', 'name'], `Service ${sub}`)];
    if (!entry.headless) {
      const what = entry.externalName
        ? 'an ExternalName Service, so no pod name exists under it'
        : `not headless: CoreDNS still answers ${name} (a CoreDNS extension, absent from the DNS spec and kube-dns), but ${sub}.${ns}.svc.${ctx.config.zone} answers the cluster IP, not this pod`;
      report.at(path, `Service ${sub} is ${what}. Make it headless (clusterIP: None).`, { related });
      return;
    }
    const selector = entry.service.spec.selector;
    if (selector && !selectsPodsOf(selector, o)) {
      report.at(
        path,
        `Headless Service ${sub} does not select ${describeObject(o)} (its selector needs labels the pod does not carry), so the pod is not one of its endpoints and ${name} does not exist.`,
        { related: [relatedAt(entry.service, ['spec', 'selector'], `selector of Service ${sub}`)] },
      );
    }
  },
};
