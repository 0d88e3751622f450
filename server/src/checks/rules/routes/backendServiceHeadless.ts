/** backend-service-headless: an Ingress or route sends traffic to a headless Service. */
import { ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { headlessPath, relatedAt } from '../dns/describe';
import { referrer, serviceBackends, targetOf } from './backendTarget';

/** ingress-nginx's annotation that sends traffic to the Service's cluster IP instead of its endpoints. */
const SERVICE_UPSTREAM = 'nginx.ingress.kubernetes.io/service-upstream';

/**
 * Info: most controllers read the EndpointSlices and connect to pod addresses, which a headless
 * Service has; only one set to use the cluster IP breaks. A warning where the Ingress says so.
 */
export const backendServiceHeadless: Rule = {
  code: 'backend-service-headless',
  defaultSeverity: 'info',
  source: 'implementations',
  reference:
    'ingress-nginx docs annotations.md "Service Upstream" (service-upstream: the Service’s cluster IP instead of the endpoints); Envoy Gateway EnvoyProxy routingType (Endpoint by default, Service uses the cluster IP); dns-rules.md §3.5 (headless: no cluster IP)',
  description:
    'An Ingress or route backend is a headless Service (clusterIP: None): controllers that connect to its endpoints work, those set to use the Service’s cluster IP have none (a warning with ingress-nginx’s `service-upstream: "true"`).',
  kinds: ['Ingress', ...ROUTE_KINDS],
  check(object, ctx, report) {
    const upstream = object.meta.annotations[SERVICE_UPSTREAM] === 'true';
    for (const ref of serviceBackends(object)) {
      const entry = targetOf(ctx.cluster, ref, report);
      if (!entry?.headless || entry.externalName) continue;
      const related = [relatedAt(entry.service, headlessPath(entry.service), `Service ${ref.namespace}/${ref.name} is headless`)];
      if (ref.role === 'ingress' && upstream) {
        report.at(
          ref.namePath,
          `Service ${ref.namespace}/${ref.name} is headless (clusterIP: None), and this Ingress sets ${SERVICE_UPSTREAM}: "true", which makes ingress-nginx forward to the Service's cluster IP: there is none, so requests fail with 502/503. Remove the annotation (ingress-nginx then uses the endpoints) or give the Service a cluster IP.`,
          { related, severity: 'warning' },
        );
        continue;
      }
      report.at(
        ref.namePath,
        `Service ${ref.namespace}/${ref.name} is headless (clusterIP: None): ${referrer(ref)} reaches its pods only through a controller that connects to the endpoints (ingress-nginx and Envoy Gateway do by default). One set to use the Service's cluster IP (ingress-nginx ${SERVICE_UPSTREAM}: "true", Envoy Gateway routingType: Service) has none to send to; the pods' ports are used as the EndpointSlices give them.`,
        { related },
      );
    }
  },
};
