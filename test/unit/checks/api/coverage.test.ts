/** Every API-server rule has a failing and a passing case in the tables, and no case names an unknown rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_RULES } from '../../../../server/src/checks/apiRules';
import { addressCases } from './cases/addresses';
import { endpointCases } from './cases/endpoints';
import { metadataCases } from './cases/metadata';
import { portCases } from './cases/ports';
import { trafficCases } from './cases/traffic';
import { warningCases } from './cases/warnings';
import { workloadCases } from './cases/workloads';

const TABLES = [metadataCases, portCases, addressCases, trafficCases, warningCases, endpointCases, workloadCases];
const codes = new Set(API_RULES.map((r) => r.code));
const failing = new Set(TABLES.flatMap((t) => t.fail.flatMap((c) => c.expect.map((e) => e.code))));
const passing = new Set(TABLES.flatMap((t) => t.pass.flatMap((c) => c.covers)));

test('every API rule has a failing case', () => {
  assert.deepEqual(
    [...codes].filter((c) => !failing.has(c)),
    [],
  );
});

test('every API rule has a passing case', () => {
  assert.deepEqual(
    [...codes].filter((c) => !passing.has(c)),
    [],
  );
});

test('the cases name only known rules', () => {
  assert.deepEqual(
    [...failing, ...passing].filter((c) => !codes.has(c)),
    [],
  );
});

test('API rules follow the conventions: kebab-case code with a known prefix, source, severity, reference', () => {
  for (const r of API_RULES) {
    assert.match(r.code, /^(svc|ep|eps|sts|pod|meta)-[a-z0-9]+(-[a-z0-9]+)*$/, r.code);
    assert.ok(r.source === 'api-server' || r.source === 'api-server-warning', r.code);
    assert.equal(r.defaultSeverity === 'warning', r.source === 'api-server-warning', r.code);
    assert.match(
      r.reference,
      /\((META|TOPO|PORT|NP|TYPE|CIP|FAM|AF|EN|SEL|SA|EIP|ETP|HC|ITP|TD|LBSR|ALNP|LBC|EP|EPS|STS|POD|W)-?\d/,
      r.code,
    );
    assert.ok(r.description.endsWith('.'), r.code);
    assert.ok(r.kinds.length > 0, r.code);
  }
});
