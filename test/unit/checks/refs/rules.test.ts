/** Data-driven tests of the cross-resource reference rules: a failing and a passing manifest per rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCase } from '../dnsHelpers';
import { REF_CASES } from './cases';

for (const c of REF_CASES) {
  test(`${c.code}: ${c.name}`, () => assertCase(c, (a, e, m) => assert.deepEqual(a, e, m)));
}
