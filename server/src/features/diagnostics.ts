/** Findings as LSP diagnostics: ranges, codes, severities, related locations, fix data. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Positions } from '../workspace/lineOffsets';
import type { Finding } from '../checks';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'k8s-dns';

export function toDiagnostic(f: Finding, doc: Positions, docFor: (uri: string) => Positions | undefined): Diagnostic {
  const related = (f.related ?? [])
    .map((r) => {
      const other = docFor(r.file);
      return other ? { location: { uri: r.file, range: { start: other.positionAt(r.range.start), end: other.positionAt(r.range.end) } }, message: r.message } : undefined;
    })
    .filter((x): x is NonNullable<typeof x> => !!x);
  return {
    range: { start: doc.positionAt(f.range.start), end: doc.positionAt(f.range.end) },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.field && !f.message.startsWith(f.field) ? `${f.field}: ${f.message}` : f.message,
    ...(related.length ? { relatedInformation: related } : {}),
  };
}
