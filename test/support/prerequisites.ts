/**
 * No silent skips (issue 12): a test whose tool is missing fails with the command that installs it,
 * unless the user opted out of it with K8S_DNS_SKIP=name (a ring, or a part of one such as
 * `kubectl`); then it is skipped, saying so. The names and packages are those of test/apt-packages.txt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIST = join(__dirname, '../apt-packages.txt');

/** Whether K8S_DNS_SKIP names `name`. */
export function optedOut(name: string): boolean {
  return (process.env.K8S_DNS_SKIP ?? '').split(/[\s,]+/).includes(name);
}

/** The Debian packages test/apt-packages.txt lists for a ring or part (`differential`, `kubectl`). */
export function packagesFor(name: string): string[] {
  const pkgs: string[] = [];
  for (const raw of readFileSync(LIST, 'utf8').split('\n')) {
    const [pkg, needs] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (pkg && needs && needs.split(':').includes(name)) pkgs.push(pkg);
  }
  return pkgs;
}

export interface Prerequisite {
  /** For node:test's options: the reason when opted out, else false (the test runs, and `check` throws if the tool is missing). */
  readonly skip: string | false;
  /** Throws, with the install command, when the tool is missing. Call first in the test. */
  check(): void;
}

/**
 * The gate of tests that need a tool (`name`: a ring, or `ring:part`): `missing` is why the tool cannot run (false when it can).
 * Opted out: skipped with the reason. Missing and not opted out: `check()` fails the test.
 */
export function prerequisite(name: string, missing: string | false): Prerequisite {
  // `ring:part` is opted out of by either name.
  const out = name.split(':').find(optedOut);
  if (out !== undefined) return { skip: `opted out: K8S_DNS_SKIP=${out}`, check: () => {} };
  const part = name.split(':').pop()!;
  return {
    skip: false,
    check(): void {
      if (missing === false) return;
      const pkgs = packagesFor(part).join(' ');
      throw new Error(
        `${missing}\n  install: node scripts/prerequisites.mjs (or apt-get install -y ${pkgs})\n  or opt out: K8S_DNS_SKIP=${part}`,
      );
    },
  };
}
