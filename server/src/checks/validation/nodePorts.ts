/**
 * The node-port allocator's view of one Service (alloc.go `initNodePorts`, service-validation.md
 * NP-3/NP-4). Entries with the same `port` share one node port (53/TCP + 53/UDP); any other reuse
 * of a node port within the Service is refused, as is a port outside the allocator's range.
 */
import type { PortRange } from '../../dns/config';
import type { PortView } from './service';

/** The default `--service-node-port-range`, first port. */
export const NODE_PORT_MIN = 30000;
/** The default `--service-node-port-range`, last port. */
export const NODE_PORT_MAX = 32767;

/** The default `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE: PortRange = { min: NODE_PORT_MIN, max: NODE_PORT_MAX };

/**
 * Reads a port range as kube-apiserver reads `--service-node-port-range` (apimachinery
 * `net.ParsePortRange`): `30000-32767`, `30000+2767` (base and size) or a single port; both ends
 * in 1–65535 and in order. `undefined` when the text is none of these.
 */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^\s*(\d{1,5})\s*(?:([-+])\s*(\d{1,5})\s*)?$/.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[2] === '-' ? Number(m[3]) : min + Number(m[3]);
  if (min < 1 || max > 65535 || max < min) return undefined;
  return { min, max };
}

/** `30000-32767`. */
export function formatPortRange(r: PortRange): string {
  return `${r.min}-${r.max}`;
}

/** A node port the allocator refuses, at the entry being processed. */
export interface NodePortRefusal {
  readonly index: number;
  /** The entry that wrote the value (an earlier entry may request a later entry's node port). */
  readonly writer: number;
  readonly value: number;
  readonly reason: 'range' | 'taken';
  /** For `taken`: the entry that took the node port first. */
  readonly owner?: number;
}

/**
 * Replays `initNodePorts`. `allocateAll` is false for a LoadBalancer with
 * `allocateLoadBalancerNodePorts: false` (requested node ports are still honoured).
 */
export function replayNodePorts(ports: readonly PortView[], allocateAll: boolean, range: PortRange = DEFAULT_NODE_PORT_RANGE): NodePortRefusal[] {
  const out: NodePortRefusal[] = [];
  const byServicePort = new Map<number, number>();
  const used = new Map<number, number>();
  const take = (index: number, writer: number, value: number): void => {
    if (value < range.min || value > range.max) out.push({ index, writer, value, reason: 'range' });
    else if (used.has(value)) out.push({ index, writer, value, reason: 'taken', owner: used.get(value)! });
    else used.set(value, writer);
  };
  for (const p of ports) {
    if (p.port === null || p.nodePort === null) continue;
    if (p.nodePort === 0 && !allocateAll) continue;
    const assigned = byServicePort.get(p.port);
    if (assigned === undefined) {
      // The first entry with this port and a requested node port decides for all of them.
      const requester = ports.find((q) => q.port === p.port && typeof q.nodePort === 'number' && q.nodePort !== 0);
      if (requester) {
        take(p.index, requester.index, requester.nodePort!);
        byServicePort.set(p.port, requester.nodePort!);
      } else {
        byServicePort.set(p.port, 0); // allocated automatically: never refused
      }
    } else if (p.nodePort !== 0 && p.nodePort !== assigned) {
      take(p.index, p.index, p.nodePort);
    }
  }
  return out;
}
