/**
 * Placeholders a tool fills in before the API server sees the text: Helm/Go templates
 * (`{{ .Release.Name }}`), envsubst and shell (`${NAME}`), Kubernetes-style and Makefile
 * variables (`$(NAME)`). A value holding one is not the value that will be applied, so the
 * name validators accept it rather than report the placeholder's braces (issue #12).
 */

const PLACEHOLDER_RE = /\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$\([^)]*\)/;

/** Whether `value` holds a template placeholder (`{{ … }}`, `${…}`, `$(…)`). */
export function hasPlaceholder(value: string): boolean {
  return PLACEHOLDER_RE.test(value);
}
