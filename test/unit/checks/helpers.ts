/**
 * Runs checks over YAML text for data-driven tests: read with `readManifest`, build the cluster,
 * run the rules, and return each finding with the text its range covers.
 */
import { readManifest } from '../../../server/src/manifests/read';
import { buildCluster } from '../../../server/src/dns/cluster';
import { makeConfig } from '../../../server/src/dns/config';
import { checkObjects } from '../../../server/src/checks/runner';
import { API_RULES } from '../../../server/src/checks/apiRules';
import type { Finding, Rule } from '../../../server/src/checks/types';

/** A finding and the source text of its range. */
export interface CheckedFinding extends Finding {
  readonly text: string;
}

/** Checks `yaml` with `rules` (the API-server rules by default). YAML syntax errors throw: a test is broken. */
export function checkYaml(yaml: string, rules: readonly Rule[] = API_RULES): CheckedFinding[] {
  const config = makeConfig();
  const parsed = readManifest(yaml, 'test.yaml', { defaultNamespace: config.defaultNamespace });
  const syntax = parsed.problems.filter((p) => p.code.startsWith('yaml-'));
  if (syntax.length) throw new Error(`test YAML does not parse: ${syntax.map((p) => p.message).join('; ')}`);
  const cluster = buildCluster(parsed.objects, config);
  return checkObjects(parsed.objects, { config, cluster }, rules).map((f) => ({ ...f, text: yaml.slice(f.range.start, f.range.end) }));
}

/** The parts of a finding a table-driven test compares. */
export interface Expected {
  readonly code: string;
  readonly field?: string;
  /** The text the range covers. */
  readonly text: string;
}

/** Findings reduced to code, field and range text, in report order. */
export function summary(findings: readonly CheckedFinding[]): Expected[] {
  return findings.map((f) => ({ code: f.code, ...(f.field ? { field: f.field } : {}), text: f.text }));
}

/** Strips the common indentation of a template literal, so cases can be written indented. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const pad = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(pad)).join('\n');
}

function indent(text: string): string {
  return dedent(text)
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

/** A Service manifest: `spec` and `metadata` bodies written without indentation. */
export function service(spec: string, metadata = 'name: web'): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n${indent(metadata)}\nspec:\n${indent(spec)}\n`;
}

/** Any manifest: `body` holds the top-level fields after apiVersion and kind. */
export function manifest(apiVersion: string, kind: string, body: string): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\n${dedent(body)}\n`;
}
