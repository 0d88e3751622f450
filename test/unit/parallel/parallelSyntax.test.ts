/**
 * Parsing on two threads reads a file exactly as one thread does: same objects, ranges, values
 * and problems; and a worker that fails or stalls costs nothing but time.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { chunksOf, readManifest } from '../../../server/src/manifests';
import { readChunks, useSyntaxWorker, workerStats } from '../../../server/src/parallel/parallelSyntax';
import { SyntaxPool } from '../../../server/src/parallel/syntaxPool';
import { ManifestFile } from '../../../server/src/workspace/manifestFile';

const WORKER = join(__dirname, '../../../out/syntaxWorker.js');
const dir = mkdtempSync(join(tmpdir(), 'k8s-dns-worker-'));
after(() => {
  useSyntaxWorker(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const DOCS = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: x\nspec:\n  ports:\n  - name: http\n    port: 80\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  URL: http://a.x:80/\n',
  '# only a comment\n',
  '',
  'apiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata: {name: l1}\n- kind: Pod\n  metadata: {name: l2}\n',
  'kind: Service\nmetadata:\n  name: broken\nspec: {ports: [\n',
  'kind: Service\nmetadata:\n  name: dup\n  name: dup2\n',
  'kind: Service\nmetadata:\n  name: {{ .Values.name }}\n',
  'kind: ConfigMap\nmetadata: {name: anchors}\ndata: &d {a: "1"}\nother: *d\n',
  'kind: Service\nspec:\n  ports: "not a list"\n',
  '\r\nkind: Namespace\r\nmetadata:\r\n  name: crlf\r\n',
  // What Kubernetes' decoder reads (issue 12): lone CRs, YAML 1.1 booleans, null labels, merge keys, quoted continuations.
  'kind: Service\rmetadata:\r  name: cr\r  labels: {tier: null, public: yes}\r',
  'kind: Service\nmetadata: {name: merged}\nspec:\n  ports:\n  - &p {name: a, port: 53}\n  - <<: *p\n    name: b\n',
  "kind: Pod\nmetadata:\n  name: q\nstatus:\n  message: 'long\n  continued'\n",
  'kind: Service\nmetadata:\n\tname: tabs\nspec:\n\tports: []\n',
];

/** Everything a reader sees of a file: objects with their ranges and values, and problems. */
function view(f: ManifestFile): unknown {
  const objects = f.objects().map((o) => ({
    kind: o.kind,
    name: o.meta.name,
    ns: o.meta.namespace,
    range: o.source.range,
    doc: o.source.docIndex,
    list: o.source.listIndex,
    name_at: o.source.locate(['metadata', 'name']),
    path: o.source.pathAt(o.source.range.start + 2),
  }));
  return { objects, problems: f.problems(), helm: f.helm, kube: f.looksLikeKubernetes };
}

function readBoth(text: string): { one: unknown; two: unknown; workerDocs: number } {
  useSyntaxWorker(undefined);
  const one = view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }));
  useSyntaxWorker(WORKER, { minLength: 0, minCores: 1 });
  const before = workerStats.documents;
  const two = view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }));
  return { one, two, workerDocs: workerStats.documents - before };
}

test('the worker is built (npm run build), or these tests would prove nothing', () => {
  assert.ok(existsSync(WORKER), `${WORKER} is missing: run npm run build`);
});

test('any mix of documents reads the same on two threads as on one', () => {
  let workerDocs = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...DOCS), { minLength: 2, maxLength: 40 }), fc.constantFrom('---\n', '\n---\n', '--- # c\n'), (docs, sep) => {
      const both = readBoth(docs.join(sep));
      assert.deepEqual(both.two, both.one);
      workerDocs += both.workerDocs;
    }),
    { numRuns: 25 },
  );
  // (A file whose documents all start in its first half is parsed on the main thread alone.)
  assert.ok(workerDocs > 0, `the worker parsed part of the files (${workerDocs} documents)`);
});

test('the CLI reader (readManifest) gives the same objects and problems with the worker', () => {
  const text = Array.from({ length: 300 }, (_, i) => DOCS[i % DOCS.length]!).join('---\n');
  useSyntaxWorker(undefined);
  const one = readManifest(text, 'm.yaml', { defaultNamespace: 'default', lazySyntax: true }, readChunks);
  useSyntaxWorker(WORKER, { minLength: 0, minCores: 1 });
  const before = workerStats.documents;
  const two = readManifest(text, 'm.yaml', { defaultNamespace: 'default', lazySyntax: true }, readChunks);
  assert.ok(workerStats.documents > before);
  assert.deepEqual(
    two.objects.map((o) => [o.kind, o.meta.name, o.source.range, o.source.locate(['metadata'])]),
    one.objects.map((o) => [o.kind, o.meta.name, o.source.range, o.source.locate(['metadata'])]),
  );
  assert.deepEqual(two.problems, one.problems);
});

test('a stream of JSON objects reads the same with the worker, one object each', () => {
  const text = Array.from({ length: 300 }, (_, i) => JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}`, labels: { on: true } } })).join('\n');
  useSyntaxWorker(undefined);
  const one = readManifest(text, 'm.json', { defaultNamespace: 'default', lazySyntax: true }, readChunks);
  useSyntaxWorker(WORKER, { minLength: 0, minCores: 1 });
  const before = workerStats.documents;
  const two = readManifest(text, 'm.json', { defaultNamespace: 'default', lazySyntax: true }, readChunks);
  assert.ok(workerStats.documents > before);
  assert.equal(one.objects.length, 300);
  assert.deepEqual(
    two.objects.map((o) => [o.meta.name, o.source.range, o.source.locate(['metadata', 'labels', 'on'])]),
    one.objects.map((o) => [o.meta.name, o.source.range, o.source.locate(['metadata', 'labels', 'on'])]),
  );
  assert.deepEqual(two.problems, one.problems);
});

test('a worker that fails, or never answers, leaves the main thread to parse everything', () => {
  const text = Array.from({ length: 120 }, (_, i) => DOCS[i % DOCS.length]!).join('---\n');
  useSyntaxWorker(undefined);
  const expected = view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }));
  const failing = join(dir, 'failing.js');
  writeFileSync(
    failing,
    "const { parentPort } = require('node:worker_threads');\n" +
      "parentPort.on('message', (job) => { job.port.postMessage({ failed: 'boom' }); Atomics.add(job.signal, 0, 1); Atomics.notify(job.signal, 0); });\n",
  );
  const silent = join(dir, 'silent.js');
  writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
  for (const script of [failing, silent]) {
    useSyntaxWorker(script, { minLength: 0, stallMs: 300, minCores: 1 });
    const started = performance.now();
    assert.deepEqual(view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true })), expected, script);
    if (script === silent) assert.ok(performance.now() - started >= 300, 'waited for the stalled worker, then gave up');
  }
});

test('the scan pool parses whole files asynchronously, the same as one thread', async () => {
  const text = Array.from({ length: 60 }, (_, i) => DOCS[i % DOCS.length]!).join('---\n');
  useSyntaxWorker(undefined);
  const expected = view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }));
  useSyntaxWorker(WORKER, { minCores: 1 });
  const pool = new SyntaxPool();
  try {
    const syntaxes = await pool.parse(text, chunksOf(text, 'file:///m.yaml'), 'file:///m.yaml', false);
    assert.ok(syntaxes && syntaxes.filter(Boolean).length === chunksOf(text, 'file:///m.yaml').length, 'every document parsed by the worker');
    assert.deepEqual(view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }, syntaxes)), expected);
    // The same worker takes the next file.
    const again = await pool.parse(DOCS[0]!, chunksOf(DOCS[0]!, 'file:///n.yaml'), 'file:///n.yaml', false);
    assert.equal(again?.length, 1);
  } finally {
    pool.close();
  }
});

test('the scan pool gives back what it has when its worker fails or stalls', async () => {
  const text = Array.from({ length: 30 }, (_, i) => DOCS[i % DOCS.length]!).join('---\n');
  const chunks = chunksOf(text, 'file:///m.yaml');
  useSyntaxWorker(undefined);
  const expected = view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }));
  const silent = join(dir, 'silent-pool.js');
  writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
  useSyntaxWorker(silent, { minCores: 1, stallMs: 300 });
  const pool = new SyntaxPool();
  const started = performance.now();
  const syntaxes = await pool.parse(text, chunks, 'file:///m.yaml', false);
  assert.ok(performance.now() - started >= 290, 'waited for the stalled worker, then gave up');
  assert.deepEqual(syntaxes, []);
  // Documents without a syntax are parsed on the main thread.
  assert.deepEqual(view(new ManifestFile('file:///m.yaml', text, { defaultNamespace: 'default', lazySyntax: true }, syntaxes)), expected);
  pool.close();
});
