/** Small helpers to write hover markdown. */
import type { ResourceRecord } from '../dns/types';

/** Records as `dig` prints them, in a code block (names aligned). */
export function recordBlock(records: readonly ResourceRecord[]): string {
  if (records.length === 0) return '';
  const width = Math.min(60, Math.max(...records.map((r) => r.name.length)));
  const lines = records.map((r) => `${r.name.padEnd(width)} ${String(r.ttl).padStart(5)} IN ${r.type.padEnd(5)} ${r.data}`);
  return ['```', ...lines, '```'].join('\n');
}

/** Inline code. */
export function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

export function joinSections(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p && p.trim().length > 0).join('\n\n');
}
