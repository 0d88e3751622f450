/**
 * Parses one YAML document as Kubernetes reads it: sigs.k8s.io/yaml, which is go-yaml (v2
 * semantics, YAML 1.1 resolution) turned into JSON. The `yaml` package parses YAML 1.2; this
 * module adds what go-yaml accepts or resolves differently, and keeps every node range an offset
 * into the original text. Every reader (main thread, worker thread, lazy re-parse) goes through
 * {@link parseYaml}, so they all see the same values.
 */
import { isCollection, isNode, isPair, parseDocument, type Document, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions } from 'yaml';
import { relaxQuotedContinuations } from './quotedContinuation';

/**
 * YAML 1.1 booleans besides true/false: go-yaml's resolve table (resolve.go) reads `y`, `yes`,
 * `on`, `n`, `no`, `off` in lower, Capitalised and UPPER case as booleans, so Kubernetes rejects
 * `public: yes` as a label ("cannot unmarshal bool into Go struct field … of type string").
 * YAML 1.2's core schema reads them as strings; this tag adds them to it. Only the booleans:
 * go-yaml keeps timestamps as strings and has no sexagesimal numbers, which the `yaml` package's
 * 1.1 schema would resolve.
 */
const YAML11_BOOL: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:[Yy]|[Yy]es|YES|[Nn]|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)$/,
  resolve: (s) => /^(?:[Yy]|[Yy]es|YES|[Oo]n|ON)$/.test(s),
};

/**
 * YAML 1.1 integers that YAML 1.2 reads otherwise: go-yaml drops `_` and parses with Go's base
 * prefixes (resolve.go: `strconv.ParseInt(plain, 0, 64)`), so `0777` is octal 511 (1.2: 777),
 * and `1_000` and `0b101` are integers (1.2: strings). Plain decimals are left to the core schema.
 */
/**
 * The YAML 1.1 integers above: `0[bB]_*[01][01_]*`, `0[0-7_]*[0-7][0-7_]*`, `[0-9][0-9_]*_[0-9_]*`,
 * `0[xX][0-9a-fA-F_]*_[0-9a-fA-F_]*` and `0[oO][0-7_]*_[0-7_]*`, each written so that only one
 * split of the digits can match (the first digit, or the first `_`, ends the leading run): the
 * forms with two runs of one class backtracked quadratically on a long plain scalar (issue 12).
 */
export const YAML11_INT_TEST = /^[-+]?(?:0[bB]_*[01][01_]*|0_*[0-7][0-7_]*|[0-9][0-9]*_[0-9_]*|0[xX][0-9a-fA-F]*_[0-9a-fA-F_]*|0[oO][0-7]*_[0-7_]*)$/;

const YAML11_INT: ScalarTag = {
  identify: () => false,
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: YAML11_INT_TEST,
  resolve: (s) => {
    const body = s.replace(/^[-+]/, '').replace(/_/g, '');
    const prefixed = /^0[bBoOxX]/.test(body);
    const radix = prefixed ? { b: 2, o: 8, x: 16 }[body[1]!.toLowerCase() as 'b' | 'o' | 'x'] : body.length > 1 && body[0] === '0' ? 8 : 10;
    const v = parseInt(prefixed ? body.slice(2) : body, radix);
    return s[0] === '-' ? -v : v;
  },
};

/**
 * The parser's options. Merge keys (`<<: *base`) apply, as in go-yaml. Warnings (a key that is a
 * collection) are not errors, and a server must not print them on stderr.
 */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  strict: false,
  logLevel: 'error',
  merge: true,
  // Before the core schema's tags: its int tag would read `0777` as decimal first.
  customTags: (tags) => [YAML11_BOOL, YAML11_INT, ...tags],
};

/** Whether a word is a YAML 1.1 boolean that YAML 1.2 reads as a string (`yes`, `On`, `N`…). */
export function isYaml11OnlyBool(word: string): boolean {
  return YAML11_BOOL.test!.test(word);
}

/**
 * `src` with each lone `\r` made a `\n`. A lone CR is a line break (YAML 1.2 §5.4, and go-yaml's
 * scanner); the `yaml` package reads it as content. Same length, so offsets do not move, and line
 * breaks in scalars are normalised to `\n` either way.
 */
function normaliseBreaks(src: string): string {
  return src.includes('\r') ? src.replace(/\r(?!\n)/g, '\n') : src;
}

/** Whether the parser lost a quoted scalar: the sign of a continuation line it wants indented. */
function lostQuote(doc: Document): boolean {
  return doc.errors.some((e) => e.code === 'MISSING_CHAR' && /closing .?quote/.test(e.message));
}

/** Moves every node range and error position of `doc` through `map`. */
function remap(doc: Document, map: (offset: number) => number): void {
  const move = (node: unknown): void => {
    if (!isNode(node)) return;
    if (node.range) node.range = [map(node.range[0]), map(node.range[1]), map(node.range[2])];
    if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          move(item.key);
          move(item.value);
        } else move(item);
      }
    }
  };
  move(doc.contents);
  if (doc.range) doc.range = [map(doc.range[0]), map(doc.range[1]), map(doc.range[2])];
  for (const e of [...doc.errors, ...doc.warnings]) e.pos = [map(e.pos[0]), map(e.pos[1])];
}

/** Parses one document's text as Kubernetes would; node ranges and errors are offsets into `src`. */
export function parseYaml(src: string): Document {
  const text = normaliseBreaks(src);
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (!lostQuote(doc)) return doc;
  // A quoted scalar continued at its key's indentation: go-yaml reads it; read it indented.
  const relaxed = relaxQuotedContinuations(text);
  if (!relaxed) return doc;
  const again = parseDocument(relaxed.text, PARSE_OPTIONS);
  if (again.errors.length >= doc.errors.length) return doc;
  remap(again, relaxed.toOriginal);
  return again;
}
