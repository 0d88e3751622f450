/**
 * Placeholders a tool fills in before the API server sees the text: Helm/Go templates
 * (`{{ .Release.Name }}`), envsubst and shell (`${NAME}`), Kubernetes-style and Makefile
 * variables (`$(NAME)`). A value holding one is not the value that will be applied, so the
 * name validators accept it rather than report the placeholder's braces (issue #12).
 */

/** Whether `text` holds `open`, and `close` somewhere after it. */
function opensAndCloses(text: string, open: string, close: string): boolean {
  const at = text.indexOf(open);
  return at >= 0 && text.indexOf(close, at + open.length) >= 0;
}

/**
 * Whether `value` holds a template placeholder (`{{ … }}`, `${…}`, `$(…)`). Searches, not the
 * regular expression `/\{\{[\s\S]*?\}\}|\$\{[^}]*\}|\$\([^)]*\)/` that answers the same:
 * it scanned on from every `{{` or `$(`, quadratic on a run of them (issue 12).
 */
export function hasPlaceholder(value: string): boolean {
  return opensAndCloses(value, '{{', '}}') || opensAndCloses(value, '${', '}') || opensAndCloses(value, '$(', ')');
}
