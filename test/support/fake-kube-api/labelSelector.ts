/**
 * Label selectors in the string form clients send as `?labelSelector=` (apimachinery
 * `labels.Parse`): `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, joined by
 * commas. All requirements must hold.
 */

type Requirement =
  | { readonly op: 'eq' | 'neq'; readonly key: string; readonly value: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'exists' | 'absent'; readonly key: string };

/** A parsed selector; `matches` tests one object's labels. */
export interface LabelSelector {
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

/** Thrown for a selector apimachinery would also reject; the server answers 400. */
export class SelectorSyntaxError extends Error {}

/** Splits at commas that are not inside `( … )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseRequirement(raw: string): Requirement {
  const text = raw.trim();
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (set) {
    const values = set[3]!.split(',').map((v) => v.trim());
    return { op: set[2] === 'in' ? 'in' : 'notin', key: set[1]!, values };
  }
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(text);
  if (cmp) return { op: cmp[2] === '!=' ? 'neq' : 'eq', key: cmp[1]!, value: cmp[3]! };
  const absent = /^!\s*([^=!\s(),]+)$/.exec(text);
  if (absent) return { op: 'absent', key: absent[1]! };
  if (/^[^=!\s(),]+$/.test(text)) return { op: 'exists', key: text };
  throw new SelectorSyntaxError(`unable to parse requirement: ${JSON.stringify(text)}`);
}

function holds(req: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'eq':
      return has && value === req.value;
    case 'neq':
      // As in apimachinery: a missing label satisfies `!=`.
      return !has || value !== req.value;
    case 'in':
      return has && req.values.includes(value!);
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'exists':
      return has;
    case 'absent':
      return !has;
  }
}

/** Parses a selector; an empty or missing one selects everything. */
export function parseLabelSelector(text: string | null | undefined): LabelSelector {
  const requirements = text === null || text === undefined || text.trim() === '' ? [] : splitTopLevel(text).map(parseRequirement);
  return {
    matches: (labels) => requirements.every((r) => holds(r, labels ?? {})),
  };
}
