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

const EXAMPLES = join(__dirname, '../../../examples');
const EXTRA = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: kiada
spec:
  serviceName: quote
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: urls
  namespace: other
data:
  A: http://quote.kiada:80/
  B: http://quote-headless.kiada.svc.cluster.local:8080/
  C: kiada:8080
---
apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: kiada
  labels: {app: client}
spec:
  hostname: client-0
  subdomain: quote-headless
  containers:
  - name: c
    image: busybox
    ports:
    - name: web
      containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: alias
  namespace: other
spec:
  type: ExternalName
  externalName: quote.kiada.svc.cluster.local
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
  namespace: other
subsets:
- addresses: [{ip: 10.1.2.3}]
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: manual
  namespace: other
spec:
  clusterIP: None
  ports: [{name: http, port: 80}]
`;

function initialFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of readdirSync(EXAMPLES)) {
    for (const f of readdirSync(join(EXAMPLES, dir))) files.set(`file:///ws/${dir}/${f}`, readFileSync(join(EXAMPLES, dir, f), 'utf8'));
  }
  files.set('file:///ws/extra.yaml', EXTRA);
  return files;
}

/** Edits a user makes: renames, namespaces, headless or not, port names, written names, documents. */
const SWAPS: [string, string][] = [
  ['name: quote\n', 'name: quote2\n'],
  ['namespace: kiada\n', 'namespace: other\n'],
  ['clusterIP: None', 'clusterIP: 10.96.0.99'],
  ['  - name: http\n    port: 80', '  - port: 80'],
  ['http://quote.kiada:80', 'http://quote:80'],
  ['http://quote.kiada:80', 'http://quote.other:8080'],
  ['kubernetes.io/service-name: quote-headless', 'kubernetes.io/service-name: quote'],
  ['serviceName: quote', 'serviceName: quote-headless'],
  ['app: quote', 'app: kiada'],
  ['ready: true', 'ready: false'],
  ['\n---\n', '\n'],
  ['subdomain: quote-headless', 'subdomain: nowhere'],
  ['externalName: quote.kiada.svc.cluster.local', 'externalName: quote.kiada'],
  ['targetPort: http', 'targetPort: web'],
  ['app: client', 'app: quote'],
  ['    kubernetes.io/service-name: quote-headless\n', ''],
  ['name: manual\n', 'name: manual2\n'],
  ['quote-headless-6ddz4', 'quote-6ddz4'],
  ['- name: http\n          containerPort: 80', '- name: web\n          containerPort: 80'],
  ['serviceName: quote', 'serviceName: db'],
  ['kind: Service\n', 'kind: ConfigMap\n'],
  ['namespace: shop', 'namespace: kiada'],
  ['name: other\n', 'name: elsewhere\n'],
  ['type: ExternalName\n', ''],
  ['\n---\n', '\n---\napiVersion: v1\nkind: Service\nmetadata: {name: quote, namespace: other}\nspec: {ports: [{port: 80}]}\n---\n'],
];

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
    fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => {
      const all = initialFiles();
      const uris = [...all.keys()];
      const texts = new Map(all);
      const index = new WorkspaceIndex();
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
          const [a, b] = o.back ? [SWAPS[o.swap]![1], SWAPS[o.swap]![0]] : SWAPS[o.swap]!;
          let at = -1;
          for (let k = 0; k <= o.nth; k++) {
            const next = text.indexOf(a, at + 1);
            if (next < 0) break;
            at = next;
          }
          if (at < 0) continue;
          texts.set(uri, text.slice(0, at) + b + text.slice(at + a.length));
          index.editFile(uri, [{ start: at, end: at + a.length, text: b }]);
        } else if (text !== undefined && o.kind === 'char') {
          const start = Math.floor(o.at * text.length);
          const end = Math.min(text.length, start + o.del);
          texts.set(uri, text.slice(0, start) + o.text + text.slice(end));
          index.editFile(uri, [{ start, end, text: o.text }]);
        }
        const fresh = new WorkspaceIndex();
        for (const [u, t] of texts) fresh.setFile(u, t, false);
        const live = [...texts.keys()];
        assert.deepEqual(view(index, live), view(fresh, live));
      }
    }),
    { numRuns: 150 },
  );
});
