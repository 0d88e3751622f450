/** `k8s-dns check PATH... [--json] [--format sarif]`: the editor's diagnostics from the terminal. */
import { ALL_RULES, checkObjects, problemFindings, type Finding } from '../../checks';
import { checksObjects, reportedProblems } from '../../manifests';
import { parseArgs, UsageError, value } from '../args';
import { loadInput } from '../load';
import { LineOffsets } from '../../workspace/lineOffsets';
import { COMMON_FLAGS, configFrom, manifestPaths } from '../options';
import { toSarif } from '../sarif';
import type { CommandIO } from './io';

/** A finding with 1-based line/column positions, as the JSON output and SARIF carry it. */
export interface LocatedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Finding['severity'];
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

export function checkCommand(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, COMMON_FLAGS);
  const format = value(args, '--format') ?? (args.switches.has('--json') ? 'json' : 'text');
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError('--format must be text, json or sarif');
  const config = configFrom(args);
  const input = loadInput([...manifestPaths(args), ...args.positional], config);
  const treatment = (file: string) => input.treatments.get(file) ?? 'checked';
  const checked = input.files.filter((f) => checksObjects(treatment(f.file))).flatMap((f) => f.objects);
  const findings = [
    ...problemFindings(input.files.flatMap((f) => reportedProblems(treatment(f.file), f.problems))),
    ...checkObjects(checked, { config, cluster: input.cluster, textOf: (f) => input.texts.get(f) }, ALL_RULES),
  ];
  const indexes = new Map<string, LineOffsets>();
  const located: LocatedFinding[] = findings.map((f) => {
    let idx = indexes.get(f.file);
    if (!idx) indexes.set(f.file, (idx = new LineOffsets(input.texts.get(f.file) ?? '')));
    const s = idx.positionAt(f.range.start);
    const e = idx.positionAt(f.range.end);
    return {
      file: f.file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: f.severity,
      code: f.code,
      ...(f.field ? { field: f.field } : {}),
      message: f.message,
    };
  });
  located.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  if (format === 'json') io.out(JSON.stringify({ diagnostics: located }, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(located, ALL_RULES), null, 2));
  else {
    for (const f of located) io.out(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`);
    const count = (s: string): number => located.filter((f) => f.severity === s).length;
    io.err(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} note(s) in ${input.files.length} file(s)`);
  }
  return located.some((f) => f.severity === 'error') ? 1 : 0;
}
