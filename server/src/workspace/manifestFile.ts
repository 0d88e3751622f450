/**
 * One manifest file in the index: its text and its parsed documents. An edit re-parses only the
 * documents it touched; documents after it are moved (their ranges shift), not re-parsed.
 */
import { chunksOf, readDocument, splitYamlDocuments, type DocumentChunk, type KubeObject, type ParseProblem, type ParsedDocument, type ReadOptions } from '../manifests';
import type { DocumentSyntax } from '../manifests/read';
import { startsAsJsonStream } from '../manifests/jsonStream';
import { readChunks } from '../parallel/parallelSyntax';
import { looksLikeKubernetes, treatmentOf, type FileTreatment } from '../manifests';
import { pushAll, replaceItems } from './arrays';
import { TextBuffer } from './textBuffer';

interface DocState {
  chunk: DocumentChunk;
  parsed: ParsedDocument;
  /** The document's offset when it was parsed; its problems' ranges are relative to that. */
  parsedAt: number;
  /** Whether its text looks like a Kubernetes manifest (a `kind:` key). */
  kube: boolean;
}

/** What an edit changed: the objects that went away and those that came. */
export interface FileDelta {
  readonly removed: readonly KubeObject[];
  readonly added: readonly KubeObject[];
}

export class ManifestFile {
  private docs: DocState[] = [];
  private cachedObjects: KubeObject[] | undefined;
  private cachedHelm: boolean | undefined;

  /** The text, edited in place: one keystroke must not copy a large file. */
  private readonly buffer: TextBuffer;

  /** `syntaxes`: each document's syntax, parsed elsewhere (a worker; needs `lazySyntax`). */
  constructor(
    readonly uri: string,
    text: string,
    private readonly opts: ReadOptions,
    syntaxes?: readonly (DocumentSyntax | undefined)[],
  ) {
    this.buffer = new TextBuffer(text);
    this.docs = this.parseAll(text, syntaxes);
  }

  /** The whole text (joined from the buffer's pieces: for occasional readers). */
  get text(): string {
    return this.buffer.toString();
  }

  /** The live text, for reading ranges of it without joining. */
  get source(): TextBuffer {
    return this.buffer;
  }

  /** Whether the file looks like Kubernetes manifests (worth diagnostics at all). */
  get looksLikeKubernetes(): boolean {
    return this.docs.some((d) => d.kube);
  }

  /** How the file is treated (`manifests/treatment.ts`): checked, a template, or ignored. */
  get treatment(): FileTreatment {
    return treatmentOf({ helm: this.helm, kube: this.looksLikeKubernetes });
  }

  get isJson(): boolean {
    return this.uri.toLowerCase().endsWith('.json');
  }

  /** Every document of `text` (the buffer's current text), parsed. */
  private parseAll(text: string, syntaxes?: readonly (DocumentSyntax | undefined)[]): DocState[] {
    const chunks = chunksOf(text, this.uri);
    // Without kept trees, documents can be parsed by a worker thread: given, or here for a large file.
    if (!this.opts.lazySyntax) return chunks.map((chunk, i) => this.parse(chunk, i));
    if (syntaxes) return chunks.map((chunk, i) => this.parse(chunk, i, syntaxes[i]));
    return readChunks(text, chunks, this.uri, this.opts.helm === true, (i, syntax) => this.parse(chunks[i]!, i, syntax));
  }

  private parse(chunk: DocumentChunk, index: number, syntax?: DocumentSyntax): DocState {
    const kube = looksLikeKubernetes(this.buffer.slice(chunk.start, chunk.end));
    return { chunk, parsed: readDocument(this.buffer, this.uri, chunk, index, this.opts, syntax), parsedAt: chunk.start, kube };
  }

  /** Every object of the file, in document order. */
  objects(): readonly KubeObject[] {
    if (!this.cachedObjects) {
      const out: KubeObject[] = [];
      for (const d of this.docs) for (const o of d.parsed.objects) out.push(o);
      this.cachedObjects = out;
    }
    return this.cachedObjects;
  }

  /** Parse problems, with ranges in the current text. */
  problems(): ParseProblem[] {
    const out: ParseProblem[] = [];
    for (const d of this.docs) {
      const shift = d.chunk.start - d.parsedAt;
      for (const p of d.parsed.problems) {
        out.push(shift === 0 ? p : { ...p, range: { start: p.range.start + shift, end: p.range.end + shift } });
      }
    }
    return out;
  }

  /** Whether any document holds Helm template syntax. */
  get helm(): boolean {
    // Asked on every publish and lens request: not a walk over thousands of documents each time.
    return (this.cachedHelm ??= this.opts.helm === true || this.docs.some((d) => d.parsed.helm));
  }

  /** The document at an offset (for hovers). */
  documentAt(offset: number): ParsedDocument | undefined {
    return this.docs[this.indexAt(offset)]?.parsed;
  }

  /** Replaces the whole text (a file changed on disk, or a full-sync edit). */
  replaceText(text: string, syntaxes?: readonly (DocumentSyntax | undefined)[]): FileDelta {
    const removed = this.objects();
    this.buffer.replace(0, this.buffer.length, text);
    this.docs = this.parseAll(text, syntaxes);
    this.cachedObjects = undefined;
    this.cachedHelm = undefined;
    return { removed, added: this.objects() };
  }

  /**
   * Applies one edit: `[start, end)` of the current text becomes `newText`. Re-splits only the
   * documents around the edit (one on each side, since an edit can create or remove a `---`
   * marker) and re-parses those whose text changed.
   */
  applyEdit(start: number, end: number, newText: string): FileDelta {
    const text = this.buffer;
    const delta = newText.length - (end - start);
    this.cachedObjects = undefined;
    this.cachedHelm = undefined;
    // A JSON stream is not split at `---`: when the file is one before or after the edit, read it all.
    const removedLength = end - start;
    const edited = {
      length: text.length + delta,
      charCodeAt: (i: number) => (i < start ? text.charCodeAt(i) : i < start + newText.length ? newText.charCodeAt(i - start) : text.charCodeAt(i - newText.length + removedLength)),
    };
    const jsonStream = startsAsJsonStream(text, text.charCodeAt(0) === 0xfeff ? 1 : 0) || startsAsJsonStream(edited, edited.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (this.isJson || this.docs.length === 0 || jsonStream) {
      const removed = this.docs.flatMap((d) => d.parsed.objects);
      text.replace(start, end, newText);
      this.docs = this.parseAll(text.toString());
      return { removed, added: this.objects() };
    }
    const first = Math.max(0, this.indexAt(start) - 1);
    const last = Math.min(this.docs.length - 1, this.indexAt(end) + 1);
    const regionStart = this.docs[first]!.chunk.start;
    const regionEndOld = this.docs[last]!.chunk.end;
    const regionEndNew = regionEndOld + delta;
    const oldRegion = this.docs.slice(first, last + 1);
    const oldByText = new Map<string, DocState>();
    for (const d of oldRegion) oldByText.set(text.slice(d.chunk.start, d.chunk.end), d);
    text.replace(start, end, newText);

    const fresh: DocState[] = [];
    const added: KubeObject[] = [];
    const kept = new Set<DocState>();
    for (const c of splitYamlDocuments(text.slice(regionStart, regionEndNew))) {
      const chunk = { start: c.start + regionStart, end: c.end + regionStart };
      // A chunk at the start of the region may begin with a BOM offset of 1 only at file start.
      const same = oldByText.get(text.slice(chunk.start, chunk.end));
      if (same && !kept.has(same)) {
        kept.add(same);
        same.chunk = chunk;
        same.parsed.base.offset = chunk.start;
        fresh.push(same);
      } else {
        const d = this.parse(chunk, first + fresh.length);
        pushAll(added, d.parsed.objects);
        fresh.push(d);
      }
    }
    const removed = oldRegion.filter((d) => !kept.has(d)).flatMap((d) => d.parsed.objects);
    this.docs = replaceItems(this.docs, first, last - first + 1, fresh);
    for (let i = first; i < this.docs.length; i++) {
      const d = this.docs[i]!;
      if (i >= first + fresh.length && delta !== 0) {
        d.chunk = { start: d.chunk.start + delta, end: d.chunk.end + delta };
        d.parsed.base.offset = d.chunk.start;
      }
      d.parsed.base.docIndex = i;
    }
    return { removed, added };
  }

  /** The index of the document containing `offset` (the last one starting at or before it). */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.docs[mid]!.chunk.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
