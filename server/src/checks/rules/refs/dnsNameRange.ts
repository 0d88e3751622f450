/** Shared by the DNS-name rules: report at the host inside the string, with fixes on its labels. */
import type { TextRange } from '../../../manifests/types';
import { hostRange, labelRange } from '../../../refs/locate';
import type { DnsNameUse } from '../../../refs/dnsNames';
import type { CheckContext, FixEdit, Reporter, Severity } from '../../types';

/** The host's range in the file, when the rule can see the file's text. */
export function rangeOfUse(use: DnsNameUse, ctx: CheckContext): TextRange | undefined {
  const text = ctx.textOf?.(use.object.source.file);
  return text === undefined ? undefined : hostRange(use, text);
}

/** A fix replacing the Service label of a written name (`quot.kiada` → `quote.kiada`). */
export function replaceServiceLabel(use: DnsNameUse, ctx: CheckContext, replacement: string, title: string): FixEdit | undefined {
  const text = ctx.textOf?.(use.object.source.file);
  if (text === undefined) return undefined;
  const r = labelRange(use, text, use.serviceLabel);
  return r ? { title, edits: [{ file: use.object.source.file, range: r, newText: replacement }] } : undefined;
}

/** A fix replacing the whole host. */
export function replaceHost(use: DnsNameUse, ctx: CheckContext, replacement: string, title: string): FixEdit | undefined {
  const r = rangeOfUse(use, ctx);
  return r ? { title, edits: [{ file: use.object.source.file, range: r, newText: replacement }] } : undefined;
}

/**
 * Reports on the host (falls back to the string node when the text is not known). In a custom
 * resource whose fields we do not know, the string may not be a lookup at all: at most an info.
 */
export function reportUse(report: Reporter, use: DnsNameUse, ctx: CheckContext, message: string, fixes?: () => (FixEdit | undefined)[], severity?: Severity): void {
  const uncertain = use.token.uncertain ? { severity: 'info' as const } : severity ? { severity } : {};
  const note = use.token.uncertain ? ` (${use.object.kind} is a custom resource: this field may not be a name it looks up.)` : '';
  report.at(use.token.path, message + note, { field: null, range: () => rangeOfUse(use, ctx), ...uncertain, ...(fixes ? { fixes } : {}) });
}
