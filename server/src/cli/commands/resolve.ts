/**
 * `k8s-dns resolve NAME [TYPE] [--live …] [-f PATH...]`: the answer for a Service name, from the
 * manifests (like `query`) or, with `--live`, from the objects a cluster holds, with the drift
 * between the two when manifests are given. Exit 0 for any answer (NXDOMAIN too); 2 with one line
 * on stderr for a usage error or a failed live lookup.
 *
 * The user runs the CLI on purpose, so the kubeconfig is trusted: credential plugins may run.
 */
import { answerJson, formatAnswer, query, QUERY_TYPES, serviceKey, type Answer } from '../../dns';
import { DEFAULT_TIMEOUT_MS, type ClusterReader } from '../../live/client';
import { serviceDrift } from '../../live/drift';
import { LiveError } from '../../live/errors';
import { connectLive, resolveLive } from '../../live/resolveLive';
import { parseArgs, UsageError, value, type FlagSpec } from '../args';
import { loadInput } from '../load';
import { COMMON_FLAGS, configFrom, manifestPaths } from '../options';
import { parseServiceName, questionName } from '../serviceName';
import type { CommandIO } from './io';

const LIVE_VALUES = ['--kubeconfig', '--context', '--timeout'];

const RESOLVE_FLAGS: FlagSpec = {
  values: [...COMMON_FLAGS.values, ...LIVE_VALUES],
  switches: [...COMMON_FLAGS.switches, '--live'],
  repeat: COMMON_FLAGS.repeat ?? [],
};

/** The largest `--timeout` accepted: ten minutes. */
const MAX_TIMEOUT_MS = 600_000;

export async function resolveCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, RESOLVE_FLAGS);
  const [name, type = 'A', ...extra] = args.positional;
  if (!name) throw new UsageError('resolve needs a NAME, e.g. k8s-dns resolve quote.kiada --live');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
  const qtype = type.toUpperCase();
  if (!(QUERY_TYPES as readonly string[]).includes(qtype)) throw new UsageError(`unknown record type ${type} (one of ${QUERY_TYPES.join(', ')})`);
  const json = args.switches.has('--json');
  const config = configFrom(args);
  const paths = manifestPaths(args);
  // Checked before anything is read, so a typo never costs a round trip to the cluster.
  const parsed = parseServiceName(name, '');

  if (!args.switches.has('--live')) {
    const stray = LIVE_VALUES.find((f) => args.values.has(f));
    if (stray !== undefined) throw new UsageError(`${stray} needs --live`);
    const input = loadInput(paths, config);
    const n = parsed.namespace === '' ? { ...parsed, namespace: config.defaultNamespace } : parsed;
    const answer = query(input.cluster, questionName(n, config.zone), qtype);
    print(io, json, answer, 'manifests', `;; offline answer from the manifests (zone ${config.zone})`);
    return 0;
  }

  const timeoutText = value(args, '--timeout');
  const timeoutMs = timeoutText === undefined ? DEFAULT_TIMEOUT_MS : Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) throw new UsageError(`--timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`);

  let reader: ClusterReader | undefined;
  try {
    const kubeconfig = value(args, '--kubeconfig');
    const context = value(args, '--context');
    const connected = await connectLive({ trusted: true, timeoutMs, ...(kubeconfig !== undefined ? { kubeconfig } : {}), ...(context !== undefined ? { context } : {}) });
    reader = connected.reader;
    // In live mode the namespace of a bare name is the context's, as kubectl's.
    const namespace = value(args, '--namespace', '-n') ?? connected.kubeconfig.namespace;
    const n = parsed.namespace === '' ? { ...parsed, namespace } : parsed;
    const input = paths.length > 0 ? loadInput(paths, { ...config, defaultNamespace: namespace }) : undefined;
    const live = await resolveLive(reader, { namespace: n.namespace, name: n.service, fallback: config });
    const answer = query(live.cluster, questionName(n, live.dns.config.zone), qtype);
    const drift = input === undefined ? undefined : serviceDrift(input.cluster.services.get(serviceKey(n.namespace, n.service))?.service, live.state);
    print(io, json, answer, 'live', `;; live answer from context "${live.context}" (${live.server}); ${live.dns.origin}`, drift);
    return 0;
  } catch (e) {
    if (!(e instanceof LiveError)) throw e;
    io.err(`k8s-dns resolve: ${e.message.replace(/(?<!\s)\s*\n\s*/g, ' ')}`);
    return 2;
  } finally {
    await reader?.close();
  }
}

function print(io: CommandIO, json: boolean, answer: Answer, source: 'live' | 'manifests', header: string, drift?: readonly string[]): void {
  if (json) {
    io.out(JSON.stringify({ ...answerJson(answer), source, ...(drift !== undefined ? { drift } : {}) }));
    return;
  }
  const lines = [header, formatAnswer(answer)];
  if (drift !== undefined) lines.push('', ';; DRIFT (manifests vs cluster):', ...(drift.length > 0 ? drift.map((d) => `;;   ${d}`) : [';;   none']));
  io.out(lines.join('\n'));
}
