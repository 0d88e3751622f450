/** Quick fixes carried by diagnostics (`data.fixes`), as LSP code actions. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixEdit } from '../checks';

export function quickFixes(diagnostics: readonly Diagnostic[], docFor: (uri: string) => TextDocument | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fixes = (d.data as { fixes?: FixEdit[] } | undefined)?.fixes ?? [];
    for (const fix of fixes) {
      const changes: Record<string, TextEdit[]> = {};
      let ok = true;
      for (const e of fix.edits) {
        const doc = docFor(e.file);
        if (!doc) {
          ok = false;
          break;
        }
        (changes[e.file] ??= []).push({ range: { start: doc.positionAt(e.range.start), end: doc.positionAt(e.range.end) }, newText: e.newText });
      }
      if (ok) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fixes.length === 1, edit: { changes } });
    }
  }
  return out;
}
