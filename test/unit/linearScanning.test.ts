/**
 * Linear growth (issue 12): every function that scans user text takes about ten times as long on
 * 100k characters as on 10k, whatever the characters — long runs of `#`, `-`, `.`, `:`, blanks,
 * letters, digits, `{{`, `$(`, line breaks, and mixtures of them that fast-check makes up.
 *
 * No wall-clock thresholds: the assertion is on the ratio of the two times, each the minimum of
 * several samples (noise only adds time; a full garbage collection before each), with a generous bound: linear is about 10, quadratic about
 * 100, and exponential never finishes (the test's timeout). A fast function is called many times
 * per sample, so that each sample lasts a few milliseconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { isBlankChunk, splitYamlDocuments } from '../../server/src/manifests/split';
import { chunksOf, hasHelmTemplate, readManifest } from '../../server/src/manifests/read';
import type { KubeObject } from '../../server/src/manifests/types';
import { looksLikeKubernetes } from '../../server/src/manifests/treatment';
import { LineOffsets } from '../../server/src/workspace/lineOffsets';
import { TextBuffer } from '../../server/src/workspace/textBuffer';
import { hostTokens } from '../../server/src/refs/hostTokens';
import { hasPlaceholder } from '../../server/src/checks/validation/placeholder';
import { YAML11_INT_TEST } from '../../server/src/manifests/yamlParse';
import { dnsNameUses } from '../../server/src/refs/dnsNames';
import { buildCluster, canonicalIPv6, makeConfig, fitsDnsLimits } from '../../server/src/dns';
import { dns1123SubdomainErrors, fqdnProblem } from '../../server/src/checks/validation/dns';
import { labelValueErrors, qualifiedNameErrors } from '../../server/src/checks/validation/qualifiedName';
import { parseIPSloppy } from '../../server/src/checks/validation/ip';

const SMALL = 10_000;
const LARGE = 100_000;
/** Linear is ~10, quadratic ~100. */
const MAX_RATIO = 30;

/** Pieces that, repeated, make the worst inputs of scanners and regular expressions. */
const ATOMS = ['#', '-', '.', ':', ' ', '\t', '\n', '\r', 'a', 'Z', '1', '{{', '}}', '{{-', '$(', '"', "'", '/', '@', '=', '!', '---', '...', 'kind:', '"kind"', 'http://', '::'];
/** Runs worth trying on their own (the fast-check mixtures add the rest). */
const RUNS = [...ATOMS, '# ', '- ', '-\n', '\r\n', 'a.', '1.', 'a:', '$(a', '- kind:'];

/** `unit` repeated to exactly `n` characters, ending with `tail` (a character that makes a match fail). */
function textOf(unit: string, n: number, tail: string): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n - tail.length) + tail;
}

// A full collection before each sample, so that one sample does not pay for the garbage of another.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Milliseconds per call over `calls` calls (after a collection, unless told not to). */
function sample(fn: () => unknown, calls: number, collect = true): number {
  if (collect) gc();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return (performance.now() - t0) / calls;
}

/** Calls per sample so that one sample lasts about 3 ms (timer resolution and noise then matter little). */
function callsFor(fn: () => unknown): number {
  let calls = 1;
  while (sample(fn, calls, false) * calls < 3 && calls < 1 << 20) calls *= 2;
  return calls;
}

interface Growth {
  readonly ratio: number;
  readonly small: number;
  readonly large: number;
}

/** The ratio of the times per call of `fn` on `make(large)` and on `make(small)`, each the minimum of several samples. */
function growth(fn: (input: never) => unknown, make: (n: number) => unknown, smallSize = SMALL, largeSize = LARGE): Growth {
  const small = make(smallSize) as never;
  const large = make(largeSize) as never;
  const runSmall = (): unknown => fn(small);
  const runLarge = (): unknown => fn(large);
  const smallCalls = callsFor(runSmall);
  const largeCalls = callsFor(runLarge);
  let minSmall = Infinity;
  let minLarge = Infinity;
  for (let rep = 0; rep < 9; rep++) {
    minSmall = Math.min(minSmall, sample(runSmall, smallCalls));
    minLarge = Math.min(minLarge, sample(runLarge, largeCalls));
    if (rep >= 2 && minLarge / minSmall < MAX_RATIO) break;
  }
  return { ratio: minLarge / minSmall, small: minSmall, large: minLarge };
}

/** One plain pass over a text: the unit of linear work. */
function onePass(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

function assertLinear(name: string, fn: (input: never) => unknown, make: (n: number) => unknown, what: string): void {
  const g = growth(fn, make);
  if (g.ratio < MAX_RATIO) return;
  // V8 allocates an array or string of more than about 16k elements in its large-object space, at
  // several times the cost per element: a linear function that builds one (line starts, a split)
  // steps up once between 10k and 100k characters. Past the step, 100k to 1M decides (quadratic
  // is x100 there too).
  const past = growth(fn, make, LARGE, 10 * LARGE);
  if (past.ratio < MAX_RATIO) return;
  // A function that takes microseconds (a memchr-fast indexOf) meets the caches instead: 10k
  // characters stay in the nearest one, 1M do not. What it does at 100k is then compared with one
  // plain pass over the same text: quadratic work would be thousands of passes.
  const input = make(LARGE);
  const text = typeof input === 'string' ? input : textOf(' ', LARGE, ' ');
  const pass = sample(() => onePass(text), callsFor(() => onePass(text)));
  assert.ok(
    g.large < MAX_RATIO * pass,
    `${name} grows faster than linearly on ${what}: ${g.small.toFixed(3)} ms at ${SMALL} characters, ${g.large.toFixed(3)} ms at ${LARGE} (×${g.ratio.toFixed(1)}; linear is ×10), ` +
      `${past.large.toFixed(3)} ms at ${10 * LARGE} (×${past.ratio.toFixed(1)} from ${LARGE}), ${(g.large / pass).toFixed(0)} times one pass over the text`,
  );
}

// ---------------------------------------------------------------------------------------------
// The scanners, each as a function of one text.

const cluster = buildCluster(
  readManifest('apiVersion: v1\nkind: Service\nmetadata: {name: quote, namespace: kiada}\nspec: {ports: [{name: http, port: 80}]}\n', 'svc.yaml', {
    defaultNamespace: 'default',
  }).objects,
  makeConfig(),
);

/** A ConfigMap whose one value is `text` (JSON is YAML: any text can be a string value). */
function configMapWith(text: string): KubeObject {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'kiada' }, data: { URL: text } });
  const o = readManifest(json, 'cm.json', { defaultNamespace: 'default' }).objects[0];
  assert.ok(o, 'the ConfigMap was read');
  return o;
}

type Scanner = { readonly name: string; readonly fn: (text: never) => unknown; readonly input?: (text: string) => unknown; readonly slow?: boolean };

const SCANNERS: Scanner[] = [
  { name: 'splitYamlDocuments', fn: (t: string) => splitYamlDocuments(t) },
  { name: 'isBlankChunk', fn: (t: string) => isBlankChunk(t) },
  { name: 'chunksOf', fn: (t: string) => chunksOf(t, 'x.yaml') },
  { name: 'looksLikeKubernetes', fn: (t: string) => looksLikeKubernetes(t) },
  { name: 'hasHelmTemplate', fn: (t: string) => hasHelmTemplate(t) },
  { name: 'LineOffsets', fn: (t: TextBuffer) => new LineOffsets(t).positionAt(t.length >> 1), input: (t) => new TextBuffer(t) },
  // A fresh object per call: hostTokens and dnsNameUses cache per object.
  { name: 'hostTokens', fn: (o: KubeObject) => hostTokens({ ...o }), input: configMapWith },
  { name: 'dnsNameUses', fn: (o: KubeObject) => dnsNameUses({ ...o }, cluster), input: configMapWith },
  { name: 'dns1123SubdomainErrors', fn: (t: string) => dns1123SubdomainErrors(t) },
  { name: 'qualifiedNameErrors', fn: (t: string) => qualifiedNameErrors(t) },
  { name: 'labelValueErrors', fn: (t: string) => labelValueErrors(t) },
  { name: 'fqdnProblem', fn: (t: string) => fqdnProblem(t) },
  { name: 'hasPlaceholder', fn: (t: string) => hasPlaceholder(t) },
  { name: 'YAML 1.1 integer test', fn: (t: string) => YAML11_INT_TEST.test(t) },
  { name: 'fitsDnsLimits', fn: (t: string) => fitsDnsLimits(t) },
  { name: 'canonicalIPv6', fn: (t: string) => canonicalIPv6(t) },
  { name: 'parseIPSloppy', fn: (t: string) => parseIPSloppy(t) },
  { name: 'readManifest', fn: (t: string) => readManifest(t, 'x.yaml', { defaultNamespace: 'default' }), slow: true },
];

const TAILS = ['!', '\n'];

for (const s of SCANNERS) {
  const make = (unit: string, tail: string) => (n: number) => (s.input ?? ((t: string) => t))(textOf(unit, n, tail));
  test(`${s.name} grows linearly on long runs of one piece`, { timeout: 600_000 }, () => {
    for (const unit of s.slow ? ATOMS : RUNS) {
      for (const tail of s.slow ? ['!'] : TAILS) assertLinear(s.name, s.fn, make(unit, tail), `${JSON.stringify(unit)} × n + ${JSON.stringify(tail)}`);
    }
  });
  test(`${s.name} grows linearly on mixtures (fast-check)`, { timeout: 600_000 }, () => {
    const unit = fc.array(fc.constantFrom(...ATOMS), { minLength: 2, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(unit, fc.constantFrom(...TAILS), (u, tail) => assertLinear(s.name, s.fn, make(u, tail), `${JSON.stringify(u)} × n + ${JSON.stringify(tail)}`)),
      { numRuns: s.slow ? 4 : 10, endOnFailure: true },
    );
  });
}

test('a readManifest of a real manifest shape grows linearly (many documents, comments, Helm)', { timeout: 600_000 }, () => {
  const doc = '# banner ##########\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  URL: "http://quote.kiada:80/x {{ .Values.a }}"\n';
  assertLinear('readManifest', (t: string) => readManifest(t, 'x.yaml', { defaultNamespace: 'default' }), (n: number) => textOf(doc, n, '\n'), 'repeated documents');
});
