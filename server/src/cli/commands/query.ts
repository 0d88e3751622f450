/** `k8s-dns query NAME [TYPE] -f PATH...`: the answer CoreDNS (or kube-dns) would give. */
import { answerJson, formatAnswer, query, QUERY_TYPES } from '../../dns';
import { parseArgs, UsageError } from '../args';
import { loadInput } from '../load';
import { COMMON_FLAGS, configFrom, manifestPaths } from '../options';
import type { CommandIO } from './io';

export function queryCommand(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, COMMON_FLAGS);
  const [name, type = 'A', ...extra] = args.positional;
  if (!name) throw new UsageError('query needs a NAME, e.g. k8s-dns query quote.kiada.svc.cluster.local A -f examples');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const t = type.toUpperCase();
  if (!(QUERY_TYPES as readonly string[]).includes(t)) throw new UsageError(`unknown record type ${type} (one of ${QUERY_TYPES.join(', ')})`);
  const input = loadInput(manifestPaths(args), configFrom(args));
  const answer = query(input.cluster, name, t);
  io.out(args.switches.has('--json') ? JSON.stringify(answerJson(answer)) : formatAnswer(answer));
  return 0;
}
