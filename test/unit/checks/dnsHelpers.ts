/**
 * Test helper for the DNS and reference rules: reads manifests, builds the cluster, runs
 * `DNS_RULES` and returns findings together with the text their ranges cover.
 */
import { checkObjects } from '../../../server/src/checks/runner';
import { DNS_RULES } from '../../../server/src/checks/dnsRules';
import type { FixEdit, Finding, Rule, Severity } from '../../../server/src/checks/types';
import { buildCluster } from '../../../server/src/dns/cluster';
import { makeConfig, type ClusterConfig } from '../../../server/src/dns/config';
import { readManifest } from '../../../server/src/manifests/read';
import type { KubeObject, ParseProblem } from '../../../server/src/manifests/types';

/** File name → text. A plain string is one file, `manifest.yaml`. */
export type Files = string | Readonly<Record<string, string>>;

export interface DnsFinding extends Finding {
  /** The text the finding's range covers. */
  readonly text: string;
  /** The text each related location covers. */
  readonly relatedText: readonly string[];
}

export interface DnsRun {
  readonly files: Readonly<Record<string, string>>;
  readonly objects: readonly KubeObject[];
  /** Parse problems of the files (a fixture must have none). */
  readonly problems: readonly ParseProblem[];
  readonly findings: readonly DnsFinding[];
  /** Findings of one code. */
  of(code: string): DnsFinding[];
}

export interface RunOptions {
  readonly config?: Partial<ClusterConfig>;
  /** The namespace of objects that name none; `default` unless given. */
  readonly defaultNamespace?: string;
  readonly rules?: readonly Rule[];
  /** Compute quick fixes, as code actions do (default); diagnostics passes do not. */
  readonly withFixes?: boolean;
}

/** Normalises `Files` to a map. */
export function asFiles(files: Files): Record<string, string> {
  return typeof files === 'string' ? { 'manifest.yaml': files } : { ...files };
}

/** Removes the common indentation of a template literal and its first empty line. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}

/** Reads the files, builds the cluster and runs the DNS rules over every object. */
export function runDns(input: Files, opts: RunOptions = {}): DnsRun {
  const files = asFiles(input);
  const defaultNamespace = opts.defaultNamespace ?? 'default';
  const config = makeConfig({ defaultNamespace, ...opts.config });
  const parsed = Object.entries(files).map(([file, text]) => readManifest(text, file, { defaultNamespace }));
  const objects = parsed.flatMap((p) => p.objects);
  const problems = parsed.flatMap((p) => p.problems);
  const cluster = buildCluster(objects, config);
  const raw = checkObjects(objects, { config, cluster, textOf: (f) => files[f], withFixes: opts.withFixes ?? true }, opts.rules ?? DNS_RULES);
  const slice = (file: string, r: { start: number; end: number }): string => (files[file] ?? '').slice(r.start, r.end);
  const findings = raw.map((f) => ({
    ...f,
    text: slice(f.file, f.range),
    relatedText: (f.related ?? []).map((r) => slice(r.file, r.range)),
  }));
  return { files, objects, problems, findings, of: (code) => findings.filter((f) => f.code === code) };
}

/** Applies a quick fix to the files (edits sorted from the end, so offsets stay valid). */
export function applyFix(files: Files, fix: FixEdit): Record<string, string> {
  const out = asFiles(files);
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  for (const e of edits) {
    const text = out[e.file] ?? '';
    out[e.file] = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
  }
  return out;
}

/** One data-driven case: a manifest that must trigger `code` and one that must not. */
export interface RuleCase {
  readonly code: string;
  /** What the case is about (the test name). */
  readonly name: string;
  readonly severity: Severity;
  readonly bad: Files;
  /** The text every finding of `code` on `bad` must cover, in order. */
  readonly badText: string | readonly string[];
  readonly good: Files;
  readonly opts?: RunOptions;
  /** Options for `good` when they differ from `opts`. */
  readonly goodOpts?: RunOptions;
}

/**
 * Asserts a case: every finding of `code` on `bad` has the case's severity and covers `badText`;
 * `good` yields no finding of `code`.
 */
export function assertCase(c: RuleCase, eq: (actual: unknown, expected: unknown, message?: string) => void): void {
  const badRun = runDns(c.bad, c.opts);
  eq(badRun.problems.map((p) => p.message), [], `${c.code}: the failing manifest parses`);
  const bad = badRun.of(c.code);
  const expected = typeof c.badText === 'string' ? [c.badText] : c.badText;
  eq(
    bad.map((f) => f.text),
    expected,
    `${c.code} on the failing manifest: ${JSON.stringify(bad.map((f) => f.message))}`,
  );
  for (const f of bad) {
    eq(f.severity, c.severity, `${c.code} severity`);
    eq(f.message.length > 40, true, `${c.code} says what DNS does`);
  }
  const goodRun = runDns(c.good, c.goodOpts ?? c.opts);
  eq(goodRun.problems.map((p) => p.message), [], `${c.code}: the passing manifest parses`);
  const good = goodRun.of(c.code);
  eq(good.map((f) => f.message), [], `${c.code} on the passing manifest`);
}
