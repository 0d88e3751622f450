/** The flags every command shares: where manifests are, and how the cluster DNS is configured. */
import { makeConfig, type ClusterConfig, type DnsFlavor, type PodRecordsMode } from '../dns';
import { parsePortRange } from '../checks/validation/nodePorts';
import { UsageError, value, values, type FlagSpec, type ParsedArgs } from './args';

export const COMMON_FLAGS: FlagSpec = {
  values: ['-f', '--filename', '--cluster-domain', '--namespace', '-n', '--pod-records', '--flavor', '--ttl', '--format', '--node-port-range'],
  switches: ['--json', '--endpoint-pod-names', '--ignore-empty-service', '--help', '-h'],
  repeat: ['-f', '--filename'],
};

const POD_MODES: readonly PodRecordsMode[] = ['disabled', 'insecure', 'verified'];
const FLAVORS: readonly DnsFlavor[] = ['coredns', 'kube-dns'];

export function configFrom(args: ParsedArgs): ClusterConfig {
  const podRecords = value(args, '--pod-records') ?? 'insecure';
  if (!POD_MODES.includes(podRecords as PodRecordsMode)) throw new UsageError(`--pod-records must be one of ${POD_MODES.join(', ')}`);
  const flavor = value(args, '--flavor') ?? 'coredns';
  if (!FLAVORS.includes(flavor as DnsFlavor)) throw new UsageError(`--flavor must be coredns or kube-dns`);
  const ttlText = value(args, '--ttl');
  const ttl = ttlText === undefined ? undefined : Number(ttlText);
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) throw new UsageError('--ttl must be a whole number from 0 to 3600');
  const zone = value(args, '--cluster-domain');
  if (zone !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\.?$/i.test(zone)) {
    throw new UsageError(`--cluster-domain ${zone} is not a DNS name`);
  }
  const rangeText = value(args, '--node-port-range');
  const nodePortRange = rangeText === undefined ? undefined : parsePortRange(rangeText);
  if (rangeText !== undefined && !nodePortRange) throw new UsageError(`--node-port-range ${rangeText} is not a port range like 30000-32767`);
  const ns = value(args, '--namespace', '-n');
  return makeConfig({
    ...(zone ? { zone } : {}),
    ...(ns ? { defaultNamespace: ns } : {}),
    podRecords: podRecords as PodRecordsMode,
    flavor: flavor as DnsFlavor,
    endpointPodNames: args.switches.has('--endpoint-pod-names'),
    ignoreEmptyService: args.switches.has('--ignore-empty-service'),
    ...(ttl !== undefined ? { ttl } : {}),
    ...(nodePortRange ? { nodePortRange } : {}),
  });
}

export function manifestPaths(args: ParsedArgs): string[] {
  return values(args, '-f', '--filename');
}
