// Runs node's test runner over every *.test.ts file under the given folders (Node 20's --test
// does not expand globs itself). Extra flags after `--` go to node. With K8S_DNS_TAP_FILE set, a
// TAP copy of the results is written there too.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const dirs = dash >= 0 ? args.slice(0, dash) : args;
const extra = dash >= 0 ? args.slice(dash + 1) : [];

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = dirs.filter((d) => existsSync(d)).flatMap((d) => walk(d, []));
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(', ')}`);
  process.exit(1);
}
// scripts/test-all.mjs (npm test) asks for a TAP copy of the results, to count them.
const tap = process.env.K8S_DNS_TAP_FILE;
const reporters = tap
  ? ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`]
  : ['--test-reporter=spec'];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporters, ...extra, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
