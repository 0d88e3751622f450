/** "Did you mean" suggestions by edit distance. */

/** Levenshtein distance, bounded: returns `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidates to `word`, nearest first (at most `limit`, within a distance of 1/3 of its length). */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(1, Math.min(3, Math.floor(word.length / 3) + 1));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.startsWith(word) || word.startsWith(c) ? Math.min(editDistance(word, c, max), 2) : editDistance(word, c, max);
    if (d <= max) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, limit).map(([c]) => c);
}
