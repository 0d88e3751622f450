/** A document as the server tracks it for the editor: its version and a line table over the index's text. */
import type { LineOffsets, Position, Positions } from './lineOffsets';

export class EditorDocument implements Positions {
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly lines: LineOffsets,
  ) {}

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(p: Position): number {
    return this.lines.offsetAt(p);
  }

  /** The document at a later version: a new identity (caches key on it), the same live line table. */
  at(version: number): EditorDocument {
    return new EditorDocument(this.uri, version, this.lines);
  }
}
