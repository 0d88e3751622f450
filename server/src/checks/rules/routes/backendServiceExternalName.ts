/** backend-service-external-name: an Ingress or route sends traffic to an ExternalName Service. */
import { ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { relatedAt } from '../dns/describe';
import { serviceBackends, targetOf } from './backendTarget';

/** ingress-nginx's annotation that sets the Host header sent upstream. */
const UPSTREAM_VHOST = 'nginx.ingress.kubernetes.io/upstream-vhost';

/**
 * Warning on a route: the Gateway API tells implementations not to support ExternalName
 * backends. Info on an Ingress, where controllers differ; none when the Ingress already sets the
 * Host header the external server expects.
 */
export const backendServiceExternalName: Rule = {
  code: 'backend-service-external-name',
  defaultSeverity: 'warning',
  source: 'implementations',
  reference:
    'gateway-api apis/v1 shared_types.go BackendObjectReference ("Implementations SHOULD NOT support ExternalName Services", CVE-2021-25740; support: implementation-specific); ingress-nginx docs annotations.md upstream-vhost; Contour 1.17.1 release notes (ExternalName Services off unless enabled, GHSA-5ph6-qq5x-7jwc)',
  description:
    'A route backend that is an ExternalName Service is implementation-specific at best (warning); an Ingress backend that is one forwards off-cluster with the Ingress’s Host header, and some controllers refuse it (info; none with ingress-nginx’s `upstream-vhost`).',
  kinds: ['Ingress', ...ROUTE_KINDS],
  check(object, ctx, report) {
    for (const ref of serviceBackends(object)) {
      const entry = targetOf(ctx.cluster, ref, report);
      if (!entry?.externalName) continue;
      const target = entry.service.spec.externalName ?? '';
      const related = [relatedAt(entry.service, ['spec', 'externalName'], `Service ${ref.namespace}/${ref.name} is a CNAME to ${target}`)];
      if (ref.role === 'ingress') {
        if (object.meta.annotations[UPSTREAM_VHOST]) continue;
        report.at(
          ref.namePath,
          `Service ${ref.namespace}/${ref.name} is an ExternalName Service (a CNAME to ${target}, no endpoints): ingress-nginx resolves ${target} itself and forwards there with the Ingress's host as the Host header (set ${UPSTREAM_VHOST}: ${target} if that server expects its own name); Contour ignores ExternalName Services unless its operator enables them.`,
          { related, severity: 'info' },
        );
        continue;
      }
      report.at(
        ref.namePath,
        `Service ${ref.namespace}/${ref.name} is an ExternalName Service (a CNAME to ${target}): the Gateway API says implementations SHOULD NOT support ExternalName backends (they can point anywhere, CVE-2021-25740), so many leave this backend unresolved (ResolvedRefs: False) and the others resolve ${target} themselves. Prefer a Service with endpoints, or the implementation's own backend kind for external destinations.`,
        { related },
      );
    }
  },
};
