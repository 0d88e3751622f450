import type { Rule } from '../../types';
import { unsupported } from '../../validation/errors';
import { optString } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** v1.34 and later; up to v1.33 only PreferClose (the others behind an alpha gate in 1.33). */
export const TRAFFIC_DISTRIBUTIONS: readonly string[] = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

/** TD-1: trafficDistribution is one of the supported preferences (v1.34+ values). */
export const svcTrafficDistribution: Rule = {
  code: 'svc-traffic-distribution',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go validateServiceTrafficDistribution (TD-1)',
  description:
    'spec.trafficDistribution must be PreferSameZone, PreferSameNode or PreferClose (Kubernetes 1.34+; earlier only PreferClose).',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const td = optString(serviceView(object).spec['trafficDistribution']);
    if (typeof td !== 'string' || TRAFFIC_DISTRIBUTIONS.includes(td)) return;
    fail(
      report,
      at(['spec', 'trafficDistribution']),
      'spec.trafficDistribution',
      unsupported(td, TRAFFIC_DISTRIBUTIONS),
      'use PreferSameZone or PreferSameNode (before Kubernetes 1.34 only PreferClose), or leave it out.',
    );
  },
};
