/**
 * The index after any sequence of edits says what a fresh index of the same texts says: every
 * file's diagnostics (codes, ranges, messages, related locations) and the cluster's records.
 * This is the check on incremental re-parsing and on the dependency index that decides which
 * objects an edit re-checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allRecords } from '../../../server/src/dns';
import { WorkspaceIndex } from '../../../server/src/workspace';
import { parseSettings } from '../../../server/src/workspace/settings';
import { EXTRA, SWAPS, swapEdit } from '../../support/workspaceEdits';

const EXAMPLES = join(__dirname, '../../../examples');

function initialFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of readdirSync(EXAMPLES)) {
    for (const f of readdirSync(join(EXAMPLES, dir))) files.set(`file:///ws/${dir}/${f}`, readFileSync(join(EXAMPLES, dir, f), 'utf8'));
  }
  files.set('file:///ws/extra.yaml', EXTRA);
  return files;
}

type Op =
  | { kind: 'swap'; file: number; swap: number; back: boolean; nth: number }
  | { kind: 'char'; file: number; at: number; del: number; text: string }
  | { kind: 'remove'; file: number }
  | { kind: 'restore'; file: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('swap' as const), file: fc.nat(20), swap: fc.nat(SWAPS.length - 1), back: fc.boolean(), nth: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('char' as const), file: fc.nat(20), at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(3), text: fc.constantFrom('', 'x', '\n', ':', ' ', '-') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), file: fc.nat(20) }) },
);

/** The settings that change what the rules read: flavour, pod records, endpoint names, empty Services. */
const settingsArb = fc
  .record({ dnsFlavor: fc.constantFrom('coredns', 'kube-dns'), podRecords: fc.constantFrom('insecure', 'verified', 'disabled'), endpointPodNames: fc.boolean(), ignoreEmptyService: fc.boolean() })
  .map((s) => parseSettings(s));

/** What the editor shows of a file and the cluster: comparable across indexes. */
function view(index: WorkspaceIndex, uris: readonly string[]): unknown {
  const files = uris.map((uri) => {
    const groups = index.diagnosticGroups(uri);
    const findings = [...groups.problems, ...groups.objects.flatMap(([, fs]) => fs)].map((f) => ({
      code: f.code,
      severity: f.severity,
      range: f.range,
      message: f.message,
      field: f.field,
      related: f.related?.map((r) => ({ file: r.file, range: r.range, message: r.message })),
    }));
    return { uri, findings };
  });
  const records = allRecords(index.cluster()).map((r) => `${r.name} ${r.type} ${r.data}`);
  return { files, records };
}

test('after any sequence of edits, the index reads as a fresh index of the same texts', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), settingsArb, (ops, settings) => {
      const all = initialFiles();
      const uris = [...all.keys()];
      const texts = new Map(all);
      const index = new WorkspaceIndex(settings);
      for (const [uri, text] of texts) index.setFile(uri, text, false);
      view(index, uris); // findings cached before the edits, as an editor would have them
      for (const o of ops) {
        const uri = uris[o.file % uris.length]!;
        const text = texts.get(uri);
        if (o.kind === 'remove') {
          texts.delete(uri);
          index.removeFile(uri);
        } else if (o.kind === 'restore') {
          texts.set(uri, all.get(uri)!);
          index.setFile(uri, all.get(uri)!, false);
        } else if (text !== undefined && o.kind === 'swap') {
          const e = swapEdit(text, o.swap, o.back, o.nth);
          if (!e) continue;
          texts.set(uri, text.slice(0, e.start) + e.text + text.slice(e.end));
          index.editFile(uri, [e]);
        } else if (text !== undefined && o.kind === 'char') {
          const start = Math.floor(o.at * text.length);
          const end = Math.min(text.length, start + o.del);
          texts.set(uri, text.slice(0, start) + o.text + text.slice(end));
          index.editFile(uri, [{ start, end, text: o.text }]);
        }
        const fresh = new WorkspaceIndex(settings);
        for (const [u, t] of texts) fresh.setFile(u, t, false);
        const live = [...texts.keys()];
        assert.deepEqual(view(index, live), view(fresh, live));
      }
    }),
    { numRuns: 150 },
  );
});
