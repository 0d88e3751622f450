/**
 * The check scheduler (issue 13): the work an event causes is bounded by what it changed, the
 * editor's work goes first, and a scan does not re-check a large open document once per file.
 * Deterministic: rule runs are counted per object through the index hook, never timed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../server/src/manifests';
import { CheckScheduler, type PublishMode, type SchedulerClock } from '../../../server/src/session/checkScheduler';
import { FolderIndexes } from '../../../server/src/workspace/folderIndexes';
import { WorkspaceIndex } from '../../../server/src/workspace';

const NS = 20;
const OPEN = 'file:///ws/big.yaml';

/** Groups of a Service, the Deployment it selects and a ConfigMap naming Services (some only the scan provides). */
function bigText(groups: number): string {
  const docs: string[] = [];
  for (let i = 0; i < groups; i++) {
    const ns = `ns-${i % NS}`;
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: big-${i}\n  namespace: ${ns}\nspec:\n  selector:\n    app: big-${i}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n`);
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big-${i}\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels:\n    app: big-${i}\n  template:\n    metadata:\n      labels:\n        app: big-${i}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          httpGet:\n            port: http\n`,
    );
    // Names of Services the scan brings (ws-N), of this file, and of the scan's Deployments' Services.
    docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\n  namespace: ${ns}\ndata:\n  a: http://ws-${i % 2000}.ns-${(i % 2000) % NS}:80/\n  b: big-${(i * 7) % groups}.ns-${((i * 7) % groups) % NS}.svc.cluster.local\n  c: ws-${(i * 13) % 2000}.ns-${((i * 13) % 2000) % NS}.svc\n`);
  }
  return docs.join('---\n');
}

/** A scan file: a Service the open document names, its Deployment, and a pod template the open document's Services select. */
function scanText(f: number): string {
  const ns = `ns-${f % NS}`;
  return [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ws-${f}\n  namespace: ${ns}\nspec:\n  selector:\n    app: ws-${f}\n  ports:\n  - port: 80\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ws-${f}\n  namespace: ${ns}\nspec:\n  template:\n    metadata:\n      labels:\n        app: ws-${f}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`,
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra-${f}\n  namespace: ${ns}\n  labels:\n    app: big-${f}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
  ].join('---\n');
}

interface Harness {
  readonly indexes: FolderIndexes;
  readonly scheduler: CheckScheduler;
  readonly open: Set<string>;
  readonly counts: Map<KubeObject, number>;
  readonly publishes: { uri: string; mode: PublishMode }[];
  /** Runs queued turns of the scheduler (at most `turns`); returns how many ran. */
  turn(turns?: number): number;
}

function harness(): Harness {
  const counts = new Map<KubeObject, number>();
  const indexes = new FolderIndexes(undefined, { checked: (o) => counts.set(o, (counts.get(o) ?? 0) + 1) });
  const open = new Set<string>();
  const publishes: { uri: string; mode: PublishMode }[] = [];
  const queue: (() => void)[] = [];
  const clock: SchedulerClock = { now: () => performance.now(), defer: (fn) => void queue.push(fn) };
  const scheduler = new CheckScheduler(
    {
      indexes,
      isOpen: (u) => open.has(u),
      publish: (uri, mode) => {
        publishes.push({ uri, mode });
        indexes.holderOf(uri)?.diagnosticGroups(uri, { notCurrent: mode });
      },
    },
    clock,
  );
  const turn = (turns = Infinity): number => {
    let n = 0;
    while (n < turns && queue.length) {
      queue.shift()!();
      n++;
    }
    return n;
  };
  return { indexes, scheduler, open, counts, publishes, turn };
}

function shown(index: WorkspaceIndex, uri: string): string[] {
  const g = index.diagnosticGroups(uri);
  return [...g.problems, ...g.objects.flatMap(([, f]) => f)].map((f) => `${f.code}@${f.range.start}:${f.message}`);
}

test('a 10,000-object open document and a 2,000-file scan: each object of the document is checked at most 3 times', () => {
  const h = harness();
  const text = bigText(3334);
  h.open.add(OPEN);
  h.scheduler.openedLarge(OPEN, h.indexes.setFile(OPEN, text, false));
  const objects = h.indexes.file(OPEN)!.objects();
  assert.ok(objects.length >= 10_000, `${objects.length} objects`);
  h.scheduler.scanStarted();
  for (let f = 0; f < 2000; f++) {
    h.scheduler.changed(h.indexes.setFile(`file:///ws/scan/f${f}.yaml`, scanText(f), false));
    h.turn(2); // a few slices between reads, as the event loop gives them
  }
  h.scheduler.scanEnded();
  h.turn();
  assert.ok(h.scheduler.idle);
  let max = 0;
  let total = 0;
  for (const o of objects) {
    const n = h.counts.get(o) ?? 0;
    assert.ok(n >= 1, 'every object is checked');
    max = Math.max(max, n);
    total += n;
  }
  assert.ok(max <= 3, `an object was checked ${max} times`);
  assert.ok(total <= 2 * objects.length, `${total} checks for ${objects.length} objects`);
  // The open document is not published once per file read.
  const published = h.publishes.filter((p) => p.uri === OPEN).length;
  assert.ok(published < 50, `${published} publishes of the open document`);
  // And it ends as a fresh index of the same texts says.
  const fresh = new WorkspaceIndex();
  fresh.setFile(OPEN, text, false);
  for (let f = 0; f < 2000; f++) fresh.setFile(`file:///ws/scan/f${f}.yaml`, scanText(f), false);
  assert.deepEqual(shown(h.indexes.holderOf(OPEN)!, OPEN), shown(fresh, OPEN));
});

test("an edit's re-check and publish go before the open document's other checks and the scan's", () => {
  const h = harness();
  const text = bigText(400);
  h.open.add(OPEN);
  h.scheduler.openedLarge(OPEN, h.indexes.setFile(OPEN, text, false));
  h.turn(1); // the parse problems published; the checks have begun
  assert.deepEqual(h.publishes.map((p) => p.uri), [OPEN]);
  h.scheduler.scanStarted();
  h.scheduler.changed(h.indexes.setFile('file:///ws/scan/f1.yaml', scanText(1), false));
  // Edit one probe's named port.
  const at = text.indexOf('port: http\n', text.indexOf('readinessProbe')) + 'port: '.length;
  h.counts.clear();
  h.scheduler.editorChanged([OPEN], h.indexes.editFile(OPEN, [{ start: at, end: at + 4, text: 'htt' }]));
  const before = h.publishes.length;
  let turns = 0;
  while (h.publishes.length === before) turns += h.turn(1);
  assert.equal(h.publishes.at(-1)!.uri, OPEN);
  // Before that publish, only the edit's objects were checked: its Deployment, what selects it and
  // what watches pod templates (a selector that matched nothing when checked), not the rest of the
  // file (1,200 objects) or of its namespace (60).
  assert.ok(h.counts.size > 0 && h.counts.size <= 20, `${h.counts.size} objects checked before the edit's publish (${turns} slices): ${[...h.counts.keys()].map((o) => `${o.kind}/${o.meta.namespace}/${o.meta.name}`).join(", ")}`);
  h.scheduler.scanEnded();
  h.turn();
  assert.ok(h.scheduler.idle);
});

test('a file read by the scan that nothing in the open document depends on re-checks nothing there', () => {
  const h = harness();
  const text = bigText(100);
  h.open.add(OPEN);
  h.scheduler.openedLarge(OPEN, h.indexes.setFile(OPEN, text, false));
  h.turn();
  h.counts.clear();
  h.scheduler.changed(h.indexes.setFile('file:///ws/other.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\n  namespace: elsewhere\ndata:\n  x: "1"\n', false));
  h.turn();
  const inOpen = [...h.counts.keys()].filter((o) => o.source.file === OPEN);
  assert.deepEqual(inOpen.map((o) => o.meta.name), []);
});

test("scan reads run a slice's worth per turn, after an edit's work and before the open document's other checks", async () => {
  const h = harness();
  // A clock that moves 1 ms each time it is read: a slice (3 ms) holds a few reads, deterministically.
  let ms = 0;
  const queue: (() => void)[] = [];
  const scheduler = new CheckScheduler(
    { indexes: h.indexes, isOpen: (u) => h.open.has(u), publish: (uri) => h.publishes.push({ uri, mode: 'last' }) },
    { now: () => ms++, defer: (fn) => void queue.push(fn) },
  );
  const turn = (): void => queue.shift()!();
  const text = bigText(50);
  h.open.add(OPEN);
  scheduler.openedLarge(OPEN, h.indexes.setFile(OPEN, text, false));
  turn(); // the parse problems published, a first slice of checks
  scheduler.scanStarted();
  const applied: number[] = [];
  const reads = Array.from({ length: 10 }, (_, f) =>
    scheduler.inTurn(() => {
      applied.push(f);
      scheduler.changed(h.indexes.setFile(`file:///ws/scan/f${f}.yaml`, scanText(f), false));
    }),
  );
  // An edit comes after the reads were queued: its check and publish still go first.
  const at = text.indexOf('port: http\n', text.indexOf('readinessProbe')) + 'port: '.length;
  scheduler.editorChanged([OPEN], h.indexes.editFile(OPEN, [{ start: at, end: at + 4, text: 'htt' }]));
  const publishes = h.publishes.length;
  h.counts.clear();
  turn();
  assert.ok(h.publishes.length > publishes, 'the edit is published in the first slice');
  const firstSlice = applied.length;
  assert.ok(firstSlice < 10, `all ${firstSlice} reads in one slice: a slice must stop at its deadline`);
  while (applied.length < 10) {
    const checkedBefore = [...h.counts.keys()].filter((o) => o.source.file === OPEN).length;
    turn();
    // No never-checked object of the open document runs while reads are waiting.
    if (applied.length < 10) assert.equal([...h.counts.keys()].filter((o) => o.source.file === OPEN).length, checkedBefore);
  }
  await Promise.all(reads);
  assert.deepEqual(applied, [...Array(10).keys()], 'reads run in the order they came');
  scheduler.scanEnded();
  while (queue.length) turn();
  assert.ok(scheduler.idle);
});
