/**
 * Table-driven API-rule tests: a failing case lists every finding it must produce (code, field,
 * and the text of the range), nothing more; a passing case produces no finding (or only the
 * unavoidable ones it lists in `also`) and names the rules it exercises (`covers`), so
 * coverage.test.ts can see every rule has both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkYaml, summary, type Expected } from '../helpers';

export interface FailCase {
  readonly name: string;
  readonly yaml: string;
  readonly expect: readonly Expected[];
}

export interface PassCase {
  readonly name: string;
  /** The rule codes this valid manifest would trip if they were wrong. */
  readonly covers: readonly string[];
  readonly yaml: string;
  /** Findings of other rules the manifest cannot avoid (e.g. a warning); none by default. */
  readonly also?: readonly Expected[];
}

export interface CaseTable {
  readonly fail: readonly FailCase[];
  readonly pass: readonly PassCase[];
}

function sorted(list: readonly Expected[]): Expected[] {
  const key = (e: Expected): string => `${e.code}\u0000${e.field ?? ''}\u0000${e.text}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Registers one node:test per case. */
export function runTable(table: CaseTable): void {
  for (const c of table.fail) {
    test(`reports: ${c.name}`, () => {
      assert.deepEqual(sorted(summary(checkYaml(c.yaml))), sorted(c.expect));
    });
  }
  for (const c of table.pass) {
    test(`accepts: ${c.name}`, () => {
      const found = summary(checkYaml(c.yaml));
      assert.deepEqual(
        found.filter((f) => c.covers.includes(f.code)),
        [],
      );
      assert.deepEqual(sorted(found), sorted(c.also ?? []));
    });
  }
}
