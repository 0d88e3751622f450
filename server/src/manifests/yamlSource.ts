/**
 * Maps field paths to source ranges (and offsets back to paths) by walking the `yaml` package's
 * syntax tree. Lookups are lazy: reading an object costs nothing extra, and a diagnostic pays
 * one short walk for its range.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Document } from 'yaml';
import type { FieldPath, ObjectSource, TextRange } from './types';

/**
 * Where a document sits in its file. Shared by every object of the document and updated in place
 * when an edit elsewhere in the file moves the document, so unchanged documents need no re-parse.
 */
export interface DocumentBase {
  offset: number;
  docIndex: number;
}

export function nodeRange(node: Node, offset: number): TextRange {
  const r = node.range;
  if (!r) return { start: offset, end: offset };
  return { start: r[0] + offset, end: r[1] + offset };
}

interface Step {
  readonly value: Node | null;
  readonly key: Node | null;
}

function deref(node: Node, doc: Document): Node | undefined {
  if (!isAlias(node)) return node;
  return (node.resolve(doc) as Node | undefined) ?? undefined;
}

function child(node: Node, part: string | number, doc: Document): Step | undefined {
  const n = deref(node, doc);
  if (!n) return undefined;
  if (isMap(n)) {
    for (const pair of n.items) {
      const k = pair.key as Node | null;
      const kv = k && isScalar(k) ? k.value : k;
      if (kv === part || String(kv) === String(part)) return { value: (pair.value as Node | null) ?? null, key: k };
    }
    return undefined;
  }
  if (isSeq(n) && typeof part === 'number') {
    const item = n.items[part] as Node | undefined;
    return item ? { value: item, key: null } : undefined;
  }
  return undefined;
}

function contains(node: Node | null | undefined, rel: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= rel && rel <= r[1];
}

/** The path to the deepest node containing `rel` (an offset relative to the document). */
function pathAtNode(root: Node, rel: number): { path: (string | number)[]; onKey: boolean } | undefined {
  if (!contains(root, rel)) return undefined;
  const path: (string | number)[] = [];
  let node: Node = root;
  for (;;) {
    if (isMap(node)) {
      let next: Node | undefined;
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const v = pair.value as Node | null;
        const key = k && isScalar(k) ? String(k.value) : undefined;
        if (key === undefined) continue;
        if (contains(k, rel)) return { path: [...path, key], onKey: true };
        if (v && contains(v, rel)) {
          path.push(key);
          next = v;
          break;
        }
      }
      if (!next) return { path, onKey: false };
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => contains(it as Node, rel));
      if (i < 0) return { path, onKey: false };
      path.push(i);
      node = node.items[i] as Node;
    } else {
      return { path, onKey: false };
    }
  }
}

/** An `ObjectSource` backed by a YAML node of a document parsed on its own. */
export function yamlObjectSource(file: string, base: DocumentBase, doc: Document, root: Node, listIndex?: number): ObjectSource {
  const walk = (path: FieldPath, key: boolean): { range: TextRange; found: boolean } => {
    let node: Node = root;
    let best = nodeRange(root, base.offset);
    for (let i = 0; i < path.length; i++) {
      const step = child(node, path[i]!, doc);
      if (!step) return { range: best, found: false };
      const last = i === path.length - 1;
      if (last && key && step.key) return { range: nodeRange(step.key, base.offset), found: true };
      if (!step.value) {
        // `key:` with no value: point at the key.
        return { range: step.key ? nodeRange(step.key, base.offset) : best, found: last };
      }
      node = step.value;
      best = nodeRange(node, base.offset);
    }
    return { range: best, found: true };
  };
  return {
    file,
    get docIndex() {
      return base.docIndex;
    },
    ...(listIndex === undefined ? {} : { listIndex }),
    get range() {
      return nodeRange(root, base.offset);
    },
    locate: (path, opts) => walk(path, opts?.key ?? false).range,
    has: (path) => walk(path, false).found,
    pathAt: (offset) => pathAtNode(root, offset - base.offset),
  };
}

/**
 * An `ObjectSource` for an object that has no text (read from a cluster, or built in a test):
 * every range is empty, and `has` answers from the plain JSON value.
 */
export function syntheticSource(file: string, raw: unknown, docIndex = 0): ObjectSource {
  const range = { start: 0, end: 0 };
  const has = (path: FieldPath): boolean => {
    let v: unknown = raw;
    for (const part of path) {
      if (v === null || typeof v !== 'object') return false;
      v = (v as Record<string | number, unknown>)[part];
      if (v === undefined) return false;
    }
    return true;
  };
  return { file, docIndex, range, locate: () => range, has, pathAt: () => undefined };
}

/**
 * An `ObjectSource` that keeps only its document's text: the syntax tree is parsed again on the
 * first lookup. For batch reads (the CLI) that locate few objects: keeping every document's tree
 * alive costs more in garbage collection than re-parsing the few that are asked about.
 */
export function lazyYamlObjectSource(file: string, base: DocumentBase, src: string, parse: (src: string) => Document, nodePath: readonly (string | number)[], rootRange: TextRange, listIndex?: number): ObjectSource {
  let real: ObjectSource | undefined;
  const load = (): ObjectSource => {
    if (!real) {
      const doc = parse(src);
      const root = doc.contents as Node;
      const node = nodePath.length ? ((doc.getIn(nodePath, true) as Node | undefined) ?? root) : root;
      real = yamlObjectSource(file, base, doc, node, listIndex);
    }
    return real;
  };
  return {
    file,
    get docIndex() {
      return base.docIndex;
    },
    ...(listIndex === undefined ? {} : { listIndex }),
    get range() {
      return { start: rootRange.start + base.offset, end: rootRange.end + base.offset };
    },
    locate: (path, opts) => load().locate(path, opts),
    has: (path) => load().has(path),
    pathAt: (offset) => load().pathAt(offset),
  };
}
