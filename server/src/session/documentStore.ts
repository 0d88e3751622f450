/**
 * The text documents the server knows: open ones (the editor's text and version) and files read
 * from disk (version 0). It applies every change to the workspace indexes and keeps each
 * document's line table current; it returns the files whose diagnostics may have changed and
 * leaves the scheduling of checks to its caller. No connection: testable alone.
 */
import { fileURLToPath } from 'node:url';
import type { DocumentSyntax } from '../manifests/read';
import { EditorDocument } from '../workspace/editorDocument';
import type { FolderIndexes } from '../workspace/folderIndexes';
import { LineOffsets, type Position } from '../workspace/lineOffsets';
import { isHelmTemplate } from '../workspace/scan';

/** A change as LSP sends it: a range replaced, or the whole text. */
export type ContentChange = { readonly range: { readonly start: Position; readonly end: Position }; readonly text: string } | { readonly text: string };

/** A `file:` URI's path, or undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, EditorDocument>();
  private readonly openUris = new Set<string>();

  constructor(readonly indexes: FolderIndexes) {}

  /** The document at a URI (open, or read from disk), with its current version and line table. */
  get(uri: string): EditorDocument | undefined {
    return this.docs.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.openUris.has(uri);
  }

  /** Sets a document's whole text: opened in the editor (`open`), or read from disk (`syntaxes`: parsed by the scan's worker). */
  setText(uri: string, text: string, version: number, opts: { open?: boolean; syntaxes?: readonly (DocumentSyntax | undefined)[] } = {}): Set<string> {
    if (opts.open) this.openUris.add(uri);
    const path = pathOf(uri);
    const affected = this.indexes.setFile(uri, text, path ? isHelmTemplate(path) : false, opts.syntaxes);
    this.docs.set(uri, new EditorDocument(uri, version, new LineOffsets(this.indexes.file(uri)!.source)));
    return affected;
  }

  /** Applies the editor's changes in order (incremental or whole text); the document takes `version`. */
  change(uri: string, version: number, changes: readonly ContentChange[]): Set<string> {
    let doc = this.docs.get(uri);
    const file = this.indexes.file(uri);
    const affected = new Set<string>();
    if (!doc || !file) return affected;
    for (const change of changes) {
      if ('range' in change) {
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const removed = file.source.slice(start, end);
        for (const u of this.indexes.editFile(uri, [{ start, end, text: change.text }])) affected.add(u);
        doc.lines.update(start, removed, change.text);
      } else {
        const path = pathOf(uri);
        for (const u of this.indexes.setFile(uri, change.text, path ? isHelmTemplate(path) : false)) affected.add(u);
        doc = new EditorDocument(uri, version, new LineOffsets(file.source));
      }
    }
    this.docs.set(uri, doc.at(version));
    return affected;
  }

  /** The editor closed the document: the file on disk is what counts now (its caller reads it again). */
  close(uri: string): void {
    this.openUris.delete(uri);
  }

  /** The file left the workspace (deleted, excluded, unreadable). */
  forget(uri: string): Set<string> {
    this.docs.delete(uri);
    return this.indexes.removeFile(uri);
  }
}
