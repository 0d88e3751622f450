/**
 * Maps field paths to source ranges by walking the `yaml` package's syntax tree. Lookups are lazy:
 * reading an object costs nothing extra, and a diagnostic pays one short walk for its range.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Document } from 'yaml';
import type { FieldPath, ObjectSource, TextRange } from './types';

function nodeRange(node: Node, offset: number): TextRange {
  const r = node.range;
  if (!r) return { start: offset, end: offset };
  return { start: r[0] + offset, end: r[1] + offset };
}

interface Step {
  readonly value: Node | null;
  readonly key: Node | null;
}

function child(node: Node, part: string | number, doc: Document): Step | undefined {
  let n: Node = node;
  if (isAlias(n)) {
    const target = n.resolve(doc);
    if (!target) return undefined;
    n = target as Node;
  }
  if (isMap(n)) {
    for (const pair of n.items) {
      const k = pair.key as Node | null;
      const kv = k && isScalar(k) ? k.value : k;
      if (kv === part || (typeof part === 'number' && kv === String(part)) || String(kv) === part) {
        return { value: (pair.value as Node | null) ?? null, key: k };
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

/**
 * An `ObjectSource` backed by a YAML node. `offset` is where the node's document chunk starts in
 * the file, since each chunk is parsed on its own.
 */
export function yamlObjectSource(
  file: string,
  docIndex: number,
  doc: Document,
  root: Node,
  offset: number,
  listIndex?: number,
): ObjectSource {
  const whole = nodeRange(root, offset);
  const walk = (path: FieldPath, key: boolean): { range: TextRange; found: boolean } => {
    let node: Node = root;
    let best = whole;
    for (let i = 0; i < path.length; i++) {
      const step = child(node, path[i]!, doc);
      if (!step) return { range: best, found: false };
      const last = i === path.length - 1;
      if (last && key && step.key) return { range: nodeRange(step.key, offset), found: true };
      if (!step.value) {
        // `key:` with no value: point at the key.
        return { range: step.key ? nodeRange(step.key, offset) : best, found: last };
      }
      node = step.value;
      best = nodeRange(node, offset);
    }
    return { range: best, found: true };
  };
  return {
    file,
    docIndex,
    ...(listIndex === undefined ? {} : { listIndex }),
    range: whole,
    locate: (path, opts) => walk(path, opts?.key ?? false).range,
    has: (path) => walk(path, false).found,
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
  return { file, docIndex, range, locate: () => range, has };
}
