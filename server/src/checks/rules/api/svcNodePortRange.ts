import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { NODE_PORT_MAX, NODE_PORT_MIN } from '../../validation/nodePorts';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/**
 * NP-3: the allocator refuses a nodePort outside `--service-node-port-range`. The range is a
 * cluster setting, so this is a warning naming the default, 30000-32767.
 */
export const svcNodePortRange: Rule = {
  code: 'svc-node-port-range',
  defaultSeverity: 'warning',
  source: 'api-server',
  reference: 'alloc.go initNodePorts; portallocator/allocator.go (NP-3, default --service-node-port-range)',
  description:
    'A nodePort outside the default node-port range 30000-32767 is refused unless the cluster sets a wider --service-node-port-range.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'NodePort' && v.type !== 'LoadBalancer') return;
    for (const p of v.ports ?? []) {
      if (!p.nodePort || (p.nodePort >= NODE_PORT_MIN && p.nodePort <= NODE_PORT_MAX)) continue;
      const path = [...p.path, 'nodePort'];
      fail(
        report,
        at(path),
        fieldOf(path),
        invalid(p.nodePort, [`provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`]),
        `pick a nodePort in ${NODE_PORT_MIN}-${NODE_PORT_MAX} (the default --service-node-port-range; your cluster may differ), or leave it out to get one assigned.`,
      );
    }
  },
};
