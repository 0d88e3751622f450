/** docs/checks.md lists every rule with its severity and source, and rule codes are unique. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../server/src/checks';

interface Row {
  readonly code: string;
  readonly severity: string;
  readonly source: string;
  readonly reference: string;
  readonly description: string;
}

/** The rows of every `| code | severity | source | reference | description |` table in the file. */
function rows(markdown: string): Row[] {
  const out: Row[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 5 || cells[0] === 'code' || /^-+$/.test(cells[0]!)) continue;
    const [code, severity, source, reference, description] = cells as [string, string, string, string, string];
    out.push({ code: code.replace(/`/g, ''), severity, source, reference, description });
  }
  return out;
}

const table = rows(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'checks.md'), 'utf8'));

test('rule codes are unique', () => {
  const seen = new Set<string>();
  const dupes = ALL_RULES.map((r) => r.code).filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
  assert.deepEqual(dupes, []);
});

test('docs/checks.md lists each code once', () => {
  const seen = new Set<string>();
  const dupes = table.map((r) => r.code).filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
  assert.deepEqual(dupes, []);
});

test('every rule has a row in docs/checks.md with its severity and source', () => {
  const byCode = new Map(table.map((r) => [r.code, r]));
  for (const rule of ALL_RULES) {
    const row = byCode.get(rule.code);
    assert.ok(row, `docs/checks.md has no row for ${rule.code}`);
    assert.equal(row.severity, rule.defaultSeverity, `severity of ${rule.code}`);
    assert.equal(row.source, rule.source, `source of ${rule.code}`);
    assert.ok(row.reference && row.description, `reference and description of ${rule.code}`);
  }
});
