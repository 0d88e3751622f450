/**
 * Which `k8sDns.exclude` globs are safe to match. minimatch turns a glob into a regular expression
 * that backtracks: every further `*` in one path segment multiplies the work by the length of the
 * segment (`*a*a*a*a*a*a*a*a*a*b` takes seconds on a 40-character file name, and hours on 80), an
 * extglob such as `+(a|aa)b` is exponential, and brace lists multiply into many patterns. The
 * setting can come from a workspace's own settings file, so such a glob is refused with a warning.
 */

/** The most `*` wildcards in one path segment: the work of a match then grows at most as the square of the segment. */
export const MAX_STARS_PER_SEGMENT = 3;
/** The most brace lists (`{a,b}`) in one glob. */
export const MAX_BRACE_LISTS = 3;
export const MAX_GLOB_LENGTH = 1000;

/** Why a glob is refused, or undefined when it is safe to match. */
export function unsafeGlob(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  for (let i = 0; i + 1 < glob.length; i++) {
    if (glob[i + 1] === '(' && '@!?*+'.includes(glob[i]!) && glob[i - 1] !== '\\') return `uses an extglob (${glob.slice(i, i + 2)}…)`;
  }
  let braces = 0;
  let depth = 0;
  for (const segment of glob.split('/')) {
    let stars = 0;
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i];
      if (c === '\\') i++;
      else if (c === '{') (braces++, depth++);
      else if (c === '}') depth = Math.max(0, depth - 1);
      else if (c === '.' && segment[i + 1] === '.' && depth > 0) return 'holds a numeric range {m..n} (a brace list of every number between)';
      // A run of `*` is one wildcard (`**` alone is the globstar, which matches segments, not characters).
      else if (c === '*' && segment[i - 1] !== '*' && segment !== '**') stars++;
    }
    if (stars > MAX_STARS_PER_SEGMENT) return `has more than ${MAX_STARS_PER_SEGMENT} * wildcards in the path segment ${JSON.stringify(segment)}`;
  }
  if (braces > MAX_BRACE_LISTS) return `has more than ${MAX_BRACE_LISTS} brace lists {…}`;
  return undefined;
}
