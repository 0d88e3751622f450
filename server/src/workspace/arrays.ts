/** Array edits that stay safe for any size: a paste can bring hundreds of thousands of lines. */

/** Arguments spread into one call above this many overflow the stack. */
const MAX_SPREAD = 10_000;

/** `xs` with `deleteCount` items at `start` replaced by `items`: in place when small, else a new array. */
export function replaceItems<T>(xs: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (items.length <= MAX_SPREAD) {
    xs.splice(start, deleteCount, ...items);
    return xs;
  }
  return xs.slice(0, start).concat(items, xs.slice(start + deleteCount));
}

/** Appends `items` to `xs` (push with a spread would overflow the stack for large arrays). */
export function pushAll<T>(xs: T[], items: readonly T[]): void {
  for (const x of items) xs.push(x);
}
