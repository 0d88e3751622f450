// ReDoS guard (issue 12): the only lint this project runs. Every regular expression in the server
// and client sources must run in linear time whatever text it is applied to, and every
// `new RegExp(...)` must be built from constants, so that the checker sees its pattern.
// Run by test/unit/redos.test.ts (npm run test:unit); by hand: npx eslint -c eslint.redos.config.mjs
import tsParser from '@typescript-eslint/parser';
import { getStaticValue } from '@eslint-community/eslint-utils';
import regexp from 'eslint-plugin-regexp';

/** `RegExp(x)` / `new RegExp(x)` whose pattern is not a constant: nothing can check it for ReDoS. */
const staticRegExp = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'RegExp') return;
      const arg = node.arguments[0];
      const scope = context.sourceCode.getScope(node);
      if (arg === undefined || getStaticValue(arg, scope) !== null) return;
      context.report({
        node,
        message:
          'RegExp built from a value known only at run time: the ReDoS check cannot see it. Build it from constants, or match without a regular expression (escape text, use indexOf).',
      });
    };
    return { NewExpression: check, CallExpression: check };
  },
};

export default [
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parser: tsParser },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    plugins: { regexp, redos: { rules: { 'static-regexp': staticRegExp } } },
    rules: {
      // A match attempt that backtracks more than linearly: exponential or polynomial ReDoS.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // A search (no ^ anchor) whose attempts at successive start positions add up to quadratic time.
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
      'redos/static-regexp': 'error',
    },
  },
];
