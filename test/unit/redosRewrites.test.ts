/**
 * The regular expressions rewritten for the ReDoS guard (issue 12) answer exactly as before: each
 * new form is compared with the old one on many short strings made of the characters that matter
 * (where the old form is still fast). Their linear running time is in linearScanning.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasHelmTemplate } from '../../server/src/manifests/read';
import { looksLikeKubernetes } from '../../server/src/manifests/treatment';
import { makeConfig } from '../../server/src/dns/config';
import { hasPlaceholder } from '../../server/src/checks/validation/placeholder';
import { YAML11_INT_TEST } from '../../server/src/manifests/yamlParse';

const RUNS = { numRuns: 3000 };

/** Strings over a few characters, mostly short. */
function textOf(chars: string[], maxLength = 24): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
}
/** Strings built of whole tokens (so that words such as `kind:` occur often). */
function tokensOf(tokens: string[], maxLength = 16): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...tokens), { maxLength }).map((a) => a.join(''));
}

test('hasHelmTemplate answers as the regex it replaces', () => {
  const old = /\{\{-?[\s\S]*?-?\}\}/;
  fc.assert(fc.property(textOf(['{', '}', '-', ' ', '\n', 'a']), (t) => hasHelmTemplate(t) === old.test(t)), RUNS);
  assert.equal(hasHelmTemplate('a: {{ .Values.x }}'), true);
  assert.equal(hasHelmTemplate('{{}}'), true);
  assert.equal(hasHelmTemplate('}} {{'), false);
  assert.equal(hasHelmTemplate('{{{'), false);
});

test('looksLikeKubernetes answers as the regex it replaces', () => {
  const old = (t: string): boolean => /(^|[\n\r])\s*(-\s+)?kind:\s*\S/.test(t) || /"kind"\s*:\s*"/.test(t);
  const tokens = ['kind:', '"kind"', ':', '"', ' ', '\t', '\n', '\r', '\u2028', '-', 'x', 'a: ', '- '];
  fc.assert(fc.property(tokensOf(tokens), (t) => looksLikeKubernetes(t) === old(t)), RUNS);
  for (const t of ['kind: Service', '\n\n  - kind: X', '-\n kind: X', 'a: 1\n  kind:\n\n  X', '{"kind": "Service"}']) assert.equal(looksLikeKubernetes(t), true, JSON.stringify(t));
  for (const t of ['x kind: X', 'kind:   \n ', '\r kind x', 'a\r kind: X', '--kind: X']) assert.equal(looksLikeKubernetes(t), old(t), JSON.stringify(t));
});

test('the embedded IPv4 tail of an IPv6 address (dns/names.ts): the look-behind changes no match', () => {
  const old = /(\d+\.\d+\.\d+\.\d+)$/;
  const now = /(?<!\d)(\d+\.\d+\.\d+\.\d+)$/;
  fc.assert(
    fc.property(textOf(['1', '2', '0', '.', ':', 'f']), (t) => {
      const a = old.exec(t);
      const b = now.exec(t);
      assert.deepEqual(b && [b.index, b[1]], a && [a.index, a[1]], JSON.stringify(t));
    }),
    RUNS,
  );
});

test('makeConfig drops the trailing dots of the zone as before (dns/config.ts)', () => {
  fc.assert(fc.property(textOf(['.', 'a', 'b', '-']), (t) => t.replace(/(?<!\.)\.+$/, '') === t.replace(/\.+$/, '')), RUNS);
  assert.equal(makeConfig({ zone: 'Cluster.Local..' }).zone, 'cluster.local');
  assert.equal(makeConfig({ zone: '...' }).zone, 'cluster.local');
});

test('error messages on one line (cli/commands/resolve.ts): the look-behind changes no replacement', () => {
  fc.assert(
    fc.property(textOf([' ', '\n', '\r', '\t', 'a', 'b']), (t) => t.replace(/(?<!\s)\s*\n\s*/g, ' ') === t.replace(/\s*\n\s*/g, ' ')),
    RUNS,
  );
});

test('hasPlaceholder answers as the regex it replaces (checks/validation/placeholder.ts)', () => {
  const old = /\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$\([^)]*\)/;
  fc.assert(fc.property(tokensOf(['{', '}', '$', '(', ')', '{{', '}}', '${', '$(', 'a', ' ', '\n']), (t) => hasPlaceholder(t) === old.test(t)), RUNS);
});

test('the YAML 1.1 integer test accepts what the regex it replaces accepted (manifests/yamlParse.ts)', () => {
  const old = /^[-+]?(?:0[bB]_*[01][01_]*|0[0-7_]*[0-7][0-7_]*|[0-9][0-9_]*_[0-9_]*|0[xX][0-9a-fA-F_]*_[0-9a-fA-F_]*|0[oO][0-7_]*_[0-7_]*)$/;
  fc.assert(fc.property(textOf(['0', '1', '7', '8', '9', '_', 'x', 'X', 'b', 'o', 'f', '-', '+', 'a']), (t) => YAML11_INT_TEST.test(t) === old.test(t)), { numRuns: 20000 });
  for (const t of ['0777', '1_000', '0b101', '0x_ff', '0o7_7', '-0_7']) assert.equal(YAML11_INT_TEST.test(t), true, t);
  for (const t of ['0', '12', '0x', '0_', '08', '_1', '0o8_']) assert.equal(YAML11_INT_TEST.test(t), old.test(t), t);
});
