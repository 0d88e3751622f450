/**
 * ReDoS guard (issue 12): every regular expression in server/src and client/src — literals and
 * `new RegExp` of constants — passes eslint-plugin-regexp's checks for super-linear backtracking
 * (exponential or polynomial within one match attempt) and super-linear move (a search whose
 * attempts at each start position add up to quadratic time); a `RegExp` of a run-time value fails,
 * since nothing could check it. The rules are in eslint.redos.config.mjs. Runs offline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '../..');

function eslint(): ESLint {
  return new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.redos.config.mjs') });
}

function describe(results: ESLint.LintResult[]): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message.split('. Using')[0]}`),
  );
}

test('every regular expression in server/src and client/src runs in linear time (eslint-plugin-regexp)', { timeout: 300_000 }, async () => {
  const results = await eslint().lintFiles(['server/src/**/*.ts', 'client/src/**/*.ts']);
  assert.ok(results.length > 50, `linted only ${results.length} files`);
  const flagged = describe(results.filter((r) => r.errorCount + r.warningCount > 0));
  assert.deepEqual(flagged, [], `regular expressions open to ReDoS (rewrite them; see eslint.redos.config.mjs):\n${flagged.join('\n')}`);
});

test('the checker catches what it guards against (the regex of issue 12, a run-time RegExp)', { timeout: 300_000 }, async () => {
  const probe = [
    'export const blank = (t: string) => /^(?:\\s|#[^\\n]*|---|\\.\\.\\.)*$/.test(t);', // isBlankChunk before #12
    'export const helm = (t: string) => /\\{\\{-?[\\s\\S]*?-?\\}\\}/.test(t);', // quadratic on a run of {
    'export const user = (p: string) => new RegExp(p);',
    '// eslint-disable-next-line',
    'export const hidden = /(a+)+$/;',
  ].join('\n');
  const [result] = await eslint().lintText(probe, { filePath: join(ROOT, 'server/src/__redos_probe__.ts') });
  const lines = new Set(result!.messages.filter((m) => m.severity === 2).map((m) => m.line));
  assert.deepEqual([...lines].sort(), [1, 2, 3, 5], describe([result!]).join('\n'));
});
