/**
 * The edits users make to a manifest, one category each, as spots in the generated big file
 * (bench/generate.ts): each spot is a replacement `from` → `to` on one line, sent as a forward
 * edit and then its revert, so the text returns to the original after every pair. Each changes
 * what is checked (an object's name, port, label, reference or namespace), except the baseline.
 */

export interface EditSpot {
  /** Offset of `from` in the original text. */
  readonly offset: number;
  readonly from: string;
  readonly to: string;
}

export interface EditCategory {
  readonly name: string;
  /** What other objects see changes: the edit re-checks dependents too. */
  readonly dependents: boolean;
  readonly spots: readonly EditSpot[];
}

/** The document (between `---` lines) around an offset. */
function docAt(text: string, at: number): string {
  const start = text.lastIndexOf('\n---\n', at);
  const end = text.indexOf('\n---\n', at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}

const kindOf = (doc: string): string | undefined => /\nkind: (\w+)\n/.exec(doc)?.[1];

/**
 * Every match of `re` (with the `d` flag and one group: the text to replace) whose document
 * passes `docOk`, `count` of them evenly spread over the file.
 */
function spots(text: string, re: RegExp, count: number, docOk: (doc: string) => boolean, to: (from: string) => string): EditSpot[] {
  const all: { offset: number; from: string }[] = [];
  for (const m of text.matchAll(re)) {
    const g = m.indices?.[1];
    if (!g) continue;
    if (!docOk(docAt(text, g[0]))) continue;
    all.push({ offset: g[0], from: m[1]! });
  }
  const step = Math.max(1, Math.floor(all.length / count));
  const chosen: EditSpot[] = [];
  // From a third in, not the first documents of the file (nor only the Namespaces at its top).
  for (let i = Math.floor(step / 3); i < all.length && chosen.length < count; i += step) chosen.push({ ...all[i]!, to: to(all[i]!.from) });
  return chosen;
}

const isKind =
  (...kinds: string[]) =>
  (doc: string): boolean =>
    kinds.includes(kindOf(doc) ?? '');
/** A Service that selects pods: others refer to it, and its name, ports and selector matter. */
const selectingService = (doc: string): boolean => kindOf(doc) === 'Service' && doc.includes('\n  selector:\n');
const otherPortName = (name: string): string => (name === 'http' ? 'metrics' : 'http');

/** The edit categories of issue 13 §4, `count` spots each; throws when the file lacks a shape. */
export function editCategories(text: string, count: number): EditCategory[] {
  const cats: EditCategory[] = [
    // The baseline: a Service's description annotation, which can change no answer (one character in, then out).
    { name: 'no-op annotation (baseline)', dependents: false, spots: spots(text, /\n {4}description: ()/dg, count, isKind('Service'), () => 'x') },
    { name: 'Service name', dependents: true, spots: spots(text, /\nkind: Service\nmetadata:\n {2}name: (svc-\d+)\n/dg, count, selectingService, (s) => `${s}x`) },
    { name: 'Service port name', dependents: true, spots: spots(text, /\n {2}- name: ([a-z]+)\n {4}port: /dg, count, selectingService, (s) => `${s}x`) },
    { name: 'Service selector label', dependents: true, spots: spots(text, /\n {2}selector:\n {4}app: ([a-z0-9-]+)\n/dg, count, selectingService, (s) => `${s}x`) },
    { name: 'pod template label', dependents: true, spots: spots(text, /\n {2}template:\n {4}metadata:\n {6}labels:\n {8}app: ([a-z0-9-]+)\n/dg, count, isKind('Deployment'), (s) => `${s}x`) },
    { name: 'container port name', dependents: true, spots: spots(text, /\n {8}- name: ([a-z]+)\n {10}containerPort: /dg, count, isKind('Deployment'), (s) => `${s}x`) },
    { name: 'readiness probe named port', dependents: false, spots: spots(text, /\n {8}readinessProbe:\n {10}httpGet:\n {12}path: \S+\n {12}port: ([a-z]+)\n/dg, count, isKind('Deployment'), otherPortName) },
    { name: 'ConfigMap value (DNS name)', dependents: false, spots: spots(text, /\n {2}endpoint_\d+: (?:[a-z]+:\/\/)?(svc-\d+)\./dg, count, isKind('ConfigMap'), (s) => `${s}x`) },
    {
      name: 'Service namespace',
      dependents: true,
      spots: spots(text, /\nkind: Service\nmetadata:\n {2}name: svc-\d+\n {2}namespace: (ns-\d+)\n/dg, count, selectingService, (s) => `ns-${(Number(s.slice(3)) + 1) % 40}`),
    },
  ];
  const missing = cats.filter((c) => c.spots.length === 0).map((c) => c.name);
  // Without spots a category would measure nothing: better no figure than a wrong one.
  if (missing.length) throw new Error(`bench: the generated file has no spot for: ${missing.join(', ')}`);
  return cats;
}

/** Positions on the names of `count` Services spread over the file (for hovers). */
export function serviceNameOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const needle = '\nkind: Service\nmetadata:\n  name: ';
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) all.push(i + needle.length + 2);
  const step = Math.max(1, Math.floor(all.length / count));
  const out: number[] = [];
  for (let i = 0; i < all.length && out.length < count; i += step) out.push(all[i]!);
  return out;
}
