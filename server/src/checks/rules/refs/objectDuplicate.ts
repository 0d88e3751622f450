/** object-duplicate: two manifests define one object (same kind, namespace and name). */
import { basename } from 'node:path';
import type { KubeObject } from '../../../manifests/types';
import type { CheckContext, Reporter, Rule } from '../../types';
import { folderOf, hasKustomization, objectIdentity, objectsLike } from '../../identity';
import { relatedAt } from '../dns/describe';

/**
 * Two copies in different folders of which one is a kustomize tree are a base and its patch, or
 * two overlays' variants built for different targets: kustomize rejects real duplicates within
 * one kustomization itself. Declares the folders it looked at.
 */
function kustomizeVariants(a: KubeObject, b: KubeObject, ctx: CheckContext, report: Pick<Reporter, 'watch'>): boolean {
  const fa = folderOf(a.source.file);
  const fb = folderOf(b.source.file);
  if (fa === fb) return false;
  report.watch({ kustomizationIn: fa });
  report.watch({ kustomizationIn: fb });
  return hasKustomization(ctx.cluster, fa) || hasKustomization(ctx.cluster, fb);
}

/**
 * Warning on each of several objects with one identity: `kubectl apply` keeps one object per
 * group-qualified kind, namespace and name, so the one applied last silently replaces the others
 * (and for a Service, CoreDNS serves only that one, dns-rules.md §1.1). A note when every copy
 * sits in another folder.
 */
export const objectDuplicate: Rule = {
  code: 'object-duplicate',
  defaultSeverity: 'warning',
  source: 'workspace',
  reference:
    'dns-rules.md §1.1 (CoreDNS reads one object per namespace and name); kubernetes apimachinery: an object is keyed by group, kind, namespace and name, and kubectl apply updates the one already there',
  description: 'Two objects of the same kind (and API group), namespace and name in the workspace are one object at apply time: the one applied last replaces the other.',
  kinds: ['*'],
  check(object, ctx, report) {
    const id = objectIdentity(object);
    if (id === undefined) return;
    // Whether or not there is a twin now: one may be added, or go, with any edit.
    report.watch({ identity: id });
    const others = objectsLike(ctx.cluster, object).filter((o) => o !== object && !kustomizeVariants(object, o, ctx, report));
    if (others.length === 0) return;
    const where = (o: KubeObject): string => (o.source.file === object.source.file ? 'this file' : basename(o.source.file));
    const ns = object.kind === 'Namespace' ? '' : ` in namespace ${object.meta.namespace}`;
    const files = [...new Set(others.map(where))].join(', ');
    // `kubectl apply -f <folder>` applies a folder together; copies only in other folders are
    // often alternatives (a repository of independent examples), so they are a note.
    const folder = folderOf(object.source.file);
    const together = others.some((o) => folderOf(o.source.file) === folder);
    report.at(
      ['metadata', 'name'],
      `${object.kind} ${object.meta.name}${ns} is also defined in ${files}: the API server keeps one object per kind, namespace and name, ` +
        `so ${together ? 'whichever is applied last silently replaces the other' : 'if both are applied to one cluster, the later silently replaces the earlier'}. ` +
        'Rename one, give it another namespace, or delete the copy.',
      {
        related: others.map((o) => relatedAt(o, ['metadata', 'name'], `the other ${o.kind} ${o.meta.name}`)),
        ...(together ? {} : { severity: 'info' as const }),
      },
    );
  },
};
