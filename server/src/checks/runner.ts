/**
 * Runs the rules over objects and collects findings. Severities can be overridden per code
 * (`k8sDns.checks`), or turned off.
 */
import { formatFieldPath, type KubeObject, type ParseProblem } from '../manifests/types';
import { ObjectRange } from './objectRange';
import type { CheckContext, Finding, FixEdit, Rule, Severity, Watch } from './types';

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
          // Found when first read: most findings of a large file are read once, by the publish that follows.
          const key = extra?.key ? { key: true } : undefined;
          const explicit = extra?.range;
          const range = new ObjectRange(object, () => explicit?.() ?? object.source.locate(path, key));
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
