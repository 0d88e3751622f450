/**
 * The real-world ring: manifests written in the styles people really use (kubectl output, Helm
 * output and templates, Kustomize bases, operators' custom resources, JSON, anchors, CRLF, …),
 * each with the findings it must and must not produce (expectations.ts).
 *
 * Every case runs through the same code as `k8s-dns check --format json` (in-process) and through
 * the language server's diagnostics path (WorkspaceIndex.diagnosticGroups, the files the server
 * would publish for). Cases listed in KNOWN_FAILING are expected to fail until their fixes land;
 * such a case that passes fails the test, so the list only shrinks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCommand, type LocatedFinding } from '../../server/src/cli/commands/check';
import { WorkspaceIndex } from '../../server/src/workspace';
import { isHelmTemplate } from '../../server/src/workspace/scan';
import { CASES, KNOWN_FAILING, type RealWorldCase, type Want } from './expectations';

const CASES_DIR = join(__dirname, 'cases');

/** A finding as both paths report it: the file relative to the case folder, 1-based line. */
interface Seen {
  readonly file: string;
  readonly line: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const show = (f: Seen): string => `${f.file}:${f.line} ${f.severity} ${f.code}: ${f.message.length > 140 ? `${f.message.slice(0, 140)}…` : f.message}`;

/** At most `n` lines of a list, and how many more there are. */
function brief(lines: readonly string[], n = 12): string {
  const shown = lines.slice(0, n).join('\n  ');
  return lines.length > n ? `${shown}\n  … and ${lines.length - n} more` : shown;
}

/** `k8s-dns check --format json PATHS`, in-process. */
function runCli(paths: readonly string[]): { exit: number; findings: LocatedFinding[]; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const exit = checkCommand([...paths, '--format', 'json'], { out: (l) => out.push(l), err: (l) => err.push(l) });
  const parsed = JSON.parse(out.join('\n')) as { diagnostics: LocatedFinding[] };
  return { exit, findings: parsed.diagnostics, stderr: err.join('\n') };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** 1-based line of an offset; a line ends at \n, \r\n or a lone \r (as editors count). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** The language server's diagnostics for every file of a folder (what it publishes). */
function runLsp(dir: string): Seen[] {
  const index = new WorkspaceIndex();
  const files = walk(dir).filter((p) => /\.(ya?ml|json|tpl)$/i.test(p));
  const texts = new Map<string, { path: string; text: string }>();
  for (const path of files) {
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    texts.set(uri, { path, text });
    index.setFile(uri, text, isHelmTemplate(path));
  }
  const seen: Seen[] = [];
  for (const [uri, { path, text }] of texts) {
    while (!index.checkUntil(uri, Number.POSITIVE_INFINITY));
    // The server publishes diagnostics only for files that look like Kubernetes manifests.
    if (!index.file(uri)?.looksLikeKubernetes) continue;
    const g = index.diagnosticGroups(uri);
    for (const f of [...g.problems, ...g.objects.flatMap(([, fs]) => fs)]) {
      seen.push({ file: rel(dir, path), line: lineOf(text, f.range.start), severity: f.severity, code: f.code, message: f.message });
    }
  }
  return seen;
}

const rel = (dir: string, path: string): string => relative(dir, path).split(sep).join('/');

function cliSeen(dir: string): Seen[] {
  const { findings } = runCli([dir]);
  const texts = new Map<string, string>();
  return findings.map((f) => {
    // CR-only files: the CLI's line index counts \n only; count lines as the editor does.
    let text = texts.get(f.file);
    if (text === undefined) texts.set(f.file, (text = readFileSync(f.file, 'utf8')));
    const line = text.includes('\r') && !text.includes('\n') ? lineOfCliPosition(text, f.line, f.column) : f.line;
    return { file: rel(dir, f.file), line, severity: f.severity, code: f.code, message: f.message };
  });
}

function lineOfCliPosition(text: string, line: number, column: number): number {
  // The CLI counts \n only: a CR-only file is one line, and the column is the offset + 1.
  return line === 1 ? lineOf(text, column - 1) : line;
}

function matches(w: Want, f: Seen): boolean {
  if (w.code !== '*' && (typeof w.code === 'string' ? w.code !== f.code : !w.code.test(f.code))) return false;
  if (w.file !== undefined && w.file !== f.file) return false;
  if (w.line !== undefined && w.line !== f.line) return false;
  if (w.within !== undefined && (f.line < w.within[0] || f.line > w.within[1])) return false;
  if (w.severity !== undefined && w.severity !== f.severity) return false;
  return true;
}

const describe = (w: Want): string =>
  `${w.code === '*' ? 'any finding' : String(w.code)}${w.severity ? ` (${w.severity})` : ''}${w.file ? ` in ${w.file}` : ''}` +
  `${w.line ? ` at line ${w.line}` : ''}${w.within ? ` at lines ${w.within[0]}-${w.within[1]}` : ''}`;

/** The broken expectations of one case's findings; empty when the case holds. */
function violations(c: RealWorldCase, seen: readonly Seen[]): string[] {
  const out: string[] = [];
  for (const w of c.must ?? []) {
    if (!seen.some((f) => matches(w, f))) out.push(`missing: ${describe(w)}`);
  }
  for (const n of c.mustNot) {
    if (n === '*') {
      const expected = [...(c.must ?? []), ...(c.allow ?? [])];
      for (const f of seen) if (!expected.some((w) => matches(w, f))) out.push(`unexpected finding: ${show(f)}`);
      continue;
    }
    const w: Want = typeof n === 'string' ? { code: n } : n;
    for (const f of seen) if (matches(w, f)) out.push(`must not report ${describe(w)}: ${show(f)}`);
  }
  const syntax = seen.filter((f) => f.code === 'yaml-syntax').length;
  if (syntax > (c.maxSyntaxErrors ?? 0)) out.push(`${syntax} yaml-syntax errors (at most ${c.maxSyntaxErrors ?? 0})`);
  return [...new Set(out)];
}

function caseViolations(c: RealWorldCase): string[] {
  const dir = join(CASES_DIR, c.dir);
  return [...violations(c, cliSeen(dir)).map((v) => `cli: ${v}`), ...violations(c, runLsp(dir)).map((v) => `lsp: ${v}`)];
}

test('every case folder has expectations, and every expectation a folder', () => {
  const folders = readdirSync(CASES_DIR).filter((d) => statSync(join(CASES_DIR, d)).isDirectory()).sort();
  assert.deepEqual(folders, CASES.map((c) => c.dir).sort());
  assert.ok(CASES.length >= 40, `${CASES.length} cases`);
  const titles = new Set(CASES.map((c) => c.title));
  for (const k of KNOWN_FAILING) assert.ok(titles.has(k), `KNOWN_FAILING names no case: ${k}`);
});

for (const c of CASES) {
  const known = KNOWN_FAILING.includes(c.title);
  test(known ? `${c.title} [KNOWN_FAILING]` : c.title, () => {
    const v = caseViolations(c);
    if (known) {
      if (process.env['REALWORLD_VERBOSE']) console.log(`${c.dir}:\n  ${brief(v)}`);
      assert.ok(v.length > 0, `"${c.title}" passes now: remove it from KNOWN_FAILING in test/realworld/expectations.ts`);
      return;
    }
    if (v.length) assert.fail(`${c.dir}:\n  ${brief(v)}`);
  });
}

test('all cases checked together: finishes quickly, at most a few syntax errors per file', () => {
  // Cases still in KNOWN_FAILING are left out: their syntax errors are what they assert.
  const dirs = CASES.filter((c) => !KNOWN_FAILING.includes(c.title)).map((c) => join(CASES_DIR, c.dir));
  const started = Date.now();
  const { findings, stderr } = runCli(dirs);
  const ms = Date.now() - started;
  assert.ok(ms < 30_000, `checking every case took ${ms} ms`);
  assert.doesNotMatch(stderr, /internal error/);
  const perFile = new Map<string, number>();
  for (const f of findings) if (f.code === 'yaml-syntax') perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  for (const [file, n] of perFile) assert.ok(n <= 3, `${rel(CASES_DIR, file)}: ${n} yaml-syntax errors`);
});
