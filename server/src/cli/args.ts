/** A small, strict argument parser: unknown flags are usage errors, never ignored. */

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value (`--namespace NS`, `-f PATH`), by every spelling. */
  readonly values: readonly string[];
  /** Flags that are switches (`--json`). */
  readonly switches: readonly string[];
  /** Flags that may repeat (their values are collected). */
  readonly repeat?: readonly string[];
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly values: Map<string, string[]>;
  readonly switches: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (spec.values.includes(arg)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      const list = values.get(arg) ?? [];
      if (list.length && !spec.repeat?.includes(arg)) throw new UsageError(`${arg} given twice`);
      list.push(v);
      values.set(arg, list);
    } else if (spec.switches.includes(arg)) {
      switches.add(arg);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, values, switches };
}

/** The single value of a flag, or `undefined`. */
export function value(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.values.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}

/** Every value of a repeatable flag, across its spellings. */
export function values(args: ParsedArgs, ...names: string[]): string[] {
  return names.flatMap((n) => args.values.get(n) ?? []);
}
