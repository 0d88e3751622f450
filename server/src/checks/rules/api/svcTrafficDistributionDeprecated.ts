import type { Rule } from '../../types';
import { optString } from '../../validation/raw';
import { at, warn } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** W13: trafficDistribution PreferClose is deprecated from v1.34 in favour of PreferSameZone. */
export const svcTrafficDistributionDeprecated: Rule = {
  code: 'svc-traffic-distribution-deprecated',
  defaultSeverity: 'warning',
  source: 'api-server-warning',
  reference: 'warnings.go GetWarningsForService (W13, v1.34+)',
  description: 'trafficDistribution PreferClose is deprecated (Kubernetes 1.34+); PreferSameZone means the same.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    if (optString(serviceView(object).spec['trafficDistribution']) !== 'PreferClose') return;
    warn(
      report,
      at(['spec', 'trafficDistribution']),
      'spec.trafficDistribution',
      'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"',
      'write PreferSameZone (same behaviour) once every cluster you target runs Kubernetes 1.34 or later.',
    );
  },
};
