/** route-backend-not-permitted: a backendRef into another namespace that no ReferenceGrant allows. */
import { backendRefs, type BackendRef } from '../../../refs/backends';
import { grantAllows, grantsIn } from '../../../refs/gatewayRefs';
import { GATEWAY_GROUP, ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { hasPlaceholder } from '../../validation/placeholder';
import { relatedAt } from '../dns/describe';
import { brokenTraffic, referrer } from './backendTarget';

/** The `spec` of the ReferenceGrant that would allow `ref`, in flow style. */
function grantSpec(ref: BackendRef): { from: string; to: string } {
  const route = ref.object;
  return {
    from: `[{group: ${GATEWAY_GROUP}, kind: ${route.kind}, namespace: ${route.meta.namespace}}]`,
    to: `[{group: "${ref.group}", kind: ${ref.kind}, name: ${ref.name}}]`,
  };
}

/** The ReferenceGrant document that would allow `ref`, to append to a file. */
function grantDocument(ref: BackendRef): string {
  const { from, to } = grantSpec(ref);
  const route = ref.object;
  return [
    '---',
    'apiVersion: gateway.networking.k8s.io/v1beta1',
    'kind: ReferenceGrant',
    'metadata:',
    `  name: ${route.meta.namespace}-${route.kind.toLowerCase()}s-to-${ref.name}`,
    `  namespace: ${ref.namespace}`,
    'spec:',
    `  from: ${from}`,
    `  to: ${to}`,
    '',
  ].join('\n');
}

/**
 * Error on a cross-namespace backendRef where the workspace describes the target namespace (holds
 * objects of it) and no ReferenceGrant there allows the route's kind from its namespace; info
 * where it holds nothing of that namespace (the grant may be deployed with it, by its owner).
 */
export const routeBackendNotPermitted: Rule = {
  code: 'route-backend-not-permitted',
  defaultSeverity: 'error',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go BackendObjectReference.Namespace ("a ReferenceGrant object is required in the referent namespace"); apis/v1beta1 referencegrant_types.go; GEP-709; RouteReasonRefNotPermitted',
  description:
    'A backendRef to another namespace needs a ReferenceGrant in that namespace whose `from` names the route’s kind and namespace and whose `to` names the backend’s group and kind (and name, if given); an info when the workspace holds nothing of that namespace.',
  kinds: ROUTE_KINDS,
  check(object, ctx, report) {
    const { cluster } = ctx;
    for (const ref of backendRefs(object)) {
      if (ref.namespace === object.meta.namespace || hasPlaceholder(ref.namespace) || hasPlaceholder(ref.name)) continue;
      // Grants are read from the whole namespace: any object coming or going there may be one.
      report.watch({ objectsIn: ref.namespace });
      const grants = grantsIn(cluster, ref.namespace);
      if (grants.some((g) => grantAllows(g, ref))) continue;
      const known = cluster.namespacesWithObjects.has(ref.namespace);
      const others = grants.length
        ? ` The ReferenceGrant${grants.length > 1 ? 's' : ''} there (${grants.map((g) => g.object.meta.name).join(', ')}) allow${grants.length > 1 ? '' : 's'} other referrers or targets.`
        : '';
      const target = `${ref.kind === 'Service' && ref.group === '' ? 'Service' : `${ref.kind}${ref.group ? `.${ref.group}` : ''}`} ${ref.namespace}/${ref.name}`;
      const message = known
        ? `No ReferenceGrant in namespace ${ref.namespace} lets ${ref.object.kind}s of namespace ${object.meta.namespace} refer to ${target}: ${brokenTraffic(ref)} (reason RefNotPermitted).${others} Add a ReferenceGrant to ${ref.namespace} with from: ${grantSpec(ref).from}, to: ${grantSpec(ref).to}.`
        : `${target} is in another namespace, which the workspace holds nothing of: its owner must allow ${referrer(ref)} with a ReferenceGrant in ${ref.namespace}, or ${brokenTraffic(ref)} (RefNotPermitted).`;
      report.at(ref.namespacePath ?? ref.namePath, message, {
        ...(known ? {} : { severity: 'info' as const }),
        fixes: () => {
          const text = ctx.textOf?.(object.source.file);
          if (!known || text === undefined) return [];
          const end = text.length;
          const sep = end > 0 && text.slice(end - 1, end) !== '\n' ? '\n' : '';
          return [{ title: `Add a ReferenceGrant in namespace ${ref.namespace} (to this file)`, edits: [{ file: object.source.file, range: { start: end, end }, newText: sep + grantDocument(ref) }] }];
        },
        ...(grants.length ? { related: grants.map((g) => relatedAt(g.object, ['spec'], `ReferenceGrant ${g.object.meta.name} in ${ref.namespace}`)) } : {}),
      });
    }
  },
};
