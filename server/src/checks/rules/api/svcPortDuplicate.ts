import type { Rule } from '../../types';
import { duplicate, GoLiteral } from '../../validation/errors';
import { present } from '../../validation/raw';
import { at, fail, fieldOf, missing } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** The key the API server compares, printed as Go prints the struct. */
function portKey(protocol: string, port: number): GoLiteral {
  return new GoLiteral(
    `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
      'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  );
}

/** PORT-9: no two ports with the same port number and protocol. */
export const svcPortDuplicate: Rule = {
  code: 'svc-port-duplicate',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService (PORT-9)',
  description: 'Two entries of spec.ports must not have the same port and protocol.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const seen = new Map<string, number>();
    for (const p of serviceView(object).ports ?? []) {
      if (p.port === null || p.protocol === null) continue;
      const key = `${p.protocol}/${p.port}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, p.index);
        continue;
      }
      fail(
        report,
        present(p.raw, 'port') ? at([...p.path, 'port']) : missing(object.raw, p.path),
        fieldOf(p.path),
        duplicate(portKey(p.protocol, p.port)),
        `port ${p.port}/${p.protocol} is already listed as spec.ports[${first}]; remove one entry or change its port or protocol.`,
      );
    }
  },
};
