/**
 * The code lens answers of the server: the last lenses per file, with what they were computed
 * from (editors ask again on every scroll and focus; the answer changes only with the text, the
 * cluster or the live settings), and the resolving of stubs.
 *
 * Clients that resolve lenses (VS Code) get a file's lens sites without titles: each stub's
 * `data` is `[generation, index]` into the sites of one answer, and `codeLens/resolve` computes
 * the titles of the lenses on screen.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Positions } from '../workspace/lineOffsets';
import type { WorkspaceIndex } from '../workspace';
import { lensCommand, lensSites, type LensSite } from './codeLens';

interface LensAnswer {
  readonly doc: Positions;
  readonly cluster: unknown;
  readonly live: boolean;
  readonly generation: number;
  readonly lenses: CodeLens[];
}

/** Old answers whose stubs may still be on screen and resolved. */
const KEPT_GENERATIONS = 16;

export class LensAnswers {
  private readonly byFile = new Map<string, LensAnswer>();
  /** Sites by generation: the current answer of each file, and a few older ones. */
  private readonly sitesByGeneration = new Map<number, LensSite[]>();
  private generation = 0;
  /** Whether the client resolves lenses (then answers are stubs). */
  stubs = false;

  /** The lenses of `uri`, whose text is `doc` (the same object while the text is unchanged). */
  answer(index: WorkspaceIndex, uri: string, doc: Positions, live: boolean): CodeLens[] {
    const cluster = index.cluster();
    const hit = this.byFile.get(uri);
    if (hit && hit.doc === doc && hit.cluster === cluster && hit.live === live) return hit.lenses;
    const generation = ++this.generation;
    const sites = lensSites(index, uri, { live });
    const toRange = (r: { start: number; end: number }) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });
    const lenses: CodeLens[] = this.stubs
      ? sites.map((site, i) => ({ range: toRange(site.range), data: [generation, i] }))
      : sites.map((site) => ({ range: toRange(site.range), command: command(index, site) }));
    this.byFile.set(uri, { doc, cluster, live, generation, lenses });
    this.sitesByGeneration.set(generation, sites);
    // Forget the oldest answers no file shows any more.
    const current = new Set([...this.byFile.values()].map((a) => a.generation));
    for (const g of this.sitesByGeneration.keys()) {
      if (this.sitesByGeneration.size <= KEPT_GENERATIONS) break;
      if (!current.has(g)) this.sitesByGeneration.delete(g);
    }
    return lenses;
  }

  /** A stub with its title and command, from the index as it is now. */
  resolve(lens: CodeLens, indexFor: (uri: string) => WorkspaceIndex): CodeLens {
    if (lens.command) return lens;
    const [generation, i] = Array.isArray(lens.data) ? (lens.data as unknown[]) : [];
    const site = typeof generation === 'number' && typeof i === 'number' ? this.sitesByGeneration.get(generation)?.[i] : undefined;
    // A lens from an answer long replaced: an empty title, until the editor asks for lenses again.
    if (!site) return { ...lens, command: { title: '', command: '' } };
    return { ...lens, command: command(indexFor(site.uri), site) };
  }

  forget(uri: string): void {
    this.byFile.delete(uri);
  }
}

function command(index: WorkspaceIndex, site: LensSite): NonNullable<CodeLens['command']> {
  const c = lensCommand(index, site);
  return { title: c.title, command: c.command, arguments: c.args };
}
