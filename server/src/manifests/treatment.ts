/**
 * How a file is treated, decided in one place for the language server and the CLI: a file that
 * is not Kubernetes at all is ignored, a template is only noted, and the rest is checked. Both
 * shells ask this module, so the terminal never reports what the editor hides.
 */
import type { ParseProblem } from './types';

/**
 * - `ignored`: no Kubernetes object in sight (a CI workflow, a values file): nothing is reported.
 * - `template`: holds template syntax (Helm `{{ … }}`), so its text is not what the API server
 *   will see: one `helm-template` note, no validation. Its objects still feed the DNS view.
 * - `checked`: a manifest: parse problems and every rule.
 */
export type FileTreatment = 'ignored' | 'template' | 'checked';

/** What the treatment is decided from. */
export interface FileTraits {
  /** The file holds template syntax (a chart's template by its path, or `{{ … }}` in its text). */
  readonly helm: boolean;
  /** The text looks like Kubernetes manifests (`looksLikeKubernetes`). */
  readonly kube: boolean;
}

/** The treatment of a file with these traits. */
export function treatmentOf(traits: FileTraits): FileTreatment {
  if (!traits.kube) return 'ignored';
  return traits.helm ? 'template' : 'checked';
}

/** The parse problems worth reporting under a treatment. */
export function reportedProblems<P extends Pick<ParseProblem, 'code'>>(treatment: FileTreatment, problems: readonly P[]): P[] {
  if (treatment === 'ignored') return [];
  // A template's syntax is not YAML until rendered: only the note that says so.
  if (treatment === 'template') return problems.filter((p) => p.code === 'helm-template');
  return [...problems];
}

/** Whether the rules run over the objects of a file so treated. */
export function checksObjects(treatment: FileTreatment): boolean {
  return treatment === 'checked';
}

/** Whether text looks like a Kubernetes manifest (so syntax errors are worth reporting). */
export function looksLikeKubernetes(text: string): boolean {
  // A line (after any line break, a lone CR included: YAML 1.2 §5.4) of blanks and an optional
  // `- `, then `kind:` and a value. The look-behind starts a match only at a line start, and the
  // blanks before `kind:` stay on its line: `(^|[\n\r])\s*(-\s+)?kind:` scanned on from every
  // break of a run of blank lines (quadratic), and found nothing more (a match through blank lines
  // also starts at the last break). Checked for ReDoS by test/unit/redos.test.ts (issue 12).
  return /(?<![^\n\r])[^\S\n\r]*(?:-[^\S\n\r]+)?kind:\s*\S/.test(text) || /"kind"\s*:\s*"/.test(text);
}
