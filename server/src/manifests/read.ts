/**
 * Reads the text of one manifest file (multi-document YAML or JSON) into model objects and
 * problems. Each `---` document is parsed on its own, so a broken document never hides the others
 * and an editor can re-read just the document an edit touched (`readDocument`).
 */
import { isCollection, Scalar, visit, type Document, type Node } from 'yaml';
import { splitJsonStream, startsAsJsonStream } from './jsonStream';
import { looksLikeKubernetes } from './treatment';
import { readKubeObject, type ObjectReadOptions } from './objects';
import { isBlankChunk, splitYamlDocuments, type DocumentChunk } from './split';
import type { KubeObject, ParsedFile, ParseProblem, TextRange, TextSource } from './types';
import { independentErrors } from './syntaxErrors';
import { parseYaml } from './yamlParse';
import { nodeRange, reparsedTree, yamlObjectSource, type DocumentBase } from './yamlSource';

export interface ReadOptions extends ObjectReadOptions {
  /**
   * Treat the file as a Helm template: syntax and type problems are not reported (the text is not
   * YAML until rendered); whatever parses still yields objects.
   */
  readonly helm?: boolean;
  /** Keep no syntax trees: objects re-parse their document on the first lookup (batch reads). */
  readonly lazySyntax?: boolean;
}

/** Everything read from one document of a file. */
export interface ParsedDocument {
  readonly chunk: DocumentChunk;
  /** Shared with the objects' sources: moving the document updates their ranges. */
  readonly base: DocumentBase;
  readonly objects: KubeObject[];
  readonly problems: ParseProblem[];
  /** The document holds Helm template syntax (`{{ … }}`). */
  readonly helm: boolean;
}

/** An alias bomb must not expand: the most alias expansions one document may take. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Whether the text holds Helm template syntax: a `{{` with a `}}` somewhere after it (the `-` of
 * `{{-` / `-}}` changes nothing). Two searches: the regular expression it replaces,
 * `/\{\{-?[\s\S]*?-?\}\}/`, scanned to the end from every `{{`, quadratic on a run of `{`.
 */
export function hasHelmTemplate(text: string): boolean {
  const open = text.indexOf('{{');
  return open >= 0 && text.indexOf('}}', open + 2) >= 0;
}

function problem(file: string, start: number, end: number, code: string, message: string, severity: ParseProblem['severity'] = 'error'): ParseProblem {
  return { file, range: { start, end: Math.max(end, start) }, severity, code, message };
}

/** The deepest nesting of flow collections (`{…}`, `[…]`) read; Kubernetes objects need a handful. */
export const MAX_FLOW_DEPTH = 256;

const BRACE_OPEN = 123; // {
const BRACE_CLOSE = 125; // }
const BRACKET_OPEN = 91; // [
const BRACKET_CLOSE = 93; // ]
const HASH = 35; // #
const DQUOTE = 34; // "
const SQUOTE = 39; // '
const BACKSLASH = 92;
const LF = 10;

/**
 * Whether `{` and `[` nest deeper than `max` (outside comments and quoted strings; brackets inside
 * plain scalars count too, so this errs towards deep). The yaml parser recurses once per level and
 * is slow on deep flow collections: a few thousand levels exhausted V8's stack so that it died of
 * a fatal out-of-memory error instead of a catchable RangeError (issue 12). One linear scan.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const before = i === 0 ? LF : text.charCodeAt(i - 1);
    // Quotes open a string only where a scalar starts (so the ' of "it's" is not one).
    const scalarStart = before === LF || before === 32 || before === 9 || before === 13 || before === 58 || before === 44 || before === BRACE_OPEN || before === BRACKET_OPEN || before === 45 || before === 63;
    if (c === BRACE_OPEN || c === BRACKET_OPEN) {
      if (++depth > max) return true;
    } else if (c === BRACE_CLOSE || c === BRACKET_CLOSE) {
      if (depth > 0) depth--;
    } else if (c === HASH && (before === LF || before === 32 || before === 9 || before === 13)) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== LF) i++;
    } else if ((c === DQUOTE || c === SQUOTE) && scalarStart) {
      for (i++; i < n && text.charCodeAt(i) !== c; i++) if (c === DQUOTE && text.charCodeAt(i) === BACKSLASH) i++;
    }
  }
  return false;
}

/**
 * Map keys that are maps or lists (never in a Kubernetes object) become the text they were written
 * as. yaml's toJS makes such a key a string by printing it, and printing nested ones repeats the
 * work at every level: a line of 200 `{` took seconds, and of a few thousand, for ever (issue 12).
 */
function collectionKeysAsText(doc: Document, src: string): void {
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return;
      const range = pair.key.range;
      const text = new Scalar(range ? src.slice(range[0], range[1]) : '');
      if (range) text.range = range;
      pair.key = text; // visited next instead of the collection: nothing under it is visited
    },
  });
}

/** The JSON value of a document; `undefined` plus a problem when it cannot be built. */
function toPlain(doc: Document, file: string, start: number, end: number, problems: ParseProblem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const aliases = /alias/i.test(msg);
    problems.push(
      problem(
        file,
        start,
        end,
        aliases ? 'yaml-alias-limit' : 'yaml-value',
        aliases
          ? `This document expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"); it was not read.`
          : `This document could not be read: ${msg}`,
      ),
    );
    return undefined;
  }
}

/** One value of a document to read as an object: the document itself, or an item of a List or JSON array. */
export interface SyntaxItem {
  readonly value: unknown;
  /** The value's node range, relative to the document. */
  readonly range: TextRange;
  readonly listIndex?: number;
  /** Where the node sits in the document (`['items', 3]`), to find it again in a re-parse. */
  readonly nodePath: readonly (string | number)[];
}

/**
 * What the YAML parser makes of one document, as plain data (no syntax tree): a worker thread
 * can produce it (`parallel/`) and the objects are made of it the same way either way.
 */
export interface DocumentSyntax {
  readonly helm: boolean;
  /** Syntax and value problems, in file offsets. */
  readonly problems: ParseProblem[];
  readonly items: SyntaxItem[];
}

interface ParsedSyntax {
  readonly syntax: DocumentSyntax;
  /** The tree and each item's node, for readers that keep trees. */
  readonly tree?: { readonly doc: Document; readonly nodes: Node[] };
}

/** Parses one document's text `src`, found at offset `start` of `file`. */
function parseSyntax(src: string, file: string, start: number, helmFile: boolean): ParsedSyntax {
  const end = start + src.length;
  const helm = helmFile || hasHelmTemplate(src);
  const problems: ParseProblem[] = [];
  const items: SyntaxItem[] = [];
  const bare = { syntax: { helm, problems, items } };
  if (isBlankChunk(src)) return bare;

  if (nestsDeeperThan(src, MAX_FLOW_DEPTH)) {
    if (!helm) problems.push(problem(file, start, end, 'yaml-syntax', `YAML could not be parsed: the document is nested too deeply to read (more than ${MAX_FLOW_DEPTH} levels of { and [).`));
    return bare;
  }
  let doc: Document;
  try {
    doc = parseYaml(src);
  } catch (e) {
    // The parser recurses on nesting; absurd depth overflows the stack. Report, never crash.
    const msg = e instanceof RangeError ? 'the document is nested too deeply to read' : e instanceof Error ? e.message : String(e);
    if (!helm) problems.push(problem(file, start, end, 'yaml-syntax', `YAML could not be parsed: ${msg}.`));
    return bare;
  }
  if (!helm) {
    for (const err of independentErrors(doc, src)) {
      const [s, e] = err.pos;
      problems.push(problem(file, start + s, start + Math.max(e, s + 1), 'yaml-syntax', `YAML syntax error: ${err.message.split('\n')[0]}`));
    }
  }
  // With syntax errors the tree may still hold whole objects; read what is there.
  const root = doc.contents as Node | null;
  if (!root) return bare;
  let value: unknown;
  try {
    collectionKeysAsText(doc, src);
    value = toPlain(doc, file, start, end, problems);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    problems.push(problem(file, start, end, 'yaml-syntax', 'YAML could not be read: the document is nested too deeply.'));
    return bare;
  }
  if (value === undefined) return bare;

  const nodes: Node[] = [];
  const add = (raw: unknown, node: Node, listIndex?: number, nodePath: (string | number)[] = []): void => {
    items.push({ value: raw, range: nodeRange(node, 0), ...(listIndex === undefined ? {} : { listIndex }), nodePath });
    nodes.push(node);
  };
  const isList =
    value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>)['kind'] === 'List';
  if (isList) {
    // `kubectl get -o yaml` prints a List; its items are the objects.
    const listItems = (value as Record<string, unknown>)['items'];
    if (Array.isArray(listItems)) {
      listItems.forEach((item, i) => {
        const node = (doc.getIn(['items', i], true) as Node | undefined) ?? root;
        add(item, node, i, ['items', i]);
      });
    }
  } else if (Array.isArray(value) && file.toLowerCase().endsWith('.json')) {
    // A JSON array of objects.
    value.forEach((item, i) => add(item, (doc.getIn([i], true) as Node | undefined) ?? root, i, [i]));
  } else {
    add(value, root);
  }
  return { syntax: { helm, problems, items }, tree: { doc, nodes } };
}

/** The syntax of one document, without its tree (what a worker thread sends back). */
export function readSyntax(src: string, file: string, start: number, helmFile: boolean): DocumentSyntax {
  return parseSyntax(src, file, start, helmFile).syntax;
}

/**
 * Reads one document: the text between two `---` markers, at `chunk` in the file's `text`.
 * `docIndex` numbers the document within the file. `syntax`, when given, is the document's
 * syntax read elsewhere (a worker thread); it needs `lazySyntax`, as it carries no tree.
 */
export function readDocument(text: TextSource, file: string, chunk: DocumentChunk, docIndex: number, opts: ReadOptions, syntax?: DocumentSyntax): ParsedDocument {
  const src = text.slice(chunk.start, chunk.end);
  const parsed: ParsedSyntax = syntax && opts.lazySyntax ? { syntax } : parseSyntax(src, file, chunk.start, opts.helm === true);
  const { helm, items } = parsed.syntax;
  const problems = [...parsed.syntax.problems];
  const objects: KubeObject[] = [];
  const base: DocumentBase = { offset: chunk.start, docIndex };
  items.forEach((item, i) => {
    const kept = parsed.tree;
    const tree = kept && !opts.lazySyntax ? () => ({ doc: kept.doc, root: kept.nodes[i]! }) : reparsedTree(src, parseYaml, item.nodePath);
    const source = yamlObjectSource(file, base, tree, item.range, item.listIndex);
    const res = readKubeObject(item.value, source, opts);
    if (res.object) objects.push(res.object);
    if (!helm) problems.push(...res.problems);
  });
  return { chunk, base, objects, problems, helm };
}

/**
 * The document chunks of a file: a stream of JSON objects is one chunk per object (in any file,
 * as Kubernetes guesses JSON from a leading `{`); other JSON files are one document, YAML files
 * split at `---`.
 */
export function chunksOf(text: string, file: string): DocumentChunk[] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stream = startsAsJsonStream(text, start) ? splitJsonStream(text, start) : undefined;
  if (stream) return stream;
  if (file.toLowerCase().endsWith('.json')) return [{ start, end: text.length }];
  return splitYamlDocuments(text);
}

/**
 * Reads the chunks of a file in order: `read(i)` parses chunk `i`; `read(i, syntax)` takes a
 * syntax parsed elsewhere. The shells pass one that parses on two threads (`parallel/`).
 */
export type ChunkReader = <T>(text: string, chunks: readonly DocumentChunk[], file: string, helm: boolean, read: (i: number, syntax?: DocumentSyntax) => T) => T[];

const readInOrder: ChunkReader = (_text, chunks, _file, _helm, read) => chunks.map((_c, i) => read(i));

/** Reads a whole manifest file. */
export function readManifest(text: string, file: string, opts: ReadOptions, readChunks: ChunkReader = readInOrder): ParsedFile {
  const objects: KubeObject[] = [];
  const problems: ParseProblem[] = [];
  let helm = opts.helm === true;
  const chunks = chunksOf(text, file);
  // A syntax read elsewhere carries no tree: only readers without kept trees can take one.
  const reader = opts.lazySyntax ? readChunks : readInOrder;
  for (const d of reader(text, chunks, file, opts.helm === true, (i, syntax) => readDocument(text, file, chunks[i]!, i, opts, syntax))) {
    for (const o of d.objects) objects.push(o);
    for (const p of d.problems) problems.push(p);
    helm ||= d.helm;
  }
  // Text with `{{ }}` that is no manifest (a CI workflow's `${{ }}`) is not a template of ours.
  if (helm && !opts.helm && looksLikeKubernetes(text)) {
    problems.push(
      problem(
        file,
        0,
        Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')),
        'helm-template',
        'This file holds Helm template syntax ({{ … }}); it is not checked until rendered. Run `helm template` and open the output to see every record.',
        'info',
      ),
    );
  }
  return { file, objects, problems, helm };
}
