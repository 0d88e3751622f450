/**
 * Summarises V8 .cpuprofile files (from `node --cpu-prof`): the functions with the most self time
 * and the most inclusive time, mapped back to the TypeScript sources through out/*.js.map.
 *
 *   node --import tsx bench/profile.ts PROFILE.cpuprofile [--top N] [--grep TEXT] [--lines FUNCTION] [--phases phases.json]
 *
 * --lines prints the hot source lines of the functions whose label contains FUNCTION;
 * --phases (written by `bench/run.ts --profile DIR`) reports each measured phase of the process
 * separately (V8 profiles and process.hrtime share the monotonic clock).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  hitCount?: number;
  positionTicks?: { line: number; ticks: number }[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  readonly key: string;
  /** `name (file:line)` with the file relative to the repository. */
  readonly label: string;
  selfMs: number;
  totalMs: number;
}

const ROOT = join(__dirname, '..');
const maps = new Map<string, SourceMap | undefined>();
/** The folder of the profile being read: `bench/run.ts --profile` keeps the bundles it ran in `<folder>/build`. */
let profileDir = '.';

function sourceMapFor(url: string): SourceMap | undefined {
  if (maps.has(url)) return maps.get(url);
  let map: SourceMap | undefined;
  try {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const candidates = path ? [`${path}.map`, join(profileDir, 'build', `${basename(path)}.map`)] : [];
    const found = candidates.find((c) => existsSync(c));
    if (found) map = new SourceMap(JSON.parse(readFileSync(found, 'utf8')));
  } catch {
    map = undefined;
  }
  maps.set(url, map);
  return map;
}

function labelOf(f: CallFrame): string {
  const name = f.functionName || '(anonymous)';
  if (!f.url) return name;
  const map = sourceMapFor(f.url);
  if (map && f.lineNumber >= 0) {
    const e = map.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number };
    if (e && e.originalSource) {
      // esbuild writes sources relative to out/, where the bundle was built (the bench runs a copy).
      const src = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : join(ROOT, 'out', e.originalSource);
      return `${name} (${relative(ROOT, src)}:${(e.originalLine ?? 0) + 1})`;
    }
  }
  const file = f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url;
  const rel = relative(ROOT, file);
  return `${name} (${rel.startsWith('..') ? basename(file) : rel}:${f.lineNumber + 1})`;
}

/** Self and inclusive time per function (inclusive counts a function once per sample, even when recursive). */
export function summarize(profile: CpuProfile, window?: { startUs: number; endUs: number }): { costs: FunctionCost[]; totalMs: number } {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const costs = new Map<string, FunctionCost>();
  const keyOf = new Map<number, FunctionCost>();
  const costOf = (id: number): FunctionCost => {
    let c = keyOf.get(id);
    if (c) return c;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
    c = costs.get(key);
    if (!c) costs.set(key, (c = { key, label: labelOf(f), selfMs: 0, totalMs: 0 }));
    keyOf.set(id, c);
    return c;
  };
  let totalMs = 0;
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i] ?? 0;
    if (window && (ts < window.startUs || ts > window.endUs)) continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const id = profile.samples[i]!;
    costOf(id).selfMs += ms;
    const seen = new Set<FunctionCost>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const c = costOf(n);
      if (seen.has(c)) continue;
      seen.add(c);
      c.totalMs += ms;
    }
  }
  return { costs: [...costs.values()], totalMs };
}

/** A printable report: top functions by self time and by inclusive time. */
export function report(path: string, top = 25, grep?: string, window?: { startUs: number; endUs: number; phase: string }): string {
  profileDir = dirname(path);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const { costs, totalMs } = summarize(profile, window);
  const skip = (c: FunctionCost): boolean => /^\((root|program|idle|garbage collector)\)/.test(c.label) && c.totalMs === totalMs;
  const filter = (c: FunctionCost): boolean => !grep || c.label.includes(grep);
  const pct = (ms: number): string => `${((100 * ms) / totalMs).toFixed(1).padStart(5)}%`;
  const short = (l: string): string => (l.length > 120 ? `${l.slice(0, 117)}…` : l);
  const row = (c: FunctionCost, ms: number): string => `  ${ms.toFixed(0).padStart(8)} ms ${pct(ms)}  ${short(c.label)}`;
  const lines = [`${window ? `phase "${window.phase}" (${((window.endUs - window.startUs) / 1e6).toFixed(1)} s wall) of ` : ''}${basename(path)}: ${(totalMs / 1000).toFixed(1)} s sampled`];
  lines.push(' self time:');
  for (const c of [...costs].filter(filter).sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) lines.push(row(c, c.selfMs));
  lines.push(' inclusive time:');
  for (const c of [...costs].filter((c) => filter(c) && !skip(c)).sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) lines.push(row(c, c.totalMs));
  return lines.join('\n');
}

/** Self-time samples per source line of the functions whose label contains `fn` (hot lines inside a function). */
export function hotLines(path: string, fn: string, top = 15): string {
  profileDir = dirname(path);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const total = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0);
  const byLine = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    if (!labelOf(f).includes(fn)) continue;
    for (const t of n.positionTicks ?? []) {
      const map = sourceMapFor(f.url);
      const e = map?.findEntry(t.line - 1, 0) as { originalSource?: string; originalLine?: number } | undefined;
      // Unmapped lines are usually inlined Node internals (isIPv4, …).
      const where = e?.originalSource ? `${basename(e.originalSource)}:${(e.originalLine ?? 0) + 1}` : `(inlined, ${basename(f.url)}:${t.line})`;
      byLine.set(where, (byLine.get(where) ?? 0) + t.ticks);
    }
  }
  const lines = [`hot lines of ${fn} (share of all samples):`];
  for (const [where, ticks] of [...byLine].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${((100 * ticks) / total).toFixed(1).padStart(5)}%  ${where}`);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const grepAt = args.indexOf('--grep');
  const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
  const linesAt = args.indexOf('--lines');
  const fn = linesAt >= 0 ? args.splice(linesAt, 2)[1] : undefined;
  const phasesAt = args.indexOf('--phases');
  const phasesFile = phasesAt >= 0 ? args.splice(phasesAt, 2)[1] : undefined;
  const phases = phasesFile ? (JSON.parse(readFileSync(phasesFile, 'utf8')) as { pid: number; phase: string; startUs: number; endUs: number }[]) : [];
  for (const p of args) {
    if (fn) {
      console.log(hotLines(p, fn, top));
      continue;
    }
    // CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile
    const pid = Number(basename(p).split('.')[3]);
    const mine = phases.filter((x) => x.pid === pid);
    if (mine.length === 0) console.log(report(p, top, grep));
    for (const w of mine) console.log(report(p, top, grep, w));
  }
}
