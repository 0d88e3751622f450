/**
 * Runs the rules over objects and collects findings. Severities can be overridden per code
 * (`k8sDns.checks`), or turned off.
 */
import { formatFieldPath, type FieldPath, type KubeObject, type ParseProblem, type TextRange } from '../manifests/types';
import type { CheckContext, Finding, FixEdit, ReportExtra, Rule, Severity, Watch } from './types';

export type SeverityOverride = Severity | 'off';

function rulesByKind(rules: readonly Rule[]): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const r of rules) {
    for (const k of r.kinds) {
      const list = map.get(k) ?? [];
      list.push(r);
      map.set(k, list);
    }
  }
  return map;
}

/**
 * A finding's range, found when first read (most findings of a large file are read once, by the
 * publish that follows the checks) and kept relative to the object: a cached finding stays right
 * when an edit elsewhere in the file moves the object, without locating it again.
 */
class FindingRange {
  private rel: TextRange | undefined;
  private find: (() => TextRange) | undefined;

  constructor(
    private readonly object: KubeObject,
    path: FieldPath,
    extra: ReportExtra | undefined,
  ) {
    const explicit = extra?.range;
    const key = extra?.key ? { key: true } : undefined;
    this.find = () => explicit?.() ?? object.source.locate(path, key);
  }

  get(): TextRange {
    const base = this.object.source.range.start;
    if (!this.rel) {
      let r: TextRange;
      try {
        r = this.find!();
      } catch {
        r = this.object.source.range; // a range that cannot be found must not lose the finding
      }
      this.rel = { start: r.start - base, end: r.end - base };
      // What found it may hold a whole cluster: let it go.
      this.find = undefined;
    }
    return { start: base + this.rel.start, end: base + this.rel.end };
  }
}

/** Runs every rule that applies to `object`. A rule that throws is reported, never fatal. */
export function checkObject(
  object: KubeObject,
  ctx: CheckContext,
  rules: readonly Rule[],
  overrides: Readonly<Record<string, SeverityOverride>> = {},
  /** Collects what the rules declare they read besides the object's dependencies (`Reporter.watch`). */
  watches?: Watch[],
): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(object.kind) && !rule.kinds.includes('*')) continue;
    const override = overrides[rule.code];
    if (override === 'off') continue;
    try {
      rule.check(object, ctx, {
        at(path, message, extra) {
          const field = extra?.field === null ? undefined : (extra?.field ?? (path.length ? formatFieldPath(path) : undefined));
          const range = new FindingRange(object, path, extra);
          const fixes = ctx.withFixes ? (extra?.fixes?.() ?? []).filter((f): f is FixEdit => f !== undefined) : [];
          out.push({
            code: rule.code,
            severity: override ?? extra?.severity ?? rule.defaultSeverity,
            file: object.source.file,
            get range() {
              return range.get();
            },
            message,
            ...(field ? { field } : {}),
            ...(extra?.related?.length ? { related: extra.related } : {}),
            ...(fixes.length ? { fixes } : {}),
          });
        },
        watch(w) {
          watches?.push(w);
        },
      });
    } catch (e) {
      out.push({
        code: 'internal-error',
        severity: 'warning',
        file: object.source.file,
        range: object.source.range,
        message: `Check ${rule.code} failed on this object: ${e instanceof Error ? e.message : String(e)}. Please report this.`,
      });
    }
  }
  return out;
}

/** Runs the rules over many objects (grouping rules by kind once). */
export function checkObjects(objects: readonly KubeObject[], ctx: CheckContext, rules: readonly Rule[], overrides: Readonly<Record<string, SeverityOverride>> = {}): Finding[] {
  const byKind = rulesByKind(rules);
  const any = byKind.get('*') ?? [];
  const out: Finding[] = [];
  for (const o of objects) {
    const rs = [...(byKind.get(o.kind) ?? []), ...any];
    if (rs.length) out.push(...checkObject(o, ctx, rs, overrides));
  }
  return out;
}

/** Parse problems as findings, with the same override mechanism. */
export function problemFindings(problems: readonly ParseProblem[], overrides: Readonly<Record<string, SeverityOverride>> = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of problems) {
    const o = overrides[p.code];
    if (o === 'off') continue;
    out.push({ code: p.code, severity: o ?? p.severity, file: p.file, range: p.range, message: p.message, ...(p.field ? { field: p.field } : {}) });
  }
  return out;
}
