/** Data-driven tests of the DNS-warning rules: a failing and a passing manifest per rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCase } from '../dnsHelpers';
import { DNS_CASES } from './cases';

for (const c of DNS_CASES) {
  test(`${c.code}: ${c.name}`, () => assertCase(c, (a, e, m) => assert.deepEqual(a, e, m)));
}
