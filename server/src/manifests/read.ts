/**
 * Reads the text of one manifest file (multi-document YAML or JSON) into model objects and
 * problems. Each `---` document is parsed on its own, so a broken document never hides the others
 * and an editor can re-read just the document an edit touched (`readDocument`).
 */
import { parseDocument, type Node } from 'yaml';
import { readKubeObject, type ObjectReadOptions } from './objects';
import { isBlankChunk, splitYamlDocuments, type DocumentChunk } from './split';
import type { KubeObject, ParsedFile, ParseProblem, TextSource } from './types';
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

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: false } as const;
const parseSource = (src: string): ReturnType<typeof parseDocument> => parseDocument(src, PARSE_OPTIONS);

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

const HELM_RE = /\{\{-?[\s\S]*?-?\}\}/;

function problem(file: string, start: number, end: number, code: string, message: string, severity: ParseProblem['severity'] = 'error'): ParseProblem {
  return { file, range: { start, end: Math.max(end, start) }, severity, code, message };
}

/** The JSON value of a document; `undefined` plus a problem when it cannot be built. */
function toPlain(doc: ReturnType<typeof parseDocument>, file: string, start: number, end: number, problems: ParseProblem[]): unknown {
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

/**
 * Reads one document: the text between two `---` markers, at `chunk` in the file's `text`.
 * `docIndex` numbers the document within the file.
 */
export function readDocument(text: TextSource, file: string, chunk: DocumentChunk, docIndex: number, opts: ReadOptions): ParsedDocument {
  const src = text.slice(chunk.start, chunk.end);
  const helm = opts.helm === true || HELM_RE.test(src);
  const objects: KubeObject[] = [];
  const problems: ParseProblem[] = [];
  const base: DocumentBase = { offset: chunk.start, docIndex };
  if (isBlankChunk(src)) return { chunk, base, objects, problems, helm };

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseSource(src);
  } catch (e) {
    // The parser recurses on nesting; absurd depth overflows the stack. Report, never crash.
    const msg = e instanceof RangeError ? 'the document is nested too deeply to read' : e instanceof Error ? e.message : String(e);
    if (!helm) problems.push(problem(file, chunk.start, chunk.end, 'yaml-syntax', `YAML could not be parsed: ${msg}.`));
    return { chunk, base, objects, problems, helm };
  }
  if (!helm) {
    for (const err of doc.errors) {
      const [s, e] = err.pos;
      problems.push(problem(file, chunk.start + s, chunk.start + Math.max(e, s + 1), 'yaml-syntax', `YAML syntax error: ${err.message.split('\n')[0]}`));
    }
  }
  // With syntax errors the tree may still hold whole objects; read what is there.
  const root = doc.contents as Node | null;
  if (!root) return { chunk, base, objects, problems, helm };
  let value: unknown;
  try {
    value = toPlain(doc, file, chunk.start, chunk.end, problems);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    problems.push(problem(file, chunk.start, chunk.end, 'yaml-syntax', 'YAML could not be read: the document is nested too deeply.'));
    return { chunk, base, objects, problems, helm };
  }
  if (value === undefined) return { chunk, base, objects, problems, helm };

  const add = (raw: unknown, node: Node, listIndex?: number, nodePath: (string | number)[] = []): void => {
    const tree = opts.lazySyntax ? reparsedTree(src, parseSource, nodePath) : () => ({ doc, root: node });
    const source = yamlObjectSource(file, base, tree, nodeRange(node, 0), listIndex);
    const res = readKubeObject(raw, source, opts);
    if (res.object) objects.push(res.object);
    if (!helm) problems.push(...res.problems);
  };

  const isList =
    value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>)['kind'] === 'List';
  if (isList) {
    // `kubectl get -o yaml` prints a List; its items are the objects.
    const items = (value as Record<string, unknown>)['items'];
    if (Array.isArray(items)) {
      items.forEach((item, i) => {
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
  return { chunk, base, objects, problems, helm };
}

/** The document chunks of a file: JSON files are one document, YAML files split at `---`. */
export function chunksOf(text: string, file: string): DocumentChunk[] {
  if (file.toLowerCase().endsWith('.json')) {
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return [{ start, end: text.length }];
  }
  return splitYamlDocuments(text);
}

/** Reads a whole manifest file. */
export function readManifest(text: string, file: string, opts: ReadOptions): ParsedFile {
  const objects: KubeObject[] = [];
  const problems: ParseProblem[] = [];
  let helm = opts.helm === true;
  chunksOf(text, file).forEach((chunk, i) => {
    const d = readDocument(text, file, chunk, i, opts);
    objects.push(...d.objects);
    problems.push(...d.problems);
    helm ||= d.helm;
  });
  if (helm && !opts.helm) {
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
