/** `k8s-dns records -f PATH...`: every record the objects produce, with the object each comes from. */
import { allRecords, formatRecord, recordJson } from '../../dns';
import { parseArgs } from '../args';
import { loadInput } from '../load';
import { LineOffsets } from '../../workspace/lineOffsets';
import { COMMON_FLAGS, configFrom, manifestPaths } from '../options';
import type { CommandIO } from './io';

export function recordsCommand(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, COMMON_FLAGS);
  const input = loadInput([...manifestPaths(args), ...args.positional], configFrom(args));
  const lines = new Map<string, LineOffsets>();
  const where = (file: string, offset: number): { file: string; line: number } => {
    let idx = lines.get(file);
    if (!idx) lines.set(file, (idx = new LineOffsets(input.texts.get(file) ?? '')));
    return { file, line: idx.positionAt(offset).line + 1 };
  };
  const records = allRecords(input.cluster);
  if (args.switches.has('--json')) {
    const out = records.map((r) => {
      const o = r.origin;
      const src = o && o.source.file ? where(o.source.file, o.source.range.start) : undefined;
      return { ...recordJson(r), ...(o ? { object: { kind: o.kind, namespace: o.meta.namespace, name: o.meta.name, ...src } } : {}) };
    });
    io.out(JSON.stringify({ records: out }, null, 2));
    return 0;
  }
  for (const r of records) {
    const o = r.origin;
    const src = o && o.source.file ? where(o.source.file, o.source.range.start) : undefined;
    io.out(`${formatRecord(r)}${o ? `    ; ${o.kind} ${o.meta.namespace}/${o.meta.name}${src ? ` (${src.file}:${src.line})` : ''}` : ''}`);
  }
  return 0;
}
