/** route-parent-section-unknown: a parentRef's sectionName names no listener of its Gateway. */
import { groupKind } from '../../../manifests/apiGroups';
import type { KubeObject } from '../../../manifests/types';
import { gatewaysNamed, parentRefs } from '../../../refs/gatewayRefs';
import { closest } from '../../../refs/suggest';
import { GATEWAY_GROUP, ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { hasPlaceholder } from '../../validation/placeholder';
import { relatedAt } from '../dns/describe';

/** The listener names of a Gateway (`spec.listeners[].name`). */
function listenerNames(gateway: KubeObject): string[] {
  const spec = gateway.raw['spec'];
  const listeners = spec && typeof spec === 'object' ? (spec as Record<string, unknown>)['listeners'] : undefined;
  if (!Array.isArray(listeners)) return [];
  return listeners.flatMap((l) => (l && typeof l === 'object' && typeof (l as Record<string, unknown>)['name'] === 'string' ? [(l as Record<string, string>)['name']!] : []));
}

/** Error: the route does not attach to that Gateway at all (reason NoMatchingParent). */
export const routeParentSectionUnknown: Rule = {
  code: 'route-parent-section-unknown',
  defaultSeverity: 'error',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go ParentReference.SectionName ("When unspecified (empty string), this will reference the entire resource"; a name that matches no listener: Accepted False, RouteReasonNoMatchingParent)',
  description: 'A parentRef’s `sectionName` must name a listener of the Gateway it refers to (when the workspace holds that Gateway), or the route is not attached.',
  kinds: ROUTE_KINDS,
  check(object, ctx, report) {
    for (const p of parentRefs(object)) {
      if (!p.sectionName || p.kind !== 'Gateway' || p.group !== GATEWAY_GROUP || hasPlaceholder(p.name) || hasPlaceholder(p.sectionName)) continue;
      report.watch({ identity: `${groupKind('Gateway', `${GATEWAY_GROUP}/v1`)}/${p.namespace}/${p.name}` });
      const gateway = gatewaysNamed(ctx.cluster, p.namespace, p.name)[0];
      if (!gateway) continue; // route-parent-gateway-missing speaks of it
      const names = listenerNames(gateway);
      if (names.includes(p.sectionName)) continue;
      const near = closest(p.sectionName, names);
      report.at(
        [...p.path, 'sectionName'],
        `Gateway ${p.namespace}/${p.name} has no listener ${p.sectionName} (it has ${names.length ? names.join(', ') : 'none'}): the route is not attached to it (Accepted: False, NoMatchingParent) and serves nothing through it.` +
          (near.length ? ` Did you mean ${near.join(' or ')}?` : ''),
        {
          related: [relatedAt(gateway, ['spec', 'listeners'], `listeners of Gateway ${p.namespace}/${p.name}`)],
          fixes: () => near.map((n) => ({ title: `Change to ${n}`, edits: [{ file: object.source.file, range: object.source.locate([...p.path, 'sectionName']), newText: n }] })),
        },
      );
    }
  },
};
