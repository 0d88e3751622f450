/** The check both backend-port rules run: the port a backend names is not one of the Service's. */
import type { KubeObject, ServicePort } from '../../../manifests/types';
import type { BackendRef } from '../../../refs/backends';
import type { CheckContext, Reporter } from '../../types';
import { relatedAt } from '../dns/describe';
import { brokenTraffic, referrer, serviceBackends, targetOf } from './backendTarget';

function describePort(p: ServicePort): string {
  return p.name ? `${p.port} (${p.name})` : String(p.port);
}

/** The protocol a route's traffic uses (a UDPRoute's is UDP, the others' TCP); none for an Ingress. */
function routeProtocol(ref: BackendRef): string | undefined {
  if (ref.role === 'ingress') return undefined;
  return ref.object.kind === 'UDPRoute' ? 'UDP' : 'TCP';
}

/** Why the written port is not one of `ports`, with the likely mix-up, or `undefined` when it is. */
function mismatch(ref: BackendRef, ports: readonly ServicePort[]): string | undefined {
  const port = ref.port!;
  if (port.number !== undefined) {
    const same = ports.filter((p) => p.port === port.number);
    const protocol = routeProtocol(ref);
    if (same.length > 0 && (!protocol || same.some((p) => p.protocol === protocol))) return undefined;
    if (same.length > 0) return `Port ${port.number} of Service ${ref.namespace}/${ref.name} is ${same.map((p) => p.protocol).join('/')}, but a ${ref.object.kind} carries ${protocol}.`;
    const target = ports.find((p) => p.targetPort === port.number);
    const hint = target ? ` ${port.number} is the targetPort of port ${describePort(target)}: ${ref.role === 'ingress' ? 'port.number' : 'port'} names the Service port, not the pod's.` : '';
    return `Service ${ref.namespace}/${ref.name} has no port ${port.number}.${hint}`;
  }
  if (ports.some((p) => p.name === port.name)) return undefined;
  const target = ports.find((p) => p.targetPort === port.name);
  const hint = target ? ` ${port.name} is the targetPort (a container port name) of port ${describePort(target)}: port.name names a Service port.` : '';
  return `Service ${ref.namespace}/${ref.name} has no port named ${port.name}.${hint}`;
}

/**
 * Error on a backend port (number or name) the Service does not expose. Not for ExternalName
 * Services (their ports are informational) nor Services without ports (other rules speak of them).
 */
export function checkBackendPorts(object: KubeObject, ctx: CheckContext, report: Reporter): void {
  for (const ref of serviceBackends(object)) {
    if (!ref.port) continue;
    const entry = targetOf(ctx.cluster, ref, report);
    if (!entry || entry.externalName) continue;
    const ports = entry.service.spec.ports;
    if (ports.length === 0) continue;
    const why = mismatch(ref, ports);
    if (!why) continue;
    report.at(ref.port.path, `${why} It exposes ${ports.map(describePort).join(', ')}; for this backend of ${referrer(ref)}, ${brokenTraffic(ref)}.`, {
      related: [relatedAt(entry.service, ['spec', 'ports'], `ports of Service ${ref.namespace}/${ref.name}`)],
      fixes: () => {
        if (ports.length !== 1) return [];
        const only = ports[0]!;
        const text = ref.port!.number !== undefined ? String(only.port) : only.name;
        if (text === undefined) return [];
        return [{ title: `Change to ${text}`, edits: [{ file: object.source.file, range: object.source.locate(ref.port!.path), newText: text }] }];
      },
    });
  }
}
