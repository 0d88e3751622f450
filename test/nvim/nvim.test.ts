/**
 * Neovim as a second real LSP client: runs test/nvim/lsp.lua in a headless `nvim` against the built
 * server (`out/cli.js lsp --stdio` and `out/server.js --stdio`). Fails when nvim is not installed
 * (Debian package `neovim`, see test/apt-packages.txt) unless K8S_DNS_SKIP=nvim. Needs a build (`npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prerequisite } from '../support/prerequisites';

const ROOT = join(__dirname, '../..');
const SCRIPT = join(__dirname, 'lsp.lua');
const NVIM = process.env.NVIM_BIN ?? 'nvim';
const TIMEOUT_MS = 60_000;

function nvimVersion(): string | undefined {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}
const version = nvimVersion();
const nvim = prerequisite('nvim', version ? false : `nvim not found (${NVIM}); install the Debian package neovim (0.7.2 or later)`);
const skip = nvim.skip;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the Lua client against `server` with a throwaway copy of services.yaml and throwaway XDG dirs. */
function runNvim(server: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-nvim-'));
  const file = join(dir, 'ws', 'services.yaml');
  mkdirSync(join(dir, 'ws'));
  copyFileSync(join(ROOT, 'examples/kiada/services.yaml'), file);
  // A client that names the quote Service in a URL: the Lua script asks for its definition.
  appendFileSync(file, '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: client\n  namespace: kiada\ndata:\n  QUOTE_URL: http://quote.kiada:80/quote\n');
  const xdg = join(dir, 'xdg');
  const env = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    XDG_STATE_HOME: join(xdg, 'state'),
    NODE: process.execPath,
    SERVER: server,
    FILE: file,
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const p = spawn(NVIM, ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += String(d)));
    p.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => p.kill('SIGKILL'), TIMEOUT_MS);
    p.on('error', (e) => (clearTimeout(timer), reject(e)));
    p.on('close', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

function assertAllPassed(r: Run): void {
  const report = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  const lines = r.stdout.split('\n').filter((l) => /^(PASS|FAIL) /.test(l));
  assert.deepEqual(lines.filter((l) => l.startsWith('FAIL')), [], report);
  for (const check of ['PASS initialize', 'PASS hover', 'PASS codeLens', 'PASS executeCommand']) {
    assert.ok(lines.some((l) => l.startsWith(check)), `${check} missing\n${report}`);
  }
  assert.equal(r.code, 0, report);
  assert.match(r.stdout, /^OK$/m, report);
}

test(`nvim (${version ?? 'missing'}) ↔ out/cli.js lsp --stdio: hover, code lenses, Resolve`, { skip, timeout: TIMEOUT_MS + 5000 }, async () => {
  nvim.check();
  const server = join(ROOT, 'out/cli.js');
  assert.ok(existsSync(server), `${server} is missing: run npm run build first`);
  assertAllPassed(await runNvim(server));
});

test('nvim ↔ out/server.js --stdio', { skip, timeout: TIMEOUT_MS + 5000 }, async () => {
  nvim.check();
  const server = join(ROOT, 'out/server.js');
  assert.ok(existsSync(server), `${server} is missing: run npm run build first`);
  assertAllPassed(await runNvim(server));
});

test('the Lua client fails (exit 1, FAIL line) when the server does not start', { skip, timeout: TIMEOUT_MS + 5000 }, async () => {
  nvim.check();
  const r = await runNvim(join(ROOT, 'out/no-such-server.js'), { K8S_DNS_NVIM_TIMEOUT_MS: '1500' });
  assert.notEqual(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^FAIL initialize/m, r.stdout + r.stderr);
});
