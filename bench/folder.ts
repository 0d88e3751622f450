/**
 * Issue 13 §4: the 10 MB file opened inside a folder that also holds the 2,000-file workspace,
 * as a user opens a large rendered manifest inside their repository. Measures, while the folder
 * scan runs and after it: the first and the complete publish of the file, edits of each category
 * (bench/edits.ts) to the publish that reflects them, hovers, whole-file code lenses, peak RSS;
 * and the scan with and without the open file.
 *
 * How things are detected:
 * - an edit's diagnostics: the first publish for the file whose `version` is ≥ the edit's (the
 *   server publishes versioned diagnostics only when the checks of that version are done; the
 *   early syntax-only publish comes on didOpen only). Latencies are taken from the log of every
 *   publish, so an edit whose wait ran out still gets its true latency if the publish comes later;
 * - complete diagnostics: the first publish of a version whose text is the original whose
 *   diagnostics equal a fresh `k8s-dns check <folder>`'s for the file (bench/complete.ts);
 * - the scan: the `k8sDns/indexed` notification (`{ files, ms }`).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { cliReference, differenceFromReference, matchesReference, type Reference } from './complete';
import { editCategories, serviceNameOffsets, type EditCategory, type EditSpot } from './edits';
import { GENERATED_DIR, writeWorkspace } from './generate';
import { Lines, TimeoutError, type LspServer, type Publish } from './lsp';
import { codeCounts, fig, fmtMB, fmtMs, note, out, ratio } from './report';

export interface FolderOptions {
  readonly cli: string;
  readonly text: string;
  /** Scale of the big manifest (1: 10 MB), for the workspace's references into it. */
  readonly scale: number;
  readonly wsFiles: number;
  /** Edit pairs (forward and back) per category after the scan. */
  readonly pairs: number;
  /** Median wall time of parseAllDocuments on the file, measured in this run. */
  readonly floorMs: number;
  /** Starts our server on a folder; `settings` answers `workspace/configuration` for k8sDns. */
  readonly server: (rootUri: string, settings: Record<string, unknown>) => LspServer;
  readonly phase: <T>(s: LspServer, name: string, fn: () => Promise<T>) => Promise<T>;
  readonly stopGraceMs: number;
  /** Multiplier of every bound (--patient). */
  readonly patience: number;
}

const TARGET = { editP95: 50, hoverP95: 5, lensMedian: 50, scanRatio: 1.5, peakMB: 600 } as const;

/** Percentile of latencies in which `Infinity` stands for "no publish by the end of the run". */
function pct(xs: readonly number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const fmtLat = (ms: number | undefined, never: string): string => (ms === Infinity ? never : fmtMs(ms));

function dist(xs: readonly number[], never = 'none'): string {
  if (xs.length === 0) return 'n/a (no samples)';
  const missing = xs.filter((x) => x === Infinity).length;
  return `p50 ${fmtLat(pct(xs, 50), never)}  p95 ${fmtLat(pct(xs, 95), never)}  (n=${xs.length}${missing ? `, ${missing} never published` : ''})`;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface EditRecord {
  readonly category: string;
  readonly version: number;
  readonly sentAt: number;
  readonly duringScan: boolean;
  readonly forward: boolean;
}

interface RequestRecord {
  readonly ms: number;
  readonly duringScan: boolean;
}

/** The scan alone: the same folder with no file open and the big file excluded (the same 2,000 files). */
async function scanAlone(o: FolderOptions, dir: string, bound: number): Promise<{ ms?: number; files?: number; wallMs?: number; peak?: number; failure?: string }> {
  const s = o.server(pathToFileURL(dir).href, { exclude: ['rendered/**'] });
  try {
    const indexed = s.nextNotification<{ files: number; ms: number }>('k8sDns/indexed', bound);
    indexed.catch(() => undefined);
    const t = performance.now();
    await s.initialize();
    try {
      const r = await o.phase(s, 'folder: scan alone', () => indexed);
      return { ms: r.params.ms, files: r.params.files, wallMs: r.at - t, peak: s.peakRss() };
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      return { failure: `timeout after ${(bound / 1000).toFixed(0)} s${s.deathNote() ? `: ${s.deathNote()}` : ''}`, peak: s.peakRss() };
    }
  } finally {
    await s.stop(o.stopGraceMs);
  }
}

export async function folderScenario(o: FolderOptions): Promise<void> {
  const P = o.patience;
  const bound = {
    cli: 120_000 * P,
    scan: 400_000 * P,
    first: 75_000 * P,
    /** After the scan ends, the wait for complete diagnostics. */
    complete: 120_000 * P,
    /** During the scan, how long one edit waits for its publish before the next goes (the latency is measured anyway). */
    editPace: 3_000 * P,
    edit: 20_000 * P,
    afterEdits: 150_000 * P,
    request: 10_000 * P,
    hovers: 20_000 * P,
    lenses: 30_000 * P,
  };
  const never = (since: number): string => `none by the end (> ${fmtMs(performance.now() - since)})`;
  out(`Issue 13 §4: the 10 MB file opened inside a folder with the ${o.wsFiles.toLocaleString('en')}-file workspace`);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const dir = mkdtempSync(join(GENERATED_DIR, 'folder-'));
  const started = performance.now();
  try {
    // ---- The folder: the workspace in team-N/, the big file in rendered/.
    mkdirSync(join(dir, 'rendered'));
    const bigPath = join(dir, 'rendered', 'big.yaml');
    writeFileSync(bigPath, o.text);
    const files = writeWorkspace(dir, o.wsFiles, 7, { besideBig: { crossRefs: 0.25, scale: o.scale } });
    const wsBytes = files.reduce((n, f) => n + statSync(f).size, 0);
    note(`${dir}: ${files.length} files (${(wsBytes / 1e6).toFixed(1)} MB; objects svc-10000…, app-10000… in the big file's namespaces; a quarter of their references name Services of the big file) + rendered/big.yaml (${(o.text.length / 1e6).toFixed(1)} MB)`);
    const text = o.text;
    const uri = pathToFileURL(bigPath).href;
    const lines = new Lines(text);
    const categories = editCategories(text, Math.max(5, o.pairs));
    fig('floor: yaml parseAllDocuments of the 10 MB file', `${fmtMs(o.floorMs)} (median, this run)`);

    // ---- The reference for "complete": the CLI's check of the same folder.
    const refOrError = cliReference(o.cli, [dir], bigPath, bound.cli);
    let ref: Reference | undefined;
    if ('error' in refOrError) {
      fig('reference: k8s-dns check <folder>', `failed (${refOrError.error}): complete diagnostics are not detected`);
    } else {
      ref = refOrError;
      fig('reference: k8s-dns check <folder> (CLI)', `${ref.count} diagnostics for the file, in ${fmtMs(ref.ms)}`);
    }

    // ---- The scan with no file open.
    const alone = await scanAlone(o, dir, bound.scan);
    if (alone.ms !== undefined) fig('scan, no file open (big file excluded)', `${fmtMs(alone.ms)} (server: ${alone.files} files; initialize → indexed ${fmtMs(alone.wallMs)}; VmHWM ${fmtMB(alone.peak)})`);
    else fig('scan, no file open (big file excluded)', `${alone.failure}; VmHWM ${fmtMB(alone.peak)}`);

    // ---- The file opened in the folder.
    const s = o.server(pathToFileURL(dir).href, {});
    const publishes: Publish[] = [];
    /** Versions whose text is the original (didOpen, and each revert). */
    const pristine = new Set<number>([1]);
    let completeAt: number | undefined;
    let lastPristine: Publish | undefined;
    const stopListening = s.onPublish((p) => {
      if (p.params.uri !== uri) return;
      publishes.push(p);
      const v = p.params.version ?? -1;
      if (pristine.has(v)) {
        lastPristine = p;
        if (completeAt === undefined && ref && matchesReference(p.params.diagnostics, ref)) completeAt = p.at;
      }
    });
    let peakSeen: number | undefined;
    let rssNow: number | undefined;
    const rssTimer = setInterval(() => {
      peakSeen = s.peakRss() ?? peakSeen;
      rssNow = s.rss() ?? rssNow;
    }, 250);
    const edits: EditRecord[] = [];
    const hovers: RequestRecord[] = [];
    const lenses: RequestRecord[] = [];
    let version = 1;
    let scanning = true;
    let scanNote: string | undefined;
    let indexed: { params: { files: number; ms: number }; at: number } | undefined;
    let peakAtIndexed: number | undefined;
    const names = serviceNameOffsets(text, 200);
    const nextSpot = new Map<string, number>();

    /** Sends one edit; resolves when a publish reflects it or `waitMs` passed (its latency is read from the log later). */
    async function edit(cat: EditCategory, spot: EditSpot, forward: boolean, waitMs: number): Promise<void> {
      const start = lines.position(spot.offset);
      const [from, to] = forward ? [spot.from, spot.to] : [spot.to, spot.from];
      const range = { start, end: { line: start.line, character: start.character + from.length } };
      const v = ++version;
      if (!forward) pristine.add(v);
      const sentAt = performance.now();
      edits.push({ category: cat.name, version: v, sentAt, duringScan: scanning, forward });
      const next = s.nextDiagnostics((p) => p.params.uri === uri && (p.params.version ?? -1) >= v, waitMs, `diagnostics of edit version ${v}`);
      s.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: to }] });
      await next.catch((e: unknown) => {
        if (!(e instanceof TimeoutError)) throw e;
      });
    }
    async function pair(cat: EditCategory, waitMs: number): Promise<void> {
      const k = nextSpot.get(cat.name) ?? 0;
      nextSpot.set(cat.name, k + 1);
      const spot = cat.spots[k % cat.spots.length]!;
      await edit(cat, spot, true, waitMs);
      // Always back, even when the forward edit's wait ran out: the text returns to the original.
      await edit(cat, spot, false, waitMs);
    }
    async function request(into: RequestRecord[], method: string, params: unknown): Promise<boolean> {
      const duringScan = scanning;
      try {
        const r = await s.timed(method, params, bound.request);
        into.push({ ms: r.ms, duringScan });
        return true;
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        into.push({ ms: Infinity, duringScan });
        return false;
      }
    }
    const hover = (i: number): Promise<boolean> => request(hovers, 'textDocument/hover', { textDocument: { uri }, position: lines.position(names[i % names.length]!) });
    const lens = (): Promise<boolean> => request(lenses, 'textDocument/codeLens', { textDocument: { uri } });

    try {
      const indexedP = s.nextNotification<{ files: number; ms: number }>('k8sDns/indexed', bound.scan);
      const scanEnd = indexedP.then(
        (r) => {
          indexed = r;
          peakAtIndexed = s.peakRss();
        },
        (e: unknown) => {
          scanNote = e instanceof TimeoutError ? `timeout after ${(bound.scan / 1000).toFixed(0)} s` : String(e);
        },
      );
      void scanEnd.finally(() => (scanning = false));
      const tInit = performance.now();
      await s.initialize();
      const t0 = performance.now();
      s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });

      // First publish (an early one may hold the parse problems only).
      let first: Publish | undefined;
      try {
        first = await o.phase(s, 'folder: didOpen → first publish', () => s.nextDiagnostics((p) => p.params.uri === uri, bound.first, 'first diagnostics after didOpen'));
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
      }

      // During the scan: a pair of edits of each category in turn, 10 hovers (one per 50 ms) and, every third round, a code lens.
      let round = 0;
      await o.phase(s, 'folder: during the scan', async () => {
        while (scanning && !s.deathNote()) {
          await pair(categories[round % categories.length]!, bound.editPace);
          for (let i = 0; i < 10 && scanning; i++) {
            const sent = performance.now();
            await hover(round * 10 + i);
            await sleep(Math.max(0, 50 - (performance.now() - sent)));
          }
          if (round % 3 === 0 && scanning) await lens();
          round++;
        }
      });
      await scanEnd;
      const scanWall = indexed ? indexed.at - tInit : undefined;
      // A scan that did not end within its bound: nothing is "after the scan" (run with --patient).
      const scanEnded = indexed !== undefined;

      // Complete diagnostics: wait (bounded) for them after the scan, if they did not come yet.
      const completeBy = performance.now() + (scanEnded ? bound.complete : 0);
      await o.phase(s, 'folder: until complete diagnostics', async () => {
        while (ref && completeAt === undefined && performance.now() < completeBy && !s.deathNote()) await sleep(50);
      });
      const completeNote = completeAt !== undefined || !ref ? undefined : scanEnded ? `timeout: none within ${(bound.complete / 1000).toFixed(0)} s after the scan ended` : 'not detected: the scan did not end';

      // After the scan: each category on its own, `pairs` pairs each.
      const afterStart = performance.now();
      let afterNote: string | undefined;
      await o.phase(s, 'folder: edits after the scan', async () => {
        if (!scanEnded) return;
        for (const cat of categories) {
          for (let k = 0; k < o.pairs; k++) {
            if (performance.now() - afterStart > bound.afterEdits) {
              afterNote = `stopped: the budget of ${fmtMs(bound.afterEdits)} for edits after the scan is spent`;
              return;
            }
            if (s.deathNote()) return;
            await pair(cat, bound.edit);
          }
        }
      });
      const hoverStart = performance.now();
      await o.phase(s, 'folder: hovers after the scan', async () => {
        for (let i = 0; scanEnded && i < 200 && performance.now() - hoverStart < bound.hovers && !s.deathNote(); i++) if (!(await hover(i))) break;
      });
      const lensStart = performance.now();
      await o.phase(s, 'folder: code lenses after the scan', async () => {
        for (let i = 0; scanEnded && i < 20 && performance.now() - lensStart < bound.lenses && !s.deathNote(); i++) if (!(await lens())) break;
      });
      // A last short wait, so edits of the end get their publish.
      const endBy = performance.now() + Math.min(bound.edit, 5_000);
      while (performance.now() < endBy && edits.some((e) => !publishes.some((p) => (p.params.version ?? -1) >= e.version && p.at >= e.sentAt))) await sleep(50);
      const peak = s.peakRss() ?? peakSeen;
      const end = performance.now();

      // ---- Figures.
      if (first) {
        const syntaxOnly = !ref || !matchesReference(first.params.diagnostics, ref);
        fig('didOpen → first publish', `${fmtMs(first.at - t0)} (${first.params.diagnostics.length} diagnostics${syntaxOnly ? ', not yet complete' : ', complete'}) = ${ratio(first.at - t0, o.floorMs)} the floor`);
      } else fig('didOpen → first publish', `timeout after ${(bound.first / 1000).toFixed(0)} s`);
      if (completeAt !== undefined) {
        fig('didOpen → complete diagnostics (= the CLI check)', `${fmtMs(completeAt - t0)} (${ref!.count} diagnostics) = ${ratio(completeAt - t0, o.floorMs)} the floor`);
      } else {
        fig('didOpen → complete diagnostics (= the CLI check)', completeNote ?? 'not detected (no reference)');
        if (ref && lastPristine) note(`last publish of the original text: ${fmtMs(lastPristine.at - t0)} after didOpen, ${lastPristine.params.diagnostics.length} diagnostics; ${differenceFromReference(lastPristine.params.diagnostics, ref)}`);
      }
      if (ref) note(`reference diagnostics: ${codeCounts([...ref.codes].flatMap(([code, n]) => Array.from({ length: n }, () => ({ code }))))}`);
      if (indexed) {
        fig('scan with the file open (k8sDns/indexed)', `${fmtMs(indexed.params.ms)} (server: ${indexed.params.files} files; initialize → indexed ${fmtMs(scanWall)})`, `≤ ${TARGET.scanRatio}× alone`);
        fig('  ratio to the scan with no file open', ratio(indexed.params.ms, alone.ms), `≤ ${TARGET.scanRatio}×`);
      } else {
        fig('scan with the file open (k8sDns/indexed)', scanNote ?? 'no notification');
        note('the scan did not end: nothing is measured after it (run with --patient)');
      }

      out(`  edit → publish with version ≥ the edit's, by category   [target: p95 ≤ ${TARGET.editP95} ms in each, during and after the scan]`);
      out(`    ${'category'.padEnd(30)} ${'during the scan'.padEnd(44)} ${'after the scan'.padEnd(44)} diagnostics changed`);
      const latency = (e: EditRecord): number => {
        const p = publishes.find((q) => (q.params.version ?? -1) >= e.version && q.at >= e.sentAt);
        return p ? p.at - e.sentAt : Infinity;
      };
      const changed = (e: EditRecord): boolean | undefined => {
        // A forward edit changed the diagnostics when its own publish differs from the reference (the original text's).
        const p = publishes.find((q) => q.params.version === e.version);
        return p && ref ? !matchesReference(p.params.diagnostics, ref) : undefined;
      };
      for (const cat of categories) {
        const mine = edits.filter((e) => e.category === cat.name);
        const during = mine.filter((e) => e.duringScan).map(latency);
        const after = mine.filter((e) => !e.duringScan).map(latency);
        const fwd = mine.filter((e) => e.forward && !e.duringScan && completeAt !== undefined && e.sentAt > completeAt);
        const judged = fwd.map(changed).filter((x) => x !== undefined);
        const ch = judged.length ? `${judged.filter(Boolean).length}/${judged.length}` : 'n/a';
        out(`    ${cat.name.padEnd(30)} ${dist(during, 'none').padEnd(44)} ${dist(after, 'none').padEnd(44)} ${ch}`);
      }
      const all = edits.map(latency);
      fig('  all edits, during the scan', dist(edits.filter((e) => e.duringScan).map(latency)));
      fig('  all edits, after the scan', dist(edits.filter((e) => !e.duringScan).map(latency)));
      const firstEdit = edits[0];
      if (firstEdit) fig('  the first edit after opening', `${fmtLat(all[0], never(firstEdit.sentAt))} (${firstEdit.category}, ${fmtMs(firstEdit.sentAt - t0)} after didOpen${firstEdit.duringScan ? ', during the scan' : ''})`);
      note(`"none" = no publish reflected the edit by the end of the run; during the scan an edit waits ${fmtMs(bound.editPace)} before the next is sent, its latency is measured anyway`);
      note('"diagnostics changed": forward edits after complete diagnostics whose publish differs from the original text\'s (no rule reads probe ports today)');
      if (afterNote) note(afterNote);

      const req = (xs: RequestRecord[], during: boolean): number[] => xs.filter((x) => x.duringScan === during).map((x) => x.ms);
      fig('hover on a Service name, during the scan', dist(req(hovers, true), 'timeout'), `p95 ≤ ${TARGET.hoverP95} ms`);
      fig('hover on a Service name, after the scan', dist(req(hovers, false), 'timeout'), `p95 ≤ ${TARGET.hoverP95} ms`);
      fig('code lens (whole file), during the scan', dist(req(lenses, true), 'timeout'), `median ≤ ${TARGET.lensMedian} ms`);
      fig('code lens (whole file), after the scan', dist(req(lenses, false), 'timeout'), `median ≤ ${TARGET.lensMedian} ms`);
      note(`a request that times out (${fmtMs(bound.request)}) counts as "timeout" and ends its series`);
      fig('peak RSS (VmHWM)', `${fmtMB(peak)} (at the end of the scan ${fmtMB(peakAtIndexed)}; VmRSS at the end ${fmtMB(rssNow)})`, `≤ ${TARGET.peakMB} MB`);
      note(`scenario ran ${fmtMs(end - started)} (the CLI reference and the scan alone included)`);
      const died = s.deathNote();
      if (died) note(died);
    } finally {
      clearInterval(rssTimer);
      stopListening();
      await s.stop(o.stopGraceMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out();
}
