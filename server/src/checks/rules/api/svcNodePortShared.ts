import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { replayNodePorts } from '../../validation/nodePorts';
import { optBool } from '../../validation/raw';
import { at, fail } from '../../validation/report';
import { serviceView } from '../../validation/service';

/**
 * NP-4 (within one Service): the node-port allocator lets entries share a nodePort only when they
 * have the same `port` (53/TCP + 53/UDP). Clashes with other Services need the cluster's state and
 * are not checked.
 */
export const svcNodePortShared: Rule = {
  code: 'svc-node-port-shared',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'alloc.go initNodePorts (NP-4)',
  description: 'Ports of a Service may share a nodePort only when they have the same port number (e.g. 53/TCP and 53/UDP).',
  kinds: ['Service'],
  check(object, ctx, report) {
    const v = serviceView(object);
    if ((v.type !== 'NodePort' && v.type !== 'LoadBalancer') || !v.ports) return;
    const allocateAll = v.type === 'NodePort' || optBool(v.spec['allocateLoadBalancerNodePorts']) !== false;
    for (const r of replayNodePorts(v.ports, allocateAll, ctx.config.nodePortRange)) {
      if (r.reason !== 'taken') continue;
      const owner = v.ports.find((p) => p.index === r.owner);
      fail(
        report,
        at(['spec', 'ports', r.writer, 'nodePort']),
        `spec.ports[${r.index}].nodePort`,
        invalid(r.value, ['provided port is already allocated']),
        `spec.ports[${r.owner}] already takes nodePort ${r.value} for port ${owner?.port ?? '?'}; entries may share a nodePort only when they have the same port (e.g. 53/TCP and 53/UDP).`,
      );
    }
  },
};
