import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { DEFAULT_NODE_PORT_RANGE, formatPortRange } from '../../validation/nodePorts';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/**
 * NP-3: the allocator refuses a nodePort outside `--service-node-port-range`. The range is a
 * cluster setting, which the user states in `k8sDns.nodePortRange` (CLI `--node-port-range`): an
 * error, naming the range it assumed.
 */
export const svcNodePortRange: Rule = {
  code: 'svc-node-port-range',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'alloc.go initNodePorts; portallocator/allocator.go (NP-3, --service-node-port-range)',
  description:
    'A nodePort outside the node-port range (k8sDns.nodePortRange, default 30000-32767, as kube-apiserver --service-node-port-range) is refused.',
  kinds: ['Service'],
  check(object, ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'NodePort' && v.type !== 'LoadBalancer') return;
    const range = ctx.config.nodePortRange;
    const text = formatPortRange(range);
    const isDefault = range.min === DEFAULT_NODE_PORT_RANGE.min && range.max === DEFAULT_NODE_PORT_RANGE.max;
    const which = isDefault
      ? 'the default --service-node-port-range; if your cluster sets another, say so in k8sDns.nodePortRange'
      : 'k8sDns.nodePortRange, your cluster\'s --service-node-port-range';
    for (const p of v.ports ?? []) {
      if (!p.nodePort || (p.nodePort >= range.min && p.nodePort <= range.max)) continue;
      const path = [...p.path, 'nodePort'];
      fail(
        report,
        at(path),
        fieldOf(path),
        invalid(p.nodePort, [`provided port is not in the valid range. The range of valid ports is ${text}`]),
        `pick a nodePort in ${text} (${which}), or leave it out to get one assigned.`,
      );
    }
  },
};
