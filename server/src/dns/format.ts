/** Text and JSON renderings of answers and records, as `dig` prints them. */
import type { Answer, ResourceRecord } from './types';

/** One record in `dig`'s column layout. */
export function formatRecord(r: ResourceRecord): string {
  return `${r.name.padEnd(40)} ${String(r.ttl).padStart(5)} IN ${r.type.padEnd(5)} ${r.data}`;
}

/** An answer like `dig`'s sections: status line, ANSWER, AUTHORITY, ADDITIONAL. */
export function formatAnswer(a: Answer): string {
  const lines = [`;; ->>HEADER<<- status: ${a.rcode}${a.forwarded ? ' (forwarded to the upstream resolver)' : ''}`, ';; QUESTION SECTION:', `;${a.question.name}\t\tIN\t${a.question.type}`];
  const section = (title: string, rs: readonly ResourceRecord[]): void => {
    if (rs.length === 0) return;
    lines.push('', `;; ${title} SECTION:`, ...rs.map(formatRecord));
  };
  section('ANSWER', a.answer);
  section('AUTHORITY', a.authority);
  section('ADDITIONAL', a.additional);
  for (const n of a.notes) lines.push('', `;; ${n}`);
  return lines.join('\n');
}

/** The record as JSON: `{name, type, ttl, data}`. */
export function recordJson(r: ResourceRecord): { name: string; type: string; ttl: number; data: string } {
  return { name: r.name, type: r.type, ttl: r.ttl, data: r.data };
}

/** The `query --json` object. */
export function answerJson(a: Answer): Record<string, unknown> {
  return {
    question: a.question,
    rcode: a.rcode,
    answer: a.answer.map(recordJson),
    additional: a.additional.map(recordJson),
    ...(a.forwarded ? { forwarded: true } : {}),
    ...(a.notes.length ? { notes: a.notes } : {}),
  };
}
