/** route-parent-gateway-missing: a parentRef names a Gateway the workspace does not hold. */
import { groupKind } from '../../../manifests/apiGroups';
import { gatewaysNamed, parentRefs } from '../../../refs/gatewayRefs';
import { GATEWAY_GROUP, ROUTE_KINDS } from '../../../refs/routeKinds';
import type { Rule } from '../../types';
import { hasPlaceholder } from '../../validation/placeholder';

/**
 * Info only: Gateways are often shared and deployed from another repository, so a Gateway
 * missing from the workspace is a hint (a typo, or a route attached to nothing), never an error.
 */
export const routeParentGatewayMissing: Rule = {
  code: 'route-parent-gateway-missing',
  defaultSeverity: 'info',
  source: 'gateway-api',
  reference:
    'gateway-api apis/v1 shared_types.go ParentReference (group gateway.networking.k8s.io and kind Gateway by default, namespace the route’s); a route whose parents do not exist is not attached (Accepted: False) and serves nothing',
  description: 'A route’s parentRef names a Gateway that is not in the workspace (the route serves traffic only through a Gateway that exists and accepts it).',
  kinds: ROUTE_KINDS,
  check(object, ctx, report) {
    for (const p of parentRefs(object)) {
      if (p.kind !== 'Gateway' || p.group !== GATEWAY_GROUP || hasPlaceholder(p.name) || hasPlaceholder(p.namespace)) continue;
      report.watch({ identity: `${groupKind('Gateway', `${GATEWAY_GROUP}/v1`)}/${p.namespace}/${p.name}` });
      if (gatewaysNamed(ctx.cluster, p.namespace, p.name).length > 0) continue;
      report.at(
        p.namePath,
        `No Gateway ${p.name} in namespace ${p.namespace} is in the workspace: the route is attached only if the cluster holds it${p.namespace === object.meta.namespace ? ' (parentRefs default to the route’s own namespace: set namespace if the Gateway lives elsewhere)' : ''}.`,
      );
    }
  },
};
