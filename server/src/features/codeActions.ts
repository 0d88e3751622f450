/** Quick fixes for the diagnostics the editor asks about, recomputed against the current text. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Positions } from '../workspace/lineOffsets';
import type { WorkspaceIndex } from '../workspace';

export function quickFixes(index: WorkspaceIndex, uri: string, diagnostics: readonly Diagnostic[], docFor: (uri: string) => Positions | undefined): CodeAction[] {
  const doc = docFor(uri);
  if (!doc || diagnostics.length === 0) return [];
  const offsets = diagnostics.map((d) => [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)] as const);
  const findings = index.freshFindingsAt(uri, Math.min(...offsets.map((o) => o[0])), Math.max(...offsets.map((o) => o[1])));
  const out: CodeAction[] = [];
  diagnostics.forEach((d, i) => {
    const [start, end] = offsets[i]!;
    const f = findings.find((x) => x.code === d.code && x.range.start === start && x.range.end === end);
    for (const fix of f?.fixes ?? []) {
      const changes: Record<string, TextEdit[]> = {};
      let ok = true;
      for (const e of fix.edits) {
        const target = docFor(e.file);
        if (!target) {
          ok = false;
          break;
        }
        (changes[e.file] ??= []).push({ range: { start: target.positionAt(e.range.start), end: target.positionAt(e.range.end) }, newText: e.newText });
      }
      if (ok) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f!.fixes!.length === 1, edit: { changes } });
    }
  });
  return out;
}
