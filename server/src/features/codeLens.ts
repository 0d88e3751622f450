/**
 * Code lenses above each Service: FQDN and record summary, Resolve, Copy FQDN. A lens is found
 * (its site) separately from its title and command: editors that resolve lenses get the sites of
 * a whole file at once and the titles only of the lenses on screen.
 */
import { isService, type Service, type TextRange } from '../manifests/types';
import { entryOf, fqdn, recordSummary } from '../explain/service';
import type { WorkspaceIndex } from '../workspace';
import { COMMANDS } from './commands';

export type LensKind = 'records' | 'resolve' | 'resolveLive' | 'copyFqdn';

/** Where a lens goes and what it is about. */
export interface LensSite {
  readonly range: TextRange;
  readonly kind: LensKind;
  readonly uri: string;
  readonly service: Service;
}

export interface LensCommand {
  readonly title: string;
  readonly command: string;
  readonly args: unknown[];
}

export interface Lens extends LensCommand {
  readonly range: TextRange;
}

/** The lens sites of a file; `live` adds "Resolve live" when live lookups may run. */
export function lensSites(index: WorkspaceIndex, uri: string, opts: { live?: boolean } = {}): LensSite[] {
  const file = index.file(uri);
  if (!file || file.helm) return [];
  const cluster = index.cluster();
  const out: LensSite[] = [];
  const kinds: LensKind[] = opts.live ? ['records', 'resolve', 'resolveLive', 'copyFqdn'] : ['records', 'resolve', 'copyFqdn'];
  for (const o of file.objects()) {
    if (!isService(o) || !o.meta.name) continue;
    // A Service that another one of the same name shadows gets no lenses (its records are not served).
    if (entryOf(cluster, o)?.service !== o) continue;
    const range = { start: o.source.range.start, end: o.source.range.start };
    for (const kind of kinds) out.push({ range, kind, uri, service: o });
  }
  return out;
}

/** The title and command of a lens, from the index as it is now. */
export function lensCommand(index: WorkspaceIndex, site: LensSite): LensCommand {
  const svc = site.service;
  const cluster = index.cluster();
  const name = fqdn(svc, cluster.config.zone);
  const target = { uri: site.uri, namespace: svc.meta.namespace, name: svc.meta.name };
  switch (site.kind) {
    case 'records': {
      const entry = entryOf(cluster, svc);
      // A lens resolved after its Service was edited away still names it, without a summary.
      const summary = entry ? ` · ${recordSummary(cluster, entry)}` : '';
      return { title: `${name.slice(0, -1)}${summary}`, command: COMMANDS.showRecords, args: [{ ...target, scope: 'service' }] };
    }
    case 'resolve':
      return { title: 'Resolve', command: COMMANDS.resolve, args: [target] };
    case 'resolveLive':
      return { title: 'Resolve live', command: COMMANDS.resolveLive, args: [target] };
    case 'copyFqdn':
      return { title: 'Copy FQDN', command: COMMANDS.copyFqdn, args: [{ fqdn: name }] };
  }
}

/** Code lenses of a file, titles and commands included. */
export function codeLenses(index: WorkspaceIndex, uri: string, opts: { live?: boolean } = {}): Lens[] {
  return lensSites(index, uri, opts).map((site) => ({ range: site.range, ...lensCommand(index, site) }));
}
