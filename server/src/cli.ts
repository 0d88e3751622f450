/**
 * `k8s-dns`: the engine from the terminal. Exit codes: 0 success, 1 `check` found errors,
 * 2 usage or I/O error (one line on stderr, never a stack trace).
 */
import { UsageError } from './cli/args';
import { checkCommand } from './cli/commands/check';
import type { CommandIO } from './cli/commands/io';
import { queryCommand } from './cli/commands/query';
import { recordsCommand } from './cli/commands/records';
import { resolveCommand } from './cli/commands/resolve';
import { zoneCommand } from './cli/commands/zone';
import { startServer } from './server';

const USAGE = `Usage: k8s-dns <command> [options]

Commands:
  records -f PATH...            every DNS record the manifests produce, with its source object
  query NAME [TYPE] -f PATH...  the answer CoreDNS would give (TYPE defaults to A)
  zone -f PATH...               the records as an RFC 1035 zone file
  check PATH...                 API-server validation and DNS warnings
  resolve NAME [TYPE] --live    the answer from a live cluster (NAME: svc, svc.ns or the FQDN);
                                with -f also the drift between the manifests and the cluster;
                                without --live, answers from -f like query
  lsp --stdio                   start the language server (any LSP editor)

Options:
  -f, --filename PATH           a manifest file or a folder (repeatable)
  --cluster-domain ZONE         the cluster domain (default cluster.local)
  -n, --namespace NS            namespace of objects that name none (default default)
  --pod-records MODE            disabled | insecure | verified (default insecure)
  --endpoint-pod-names          name endpoints after their pods
  --ignore-empty-service        NXDOMAIN for Services without ready endpoints
  --flavor coredns|kube-dns     which cluster DNS server answers (default coredns)
  --ttl N                       record TTL (default 30, as kubeadm's Corefile)
  --node-port-range A-B         check: the cluster's --service-node-port-range (default 30000-32767)
  --json                        machine-readable output
  --format text|json|sarif      output format of check
  --live                        resolve: read the cluster of a kubeconfig context (runs its credential plugins)
  --kubeconfig PATH             resolve: the kubeconfig (default KUBECONFIG, then ~/.kube/config)
  --context NAME                resolve: the context (default the current-context)
  --timeout MS                  resolve: bound on each API call (default 5000)`;

type Command = (argv: readonly string[], io: CommandIO) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  records: recordsCommand,
  query: queryCommand,
  zone: zoneCommand,
  check: checkCommand,
  resolve: resolveCommand,
  lsp: () => {
    // vscode-languageserver reads the transport (--stdio, --node-ipc, --socket=N) from argv.
    startServer();
    return new Promise<number>(() => undefined); // serves until the client exits
  },
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`k8s-dns: unknown command ${name} (try: records, query, zone, check, resolve, lsp)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`k8s-dns ${name}: ${e.message}`);
      return 2;
    }
    io.err(`k8s-dns ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (require.main === module) {
  const io: CommandIO = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // Exit once the output is flushed: a live lookup that timed out may leave a TLS handshake
      // pending (undici cannot abort one), which would hold the process for its 10 s connect timeout.
      process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
    },
    (e: unknown) => {
      process.stderr.write(`k8s-dns: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
