/**
 * "Complete diagnostics" for the bench: the server sends no signal when all of a file's checks
 * are done, and a large file gets an early syntax-only publish, so a publish is taken as complete
 * when its diagnostics are the ones a fresh `k8s-dns check` of the same paths reports for that file
 * (same start lines and codes, as a multiset). That works with any server, however it schedules
 * its work, and cannot be fooled by an early or a partial publish, nor by a pause between slices.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';

export interface Reference {
  /** Diagnostics of the file in the CLI's report. */
  readonly count: number;
  /** Sorted `line:code` (1-based lines) of each. */
  readonly signature: string;
  readonly codes: ReadonlyMap<string, number>;
  /** How long the CLI took. */
  readonly ms: number;
}

const signatureOf = (items: readonly { line: number; code: string }[]): string =>
  items
    .map((d) => `${d.line}:${d.code}`)
    .sort()
    .join('\n');

function countCodes(codes: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** Runs `node cli check PATHS --format json` and keeps the diagnostics of `file`. */
export function cliReference(cli: string, paths: readonly string[], file: string, timeoutMs: number): Reference | { error: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'check', ...paths, '--format', 'json'], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.error || r.signal) return { error: r.error?.message ?? `killed by ${r.signal} after ${(ms / 1000).toFixed(0)} s` };
  // Exit 1 means "errors found": a normal outcome of check.
  if (r.status !== 0 && r.status !== 1) return { error: `exit ${r.status}: ${(r.stderr ?? '').trim().slice(0, 300)}` };
  let parsed: { diagnostics: { file: string; line: number; code: string }[] };
  try {
    parsed = JSON.parse(r.stdout) as typeof parsed;
  } catch (e) {
    return { error: `unreadable JSON from check: ${e instanceof Error ? e.message : String(e)}` };
  }
  const target = resolve(file);
  const mine = parsed.diagnostics.filter((d) => resolve(d.file) === target);
  return { count: mine.length, signature: signatureOf(mine), codes: countCodes(mine.map((d) => d.code)), ms };
}

/** Whether a publish carries exactly the reference's diagnostics (start line and code). */
export function matchesReference(diagnostics: readonly Diagnostic[], ref: Reference): boolean {
  if (diagnostics.length !== ref.count) return false;
  return signatureOf(diagnostics.map((d) => ({ line: d.range.start.line + 1, code: String(d.code) }))) === ref.signature;
}

/** How a publish differs from the reference, by code (for a mismatch that never resolves). */
export function differenceFromReference(diagnostics: readonly Diagnostic[], ref: Reference): string {
  const got = countCodes(diagnostics.map((d) => String(d.code)));
  const parts: string[] = [];
  for (const code of new Set([...got.keys(), ...ref.codes.keys()])) {
    const d = (got.get(code) ?? 0) - (ref.codes.get(code) ?? 0);
    if (d) parts.push(`${code} ${d > 0 ? '+' : ''}${d}`);
  }
  return parts.length ? `published − CLI by code: ${parts.join(', ')}` : `same codes and counts as the CLI, on other lines`;
}
