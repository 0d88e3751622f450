import type { Rule } from '../../types';
import { forbidden } from '../../validation/errors';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** NP-1: a ClusterIP Service has no node ports. */
export const svcNodePortClusterIP: Rule = {
  code: 'svc-node-port-cluster-ip',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (NP-1)',
  description: 'nodePort may not be set on a Service of type ClusterIP.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    if (v.type !== 'ClusterIP') return;
    for (const p of v.ports ?? []) {
      if (!p.nodePort) continue;
      const path = [...p.path, 'nodePort'];
      fail(
        report,
        at(path),
        fieldOf(path),
        forbidden("may not be used when `type` is 'ClusterIP'"),
        'remove nodePort, or set type: NodePort (or LoadBalancer).',
      );
    }
  },
};
