// `npm test`: brings the system prerequisites (scripts/prerequisites.mjs), then runs every ring in
// order and ends with one summary table: each ring's test count, passed/failed/skipped, time.
//
// The rings are `build`, then every `test:<ring>` script of package.json in the order written
// there: adding a ring is adding its `test:<ring>` script (one line). Each ring still runs alone
// with `npm run test:<ring>`. Counts come from a TAP copy of node:test's results (run-tests.mjs
// writes it when K8S_DNS_TAP_FILE is set), or from a ring's closing `N passed, N failed` line (e2e).
//
// K8S_DNS_SKIP=name,name opts out of rings (or of parts of rings, such as `kubectl` in `live`):
// they are not run, their packages are not installed, and the summary says so. Without it, a ring
// whose tool is missing fails. Exit code 1 when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageList, skippedNames } from './prerequisites.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const RINGS = [
  { name: 'build', script: 'build', counted: false },
  ...Object.keys(pkg.scripts)
    .filter((s) => s.startsWith('test:'))
    .map((s) => ({ name: s.slice('test:'.length), script: s, counted: true })),
];

const skipped = skippedNames();
const known = new Set([...RINGS.map((r) => r.name), ...readPackageList().flatMap((e) => [e.ring, e.part ?? e.ring])]);
const unknown = [...skipped].filter((s) => !known.has(s));
if (unknown.length > 0) {
  console.error(`K8S_DNS_SKIP names no ring or part: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  process.exit(1);
}

/** Runs a command with its output shown as it comes; resolves its exit code and the tail of its stdout. */
function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['inherit', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-65_536);
    });
    child.on('error', (e) => resolve({ code: 1, tail: String(e) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), tail }));
  });
}

/** The counts of a node:test TAP file: its closing `# tests N` … lines, and the reasons of skipped tests. */
function tapCounts(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length > 0 ? Number(all[all.length - 1][1]) : undefined;
  };
  const tests = count('tests');
  if (tests === undefined) return undefined;
  const reasons = new Map();
  for (const m of text.matchAll(/^\s*ok \d+ - .*# SKIP(.*)$/gm)) {
    const why = m[1].trim() || 'skipped';
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  // The failing tests without failing subtests (a suite fails with its subtest: name the subtest).
  // TAP gives a test's subtests before its own line: a result line right after deeper ones is a parent's.
  const failing = [];
  let previousDepth = -1;
  for (const m of text.matchAll(/^( *)(not )?ok \d+ - (.*)$/gm)) {
    const depth = m[1].length;
    if (m[2] && previousDepth <= depth) failing.push(m[3].replace(/ # (?:SKIP|TODO).*$/, ''));
    previousDepth = depth;
  }
  return {
    failing,
    tests,
    pass: count('pass') ?? 0,
    fail: (count('fail') ?? 0) + (count('cancelled') ?? 0),
    skip: (count('skipped') ?? 0) + (count('todo') ?? 0),
    reasons,
  };
}

/** The counts of a ring that prints `N passed, N failed[, N skipped]` (test/e2e/extension.e2e.ts). */
function lineCounts(tail) {
  const all = [...tail.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)];
  if (all.length === 0) return undefined;
  const m = all[all.length - 1];
  const [pass, fail, skip] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return { tests: pass + fail + skip, pass, fail, skip, reasons: new Map() };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = [];
const tapDir = mkdtempSync(join(tmpdir(), 'k8s-dns-test-'));
let failed = false;
try {
  const t0 = Date.now();
  const pre = spawnSync(process.execPath, [join(ROOT, 'scripts/prerequisites.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (pre.status !== 0) process.exit(1);
  rows.push({ name: 'prerequisites', result: 'ok', ms: Date.now() - t0 });

  for (const ring of RINGS) {
    if (skipped.has(ring.name)) {
      rows.push({ name: ring.name, result: 'skipped', note: `opted out: K8S_DNS_SKIP=${ring.name}` });
      continue;
    }
    if (failed && rows.some((r) => r.name === 'build' && r.result === 'FAIL')) {
      rows.push({ name: ring.name, result: 'FAIL', note: 'not run: the build failed' });
      continue;
    }
    console.log(`\n=== ${ring.name} (npm run ${ring.script}) ===`);
    const tap = join(tapDir, `${ring.name}.tap`);
    const start = Date.now();
    const { code, tail } = await run('npm', ['run', '--silent', ring.script], { K8S_DNS_TAP_FILE: tap });
    const ms = Date.now() - start;
    const counts = ring.counted ? (tapCounts(tap) ?? lineCounts(tail)) : undefined;
    let result = 'pass';
    let note = '';
    if (code !== 0 || (counts && counts.fail > 0)) result = 'FAIL';
    else if (ring.counted && (!counts || counts.tests === 0)) [result, note] = ['FAIL', 'ran no test'];
    else if (counts && counts.skip === counts.tests) result = 'skipped';
    if (counts && counts.skip > 0) note = [...counts.reasons].map(([why, n]) => `${n} skipped: ${why}`).join('; ');
    if (result === 'FAIL' && counts?.failing?.length) note = `failing: ${counts.failing.slice(0, 3).join('; ')}${counts.failing.length > 3 ? '; …' : ''}`;
    if (result === 'FAIL' && !note) note = `exit code ${code}`;
    failed ||= result === 'FAIL';
    rows.push({ name: ring.name, result, ms, note, ...counts });
  }
} finally {
  rmSync(tapDir, { recursive: true, force: true });
}

const cell = (v) => (v === undefined ? '-' : String(v));
const table = [
  ['ring', 'tests', 'pass', 'fail', 'skip', 'result', 'time', ''],
  ...rows.map((r) => [r.name, cell(r.tests), cell(r.pass), cell(r.fail), cell(r.skip), r.result, r.ms === undefined ? '-' : seconds(r.ms), r.note ?? '']),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const right = new Set([1, 2, 3, 4, 6]);
console.log('\n=== summary ===');
for (const row of table) {
  console.log(row.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
}
const sum = (k) => rows.reduce((n, r) => n + (r[k] ?? 0), 0);
// A ring that failed without a failing test (its setup, say) counts as one failure.
const ringFailures = rows.filter((r) => r.result === 'FAIL' && !(r.fail > 0)).length;
const total = rows.reduce((n, r) => n + (r.ms ?? 0), 0);
console.log(`time: ${seconds(total)}`);
console.log(`total: ${sum('pass')} passed, ${sum('fail') + ringFailures} failed, ${sum('skip')} skipped`);
process.exitCode = failed ? 1 : 0;
