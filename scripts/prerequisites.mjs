// Brings the system prerequisites of the test rings: the Debian packages listed in
// test/apt-packages.txt. The first step of `npm test` (scripts/test-all.mjs), so also of .ci/run.
//
//   node scripts/prerequisites.mjs           # install what is missing (root or passwordless sudo)
//   node scripts/prerequisites.mjs --check   # only say what is missing (exit 1 if anything is)
//
// A package counts as present when dpkg has it installed, or when its tool is there anyway (the
// list's third column: commands on PATH or files). Packages needed only by rings that
// K8S_DNS_SKIP opts out of are not asked for. Nothing is installed, and `apt-get update` is not
// run, when nothing is missing. When it cannot install (not root, no passwordless sudo, no
// apt-get), it stops with one message naming the missing packages and the command to install them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_LIST = 'test/apt-packages.txt';

/**
 * The list's entries: { pkg, ring, part, probes, why }. `ring:part` in the second column is a part
 * of a ring with a name of its own (live:kubectl); `part` is undefined otherwise.
 */
export function readPackageList(file = join(ROOT, PACKAGE_LIST)) {
  const out = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (line === '') continue;
    const [pkg, needs, probes = '-'] = line.split(/\s+/);
    if (pkg === undefined || needs === undefined) throw new Error(`${PACKAGE_LIST}: bad line: ${raw}`);
    const [ring, part] = needs.split(':');
    out.push({ pkg, ring, part, probes: probes === '-' ? [] : probes.split(','), why: hash >= 0 ? raw.slice(hash + 1).trim() : '' });
  }
  return out;
}

/** The names K8S_DNS_SKIP opts out of (comma- or space-separated). */
export function skippedNames(env = process.env) {
  return new Set((env.K8S_DNS_SKIP ?? '').split(/[\s,]+/).filter((s) => s !== ''));
}

/** Whether an entry is needed: neither its ring nor its part is opted out. */
export function needed(entry, skipped = skippedNames()) {
  return !skipped.has(entry.ring) && !(entry.part !== undefined && skipped.has(entry.part));
}

function onPath(cmd) {
  if (isAbsolute(cmd)) return exists(cmd);
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && exists(join(d, cmd), constants.X_OK));
}

function exists(path, mode = constants.F_OK) {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Packages dpkg reports as installed ("ii"), or undefined when there is no dpkg. */
function dpkgInstalled(pkgs) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${db:Status-Abbrev}\n', ...pkgs], { encoding: 'utf8' });
  if (r.error) return undefined;
  const ok = new Set();
  for (const line of r.stdout.split('\n')) {
    const [name, status] = line.split('\t');
    if (name && status?.startsWith('ii')) ok.add(name.split(':')[0]);
  }
  return ok;
}

/** The needed entries that are missing. */
export function missingPackages(entries = readPackageList(), skipped = skippedNames()) {
  const wanted = entries.filter((e) => needed(e, skipped));
  const installed = dpkgInstalled(wanted.map((e) => e.pkg));
  return wanted.filter((e) => !(installed?.has(e.pkg) || (e.probes.length > 0 && e.probes.every(onPath))));
}

function installCommand(pkgs, sudo = process.getuid?.() !== 0) {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

/** How to run apt-get as root here: [] as root, ['sudo', '-n'] with passwordless sudo, else undefined. */
function rootPrefix() {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : undefined;
}

function run(prefix, args) {
  const [cmd, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  // Lock timeout: another apt-get on this machine (another checkout's test run) is waited for.
  const r = spawnSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
}

function label(entries) {
  return entries.map((e) => `${e.pkg} (${e.part ?? e.ring})`).join(', ');
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const entries = readPackageList();
  const skipped = skippedNames();
  let missing = missingPackages(entries, skipped);
  const wanted = entries.filter((e) => needed(e, skipped)).length;
  if (missing.length === 0) {
    console.log(`prerequisites: nothing to install (${PACKAGE_LIST}: ${wanted} of ${entries.length} packages needed, all present)`);
    return 0;
  }
  const pkgs = missing.map((e) => e.pkg);
  const prefix = checkOnly ? undefined : rootPrefix();
  if (prefix !== undefined) {
    const start = Date.now();
    console.log(`prerequisites: installing ${label(missing)}`);
    const lock = ['-o', 'DPkg::Lock::Timeout=900'];
    const ok = run(prefix, [...lock, 'update', '-qq']) && run(prefix, [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
    missing = missingPackages(entries, skipped);
    if (ok && missing.length === 0) {
      console.log(`prerequisites: installed ${pkgs.length} Debian packages in ${((Date.now() - start) / 1000).toFixed(0)} s`);
      return 0;
    }
  }
  const rings = [...new Set(missing.map((e) => e.part ?? e.ring))];
  console.error(
    [
      `prerequisites: the test rings need Debian packages that are not installed: ${label(missing)}.`,
      prefix === undefined && !checkOnly ? `This process cannot install them (it is not root and has no passwordless sudo, or has no apt-get). ` : '',
      `Install them with:`,
      `  ${installCommand(missing.map((e) => e.pkg))}`,
      `or opt out of the rings that need them: K8S_DNS_SKIP=${rings.join(',')} npm test`,
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
