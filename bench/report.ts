/** Formatting of the bench's figures: durations, sizes, distributions, one line per figure. */

export const fmtMs = (ms: number | undefined): string => (ms === undefined || Number.isNaN(ms) ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const fmtMB = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`);
export const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);

export function percentile(xs: readonly number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const median = (xs: readonly number[]): number | undefined => percentile(xs, 50);

export function codeCounts(ds: readonly { code?: string | number }[]): string {
  const c = new Map<string, number>();
  for (const d of ds) c.set(String(d.code), (c.get(String(d.code)) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
}

export function dist(xs: readonly number[]): string {
  if (xs.length === 0) return 'n/a (no samples)';
  return `p50 ${fmtMs(percentile(xs, 50))}  p95 ${fmtMs(percentile(xs, 95))}  max ${fmtMs(Math.max(...xs))}  (n=${xs.length})`;
}

export const out = (s = ''): void => console.log(s);
/** One figure line: label, value, target. */
export const fig = (label: string, value: string, target = ''): void => out(`  ${label.padEnd(52)} ${value}${target ? `   [target: ${target}]` : ''}`);
export const note = (s: string): void => out(`    ${s}`);
