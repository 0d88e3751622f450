/**
 * Fault injection: rules that make chosen requests slow, silent, broken or failing, so clients can
 * be tested against every way a real API server (or the network in front of it) misbehaves.
 */

/** What a faulty request gets instead of its normal answer. */
export type FaultResponse =
  /** Read the request and never answer (the socket stays open until the server stops). */
  | 'hang'
  /** Destroy the socket: the client sees a connection reset. */
  | 'reset'
  /** 200 with `Content-Type: application/json` and a body that is not JSON. */
  | 'invalid-json'
  /** This status with the Status body the real server would send for the request. */
  | { readonly status: 401 | 403 | 404 | 500; readonly message?: string }
  /** Any answer at all, e.g. the HTML page of a proxy standing in front of the API server. */
  | { readonly raw: string; readonly status?: number; readonly contentType?: string };

/** One fault rule. The first rule that matches a request (and has uses left) applies. */
export interface FaultRule {
  /**
   * The request path (no query) to hit: an exact path, a glob where `*` matches within one path
   * segment and `**` matches anything, or a RegExp.
   */
  readonly path: string | RegExp;
  /** Only this HTTP method (default: any). */
  readonly method?: string;
  /** Wait this many milliseconds first; without `respond`, then answer normally. */
  readonly delayMs?: number;
  readonly respond?: FaultResponse;
  /** Apply to this many matching requests only (default: every one). */
  readonly times?: number;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') {
      source += '[^/]*';
    } else {
      source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** The active rules of one server, with their remaining uses. */
export class FaultTable {
  private readonly rules: { rule: FaultRule; pattern: RegExp; left: number }[] = [];

  /** Adds a rule; returns a function that removes it again. */
  add(rule: FaultRule): () => void {
    const pattern = typeof rule.path === 'string' ? globToRegExp(rule.path) : rule.path;
    const entry = { rule, pattern, left: rule.times ?? Number.POSITIVE_INFINITY };
    this.rules.push(entry);
    return () => {
      const i = this.rules.indexOf(entry);
      if (i >= 0) this.rules.splice(i, 1);
    };
  }

  /** Removes every rule. */
  clear(): void {
    this.rules.length = 0;
  }

  /** The rule for this request, if one applies (using up one of its uses). */
  take(method: string, path: string): FaultRule | undefined {
    for (const entry of this.rules) {
      if (entry.left <= 0) continue;
      if (entry.rule.method !== undefined && entry.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      entry.pattern.lastIndex = 0;
      if (!entry.pattern.test(path)) continue;
      entry.left--;
      return entry.rule;
    }
    return undefined;
  }
}
