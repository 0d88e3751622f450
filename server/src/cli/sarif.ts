/** SARIF 2.1.0 output, so CI systems (GitHub code scanning) can show the findings. */
import type { Rule } from '../checks';
import type { LocatedFinding } from './commands/check';

const LEVEL: Record<LocatedFinding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(findings: readonly LocatedFinding[], rules: readonly Rule[]): object {
  const used = new Set(findings.map((f) => f.code));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-dns',
            informationUri: 'https://example.invalid/k8s-dns-insight',
            rules: rules
              .filter((r) => used.has(r.code))
              .map((r) => ({
                id: r.code,
                shortDescription: { text: r.description },
                defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
                properties: { source: r.source, reference: r.reference },
              })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
              ...(f.field ? { logicalLocations: [{ fullyQualifiedName: f.field, kind: 'member' }] } : {}),
            },
          ],
        })),
      },
    ],
  };
}
