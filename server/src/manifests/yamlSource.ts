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

/** A node's range, shifted by `offset` (empty at `offset` when the node has none). */
export function nodeRange(node: Node, offset: number): TextRange {
  const r = node.range;
  if (!r) return { start: offset, end: offset };
  return { start: r[0] + offset, end: r[1] + offset };
}

/** Merge keys followed through merged maps at most this deep (an anchor cannot merge itself). */
const MAX_MERGE_DEPTH = 16;

interface Step {
  readonly value: Node | null;
  readonly key: Node | null;
}

function deref(node: Node, doc: Document): Node | undefined {
  if (!isAlias(node)) return node;
  return (node.resolve(doc) as Node | undefined) ?? undefined;
}

/** Whether a map key is a merge key (`<<`), which the parser reads as a symbol. */
function isMergeKey(k: Node | null): boolean {
  return !!k && isScalar(k) && typeof k.value === 'symbol';
}

/** The maps a merge key's value brings in (`<<: *a` or `<<: [*a, *b]`), first wins. */
function mergedMaps(value: Node | null, doc: Document): Node[] {
  const v = value && deref(value, doc);
  if (!v) return [];
  if (isSeq(v)) return (v.items as Node[]).map((it) => deref(it, doc)).filter((it): it is Node => !!it && isMap(it));
  return isMap(v) ? [v] : [];
}

function child(node: Node, part: string | number, doc: Document, depth = 0): Step | undefined {
  const n = deref(node, doc);
  if (!n) return undefined;
  if (isMap(n)) {
    for (const pair of n.items) {
      const k = pair.key as Node | null;
      if (isMergeKey(k)) continue;
      const kv = k && isScalar(k) ? k.value : k;
      if (kv === part || String(kv) === String(part)) return { value: (pair.value as Node | null) ?? null, key: k };
    }
    // A field merged in (`<<: *base`) is found where it is written: in the anchored map.
    if (depth < MAX_MERGE_DEPTH) {
      for (const pair of n.items) {
        if (!isMergeKey(pair.key as Node | null)) continue;
        for (const m of mergedMaps(pair.value as Node | null, doc)) {
          const found = child(m, part, doc, depth + 1);
          if (found) return found;
        }
      }
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
        const key = k && isScalar(k) && !isMergeKey(k) ? String(k.value) : undefined;
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

/** The syntax tree an object's source walks: its document and the object's node in it. */
export interface YamlTree {
  readonly doc: Document;
  readonly root: Node;
}

/**
 * An `ObjectSource` backed by a YAML node of a document parsed on its own. `tree` is called on
 * the first lookup (it may parse the document then); `rootRange` is the node's range in the
 * document, so the object's range needs no tree.
 */
export function yamlObjectSource(file: string, base: DocumentBase, tree: () => YamlTree, rootRange: TextRange, listIndex?: number): ObjectSource {
  const walk = (path: FieldPath, key: boolean): { range: TextRange; found: boolean } => {
    const { doc, root } = tree();
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
      return { start: rootRange.start + base.offset, end: rootRange.end + base.offset };
    },
    locate: (path, opts) => walk(path, opts?.key ?? false).range,
    has: (path) => walk(path, false).found,
    pathAt: (offset) => pathAtNode(tree().root, offset - base.offset),
  };
}

/**
 * Re-parsed trees kept at once, across all objects: the most recently used ones. Enough for the
 * objects on screen and an edit's re-checks; a publish of a large file's findings reads each
 * object's ranges once and keeps them, so its trees need not stay.
 */
const KEPT_TREES = 256;
const keptTrees = new Map<object, YamlTree>();

/**
 * A tree that is not kept: the document's text is parsed again when asked for (unless among the
 * recently used), and the node found at `nodePath` (the document's root when empty or missing).
 * For reads that locate few objects, keeping every document's tree alive costs more in garbage
 * collection than re-parsing the few that are asked about.
 */
export function reparsedTree(src: string, parse: (src: string) => Document, nodePath: readonly (string | number)[]): () => YamlTree {
  const key = {};
  return () => {
    let tree = keptTrees.get(key);
    if (tree) {
      keptTrees.delete(key); // most recently used last
    } else {
      const doc = parse(src);
      const root = doc.contents as Node;
      tree = { doc, root: nodePath.length ? ((doc.getIn(nodePath, true) as Node | undefined) ?? root) : root };
      if (keptTrees.size >= KEPT_TREES) keptTrees.delete(keptTrees.keys().next().value!);
    }
    keptTrees.set(key, tree);
    return tree;
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
