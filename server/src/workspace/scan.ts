/**
 * Finds the manifest files of workspace folders without blocking: the walk yields to the event
 * loop between directories so hovers and edits on open files are answered meanwhile.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep, dirname, basename } from 'node:path';
import { existsSync } from 'node:fs';
import { minimatch } from 'minimatch';

const MANIFEST_RE = /\.(ya?ml|json|tpl)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Whether a path is excluded by the `k8sDns.exclude` globs (matched relative to its folder). */
export function isExcluded(path: string, folder: string | undefined, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const rel = folder ? relative(folder, path).split(sep).join('/') : path;
  return globs.some((g) => minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }));
}

/** Helm chart templates: `*.tpl`, or files under `templates/` beside a `Chart.yaml`. */
export function isHelmTemplate(path: string): boolean {
  if (path.toLowerCase().endsWith('.tpl')) return true;
  let dir = dirname(path);
  for (let i = 0; i < 4 && dir !== dirname(dir); i++) {
    if (basename(dir) === 'templates' && existsSync(join(dirname(dir), 'Chart.yaml'))) return true;
    dir = dirname(dir);
  }
  return false;
}

/** Every manifest file under `folder`, found asynchronously. */
export async function* manifestFiles(folder: string, exclude: readonly string[]): AsyncGenerator<string> {
  const queue = [folder];
  while (queue.length) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (isExcluded(p, folder, exclude)) continue;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) queue.push(p);
      } else if (e.isFile() && MANIFEST_RE.test(e.name)) {
        yield p;
      }
    }
  }
}
