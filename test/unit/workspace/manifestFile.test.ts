/** Incremental re-parse: after any edit, the file reads exactly as a fresh parse of its text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ManifestFile } from '../../../server/src/workspace/manifestFile';

const opts = { defaultNamespace: 'default' };
const DOCS = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - name: http\n    port: 80\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  URL: http://a.default:80/\n',
  '# a comment\napiVersion: v1\nkind: Service\nmetadata: {name: c}\nspec: {clusterIP: None}\n',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: d\n',
];

/** What a reader sees: each object's kind, name, and the text at a few of its ranges. */
function view(f: ManifestFile): string[] {
  const t = f.source;
  return f.objects().map((o) => {
    const r = o.source.range;
    const name = o.source.locate(['metadata', 'name']);
    return `${o.source.docIndex}:${o.kind}/${o.meta.name}@${t.slice(r.start, r.start + 12)}|${t.slice(name.start, name.end)}`;
  });
}
function problems(f: ManifestFile): string[] {
  return f.problems().map((p) => `${p.code}@${f.source.slice(p.range.start, p.range.end)}`);
}

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(12), text: fc.constantFrom('', 'x', '\n', '---\n', '\n---\n', 'name: z\n', '  ', ':', '{', '#', 'kind: Pod\n') });

test('any sequence of edits gives the same objects, ranges and problems as a fresh parse', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      let model = DOCS.join('---\n');
      const f = new ManifestFile('file:///m.yaml', model, opts);
      for (const e of edits) {
        const start = Math.floor(e.at * model.length);
        const end = Math.min(model.length, start + e.del);
        model = model.slice(0, start) + e.text + model.slice(end);
        f.applyEdit(start, end, e.text);
        // Read through the pieces (joining them would hide a slicing mistake).
        assert.equal(f.source.slice(0, f.source.length), model);
        const fresh = new ManifestFile('file:///m.yaml', model, opts);
        assert.deepEqual(view(f), view(fresh));
        assert.deepEqual(problems(f), problems(fresh));
        assert.equal(f.looksLikeKubernetes, fresh.looksLikeKubernetes);
      }
    }),
    { numRuns: 300 },
  );
});

test('a paste of 12,000 documents reads as a fresh parse (no spread of that many arguments)', () => {
  const f = new ManifestFile('file:///m.yaml', DOCS.join('---\n'), opts);
  const at = DOCS[0]!.length;
  f.applyEdit(at, at, 'kind: ConfigMap\nmetadata: {name: p}\n---\n'.repeat(12_000));
  const fresh = new ManifestFile('file:///m.yaml', f.text, opts);
  assert.equal(f.objects().length, fresh.objects().length);
  assert.ok(f.objects().length > 12_000);
  assert.deepEqual(view(f).slice(-5), view(fresh).slice(-5));
});
