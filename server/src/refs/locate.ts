/** Where a DNS name written in a string value sits in the file text. */
import type { TextRange, TextSource } from '../manifests/types';
import type { DnsNameUse } from './dnsNames';

/**
 * The range of the host in the file. The string node's source text holds the host verbatim
 * (quoted, plain or block scalars alike, unless escaped), so the n-th occurrence of it in the
 * node's text is the n-th occurrence in the value.
 */
export function hostRange(use: DnsNameUse, text: TextSource): TextRange | undefined {
  const node = use.object.source.locate(use.token.path);
  if (node.end <= node.start) return undefined;
  const src = text.slice(node.start, node.end);
  const value = use.object.raw && valueAt(use.object.raw, use.token.path);
  if (typeof value !== 'string') return undefined;
  // Which occurrence of the host in the value is this token?
  let nth = 0;
  for (let i = value.indexOf(use.token.host); i >= 0 && i < use.token.index; i = value.indexOf(use.token.host, i + 1)) nth++;
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(use.token.host, at + 1);
    if (at < 0) return undefined;
  }
  return { start: node.start + at, end: node.start + at + use.token.host.length };
}

/** The range of one label (by index) of the host. */
export function labelRange(use: DnsNameUse, text: TextSource, label: number): TextRange | undefined {
  const r = hostRange(use, text);
  if (!r) return undefined;
  const labels = use.token.host.split('.');
  let start = r.start;
  for (let i = 0; i < label; i++) start += labels[i]!.length + 1;
  const l = labels[label];
  return l === undefined ? undefined : { start, end: start + l.length };
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
