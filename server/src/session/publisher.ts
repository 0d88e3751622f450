/**
 * Publishing a file's diagnostics: the index's findings as LSP diagnostics, with the version of
 * the document they were computed for (the text the index holds is always the document's
 * current text, so a publish is never older than the document).
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Finding } from '../checks';
import { toDiagnostic } from '../features/diagnostics';
import type { KubeObject } from '../manifests';
import type { EditorDocument } from '../workspace/editorDocument';
import type { PublishMode } from './checkScheduler';
import type { DocumentStore } from './documentStore';

export class DiagnosticsPublisher {
  /**
   * LSP diagnostics per object, reused while the object's findings are the same and nothing
   * they point at moved: most keystrokes move no line, so a large file's hundreds of
   * unchanged diagnostics are not rebuilt on every one.
   */
  private readonly converted = new WeakMap<readonly Finding[], { where: string; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly documents: DocumentStore,
    private readonly send: (params: PublishDiagnosticsParams) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Sends a file's diagnostics as the index holds them now (none if it left the index). */
  publish(uri: string, mode: PublishMode): void {
    const doc = this.documents.get(uri);
    const index = this.documents.indexes.holderOf(uri);
    const file = this.documents.indexes.file(uri);
    if (!doc || !index || !file || !file.looksLikeKubernetes) {
      this.send({ uri, diagnostics: [] });
      return;
    }
    try {
      const groups = index.diagnosticGroups(uri, { notCurrent: mode });
      const docFor = (u: string): EditorDocument | undefined => this.documents.get(u);
      const diagnostics = groups.problems.map((f) => toDiagnostic(f, doc, docFor));
      for (const [object, findings] of groups.objects) diagnostics.push(...this.objectDiagnostics(object, findings, doc, docFor));
      this.send({ uri, version: doc.version, diagnostics });
    } catch (e) {
      this.log(`k8s-dns: could not compute diagnostics for ${uri}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /** Clears a file's diagnostics (it left the workspace). */
  clear(uri: string): void {
    this.send({ uri, diagnostics: [] });
  }

  private objectDiagnostics(object: KubeObject, findings: readonly Finding[], doc: EditorDocument, docFor: (u: string) => EditorDocument | undefined): Diagnostic[] {
    let where = String(doc.positionAt(object.source.range.start).line);
    // A related location in another file moves with edits there, by lines or within its line.
    for (const f of findings) {
      for (const r of f.related ?? []) {
        const at = docFor(r.file)?.positionAt(r.range.start);
        where += `|${r.file}:${at ? `${at.line}:${at.character}` : -1}`;
      }
    }
    const hit = this.converted.get(findings);
    if (hit && hit.where === where) return hit.diagnostics;
    const diagnostics = findings.map((f) => toDiagnostic(f, doc, docFor));
    this.converted.set(findings, { where, diagnostics });
    return diagnostics;
  }
}
