/**
 * The catalogue of DNS and reference rules: well-formed metadata, a data-driven case for every
 * rule, and a row for every rule in docs/checks.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DNS_RULES } from '../../../../server/src/checks/dnsRules';
import { DNS_CASES } from './cases';
import { REF_CASES } from '../refs/cases';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const SOURCES = ['dns-spec', 'coredns', 'kube-dns', 'workspace'];

test('every DNS rule has a stable code and complete metadata', () => {
  const codes = DNS_RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
  for (const r of DNS_RULES) {
    assert.match(r.code, /^[a-z0-9]+(-[a-z0-9]+)+$/, `${r.code} is kebab-case`);
    assert.ok(SEVERITIES.includes(r.defaultSeverity), `${r.code} severity`);
    assert.ok(SOURCES.includes(r.source), `${r.code} source`);
    assert.match(r.reference, /dns-rules\.md §\d+/, `${r.code} cites dns-rules.md`);
    assert.match(r.description, /^[A-Z`].*\.$/, `${r.code} description is a sentence`);
    assert.ok(r.kinds.length > 0, `${r.code} kinds`);
  }
});

test('every DNS rule has a failing and a passing case', () => {
  const covered = new Set([...DNS_CASES, ...REF_CASES].map((c) => c.code));
  assert.deepEqual(
    DNS_RULES.map((r) => r.code).filter((c) => !covered.has(c)),
    [],
  );
});

test('docs/checks.md lists every DNS rule with its severity and source', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'checks.md'), 'utf8');
  const start = doc.indexOf('## DNS warnings and references');
  assert.ok(start >= 0, 'the section exists');
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next < 0 ? undefined : next);
  const rows = new Map(
    section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((c) => [c[1]!.replace(/`/g, ''), c] as const),
  );
  for (const r of DNS_RULES) {
    const row = rows.get(r.code);
    assert.ok(row, `${r.code} is documented`);
    assert.equal(row[2], r.defaultSeverity, `${r.code} severity in the docs`);
    assert.equal(row[3], r.source, `${r.code} source in the docs`);
  }
  assert.equal(rows.size, DNS_RULES.length, 'no stale rows');
});
