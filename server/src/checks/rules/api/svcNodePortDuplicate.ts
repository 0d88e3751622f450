import type { Rule } from '../../types';
import { duplicate } from '../../validation/errors';
import { at, fail, fieldOf } from '../../validation/report';
import { serviceView, type PortView } from '../../validation/service';

/**
 * NP-2: no two entries with the same protocol and nodePort. On NodePort and LoadBalancer Services
 * the allocator refuses a node port shared by different `port`s first (NP-4, svc-node-port-shared),
 * so this rule leaves those pairs to that one.
 */
export const svcNodePortDuplicate: Rule = {
  code: 'svc-node-port-duplicate',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (NP-2)',
  description: 'Two ports of a Service must not use the same nodePort with the same protocol.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const v = serviceView(object);
    const allocated = v.type === 'NodePort' || v.type === 'LoadBalancer';
    const seen = new Map<string, PortView>();
    for (const p of v.ports ?? []) {
      if (!p.nodePort || p.protocol === null) continue;
      const key = `${p.protocol}/${p.nodePort}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, p);
        continue;
      }
      if (allocated && first.port !== p.port) continue;
      const path = [...p.path, 'nodePort'];
      fail(
        report,
        at(path),
        fieldOf(path),
        duplicate(p.nodePort),
        `spec.ports[${first.index}] already uses nodePort ${p.nodePort}/${p.protocol}; remove the duplicate entry or pick another nodePort.`,
      );
    }
  },
};
