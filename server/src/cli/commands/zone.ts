/** `k8s-dns zone -f PATH...`: the records as an RFC 1035 zone file (with SOA and NS). */
import { zoneFile } from '../../dns';
import { parseArgs } from '../args';
import { loadInput } from '../load';
import { COMMON_FLAGS, configFrom, manifestPaths } from '../options';
import type { CommandIO } from './io';

export function zoneCommand(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, { ...COMMON_FLAGS, values: [...COMMON_FLAGS.values, '--ns-address'] });
  const input = loadInput([...manifestPaths(args), ...args.positional], configFrom(args));
  const ns = args.values.get('--ns-address')?.[0];
  io.out(zoneFile(input.cluster, ns ? { nsAddress: ns } : {}).trimEnd());
  return 0;
}
