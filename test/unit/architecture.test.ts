/**
 * The invariants of docs/ARCHITECTURE.md that code can check: the core (manifests, dns, checks,
 * refs, explain) imports no editor, LSP or network module, and every diagnostic code is unique.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_RULES } from '../../server/src/checks';

const SRC = join(__dirname, '../../server/src');
const CORE = ['manifests', 'dns', 'checks', 'refs', 'explain'];
const FORBIDDEN = [/^vscode/, /^vscode-languageserver/, /^@kubernetes\//, /^node:(http|https|http2|tls|dgram|child_process)$/, /^(http|https|tls|dgram|child_process)$/, /\/(features|workspace|live|cli)\//, /^\.\.\/(features|workspace|live|cli)/, /^\.\.\/server$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the core imports no editor, LSP, network or shell module', () => {
  const offenders: string[] = [];
  for (const area of CORE) {
    for (const f of files(join(SRC, area))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        // (`node:net` is allowed: the core uses only its pure `isIP`.)
        if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${relative(SRC, f)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

/** Every module specifier a file imports at run time (`import type` is left out: it leaves no trace in the bundle). */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?[^'";]*?from\s+['"]([^'"]+)['"]/g)) if (!m[2]) out.push(m[3]!);
  return out;
}

test('the server session (documents, scheduler, scanner, settings, publisher) holds no connection', () => {
  // Each part is testable without a connection: only server.ts creates one and wires the handlers.
  const offenders: string[] = [];
  for (const f of files(join(SRC, 'session'))) {
    for (const spec of runtimeImports(readFileSync(f, 'utf8'))) {
      if (/^vscode-languageserver(\/node)?$/.test(spec) || /(^|\/)server$/.test(spec)) offenders.push(`${relative(SRC, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('nothing below the server imports it or its session', () => {
  const offenders: string[] = [];
  for (const area of [...CORE, 'workspace', 'features', 'parallel', 'live', 'cli']) {
    for (const f of files(join(SRC, area))) {
      for (const spec of runtimeImports(readFileSync(f, 'utf8'))) {
        if (/(^|\/)session\//.test(spec) || /^\.\.?\/(\.\.\/)*server$/.test(spec)) offenders.push(`${relative(SRC, f)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('every diagnostic code is unique, kebab-case and cites its source', () => {
  const codes = ALL_RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of ALL_RULES) {
    assert.match(r.code, /^[a-z0-9]+(-[a-z0-9]+)+$/, r.code);
    assert.ok(r.reference.length > 5, `${r.code} cites where it comes from`);
  }
});
