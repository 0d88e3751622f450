/**
 * The shape every check (diagnostic rule) has. One rule per file under `checks/rules/`, each
 * exporting a `Rule`. Part of the pure core: no LSP, no VS Code.
 */
import type { FieldPath, KubeObject, TextRange, TextSource } from '../manifests/types';
import type { ClusterConfig } from '../dns/config';
import type { Cluster } from '../dns/cluster';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * Where a rule comes from, cited in docs/checks.md and in each diagnostic. `gateway-api` is the
 * Gateway API specification (its Go types and GEPs); `implementations` the documented behaviour
 * of ingress controllers and Gateway implementations.
 */
export type RuleSource = 'api-server' | 'api-server-warning' | 'dns-spec' | 'coredns' | 'kube-dns' | 'workspace' | 'gateway-api' | 'implementations';

/** Another place a finding points at (LSP relatedInformation). */
export interface RelatedLocation {
  readonly file: string;
  readonly range: TextRange;
  readonly message: string;
  /** The object it points into: when that object is replaced, the finding is computed again. */
  readonly object?: KubeObject;
}

/** A quick fix: replace (or insert at an empty range) text in the finding's file. */
export interface FixEdit {
  readonly title: string;
  readonly edits: readonly { readonly file: string; readonly range: TextRange; readonly newText: string }[];
}

/**
 * What else a rule read, beyond what its object always depends on (its Service, its selector's
 * labels, the names it writes): an editor re-checks the object when any of it changes, whether
 * the rule reported something or not. `'*'` is every namespace.
 */
export type Watch =
  | { readonly servicesIn: string }
  | { readonly servicesNamed: string }
  | { readonly templatesIn: string }
  | { readonly objectsIn: string }
  /** The objects of one identity (`identity.ts` `objectIdentity`). */
  | { readonly identity: string }
  /** Whether a folder holds a kustomize Kustomization (`identity.ts` `hasKustomization`). */
  | { readonly kustomizationIn: string };

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  readonly range: TextRange;
  readonly message: string;
  /** The API field path as kubectl prints it (`spec.ports[1].name`), where there is one. */
  readonly field?: string;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly FixEdit[];
}

/** What a rule may look at besides the object itself. */
export interface CheckContext {
  readonly config: ClusterConfig;
  /** Every object in scope (the workspace, or the files given to the CLI), indexed for DNS. */
  readonly cluster: Cluster;
  /** The current text of a file, for rules that point inside string values (DNS names in URLs). */
  readonly textOf?: (file: string) => TextSource | undefined;
  /**
   * Compute quick fixes (for code actions, which ask for the findings at the cursor afresh).
   * Diagnostics do not carry them: most findings are never fixed, and a fix locates text.
   */
  readonly withFixes?: boolean;
}

export interface Rule {
  /** Stable code, kebab-case, e.g. `svc-port-name-required`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly source: RuleSource;
  /** Where exactly the rule comes from, e.g. `validation.go validateServicePort (PORT-2)`. */
  readonly reference: string;
  /** One sentence for docs/checks.md. */
  readonly description: string;
  /** The kinds this rule looks at; the runner calls `check` only for these. */
  readonly kinds: readonly string[];
  check(object: KubeObject, ctx: CheckContext, report: Reporter): void;
}

/** Collects the findings of one rule on one object. */
export interface Reporter {
  /**
   * Reports a problem at `path` inside the object (the range is found from the source).
   * `field` defaults to `path` formatted as kubectl does; `range` overrides the node's range
   * (for a part of a string value).
   */
  at(path: FieldPath, message: string, extra?: ReportExtra): void;
  /** Declares what else the rule read (`Watch`); call it before returning, reported or not. */
  watch(w: Watch): void;
}

/** What a report may add. Fixes and explicit ranges are functions: they run only when needed. */
export interface ReportExtra {
  readonly key?: boolean;
  readonly field?: string | null;
  readonly related?: RelatedLocation[];
  /** Called only when the context asks for fixes (`withFixes`). */
  readonly fixes?: () => (FixEdit | undefined)[];
  readonly severity?: Severity;
  /** The range in the file, when not a node's; called when the finding's range is first read. */
  readonly range?: () => TextRange | undefined;

}
