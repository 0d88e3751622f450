/** Code lenses above each Service: FQDN and record summary, Resolve, Copy FQDN. */
import { isService } from '../manifests/types';
import type { TextRange } from '../manifests/types';
import { entryOf, fqdn, recordSummary } from '../explain/service';
import type { WorkspaceIndex } from '../workspace';
import { COMMANDS } from './commands';

export interface Lens {
  readonly range: TextRange;
  readonly title: string;
  readonly command: string;
  readonly args: unknown[];
}

/** Code lenses of a file; `live` adds "Resolve live" when live lookups may run. */
export function codeLenses(index: WorkspaceIndex, uri: string, opts: { live?: boolean } = {}): Lens[] {
  const file = index.file(uri);
  if (!file || file.helm) return [];
  const cluster = index.cluster();
  const out: Lens[] = [];
  for (const o of file.objects()) {
    if (!isService(o) || !o.meta.name) continue;
    const entry = entryOf(cluster, o);
    if (!entry || entry.service !== o) continue;
    const range = o.source.range;
    const at = { start: range.start, end: range.start };
    const name = fqdn(o, cluster.config.zone);
    const target = { uri, namespace: o.meta.namespace, name: o.meta.name };
    out.push({ range: at, title: `${name.slice(0, -1)} · ${recordSummary(cluster, entry)}`, command: COMMANDS.showRecords, args: [{ ...target, scope: 'service' }] });
    out.push({ range: at, title: 'Resolve', command: COMMANDS.resolve, args: [target] });
    if (opts.live) out.push({ range: at, title: 'Resolve live', command: COMMANDS.resolveLive, args: [target] });
    out.push({ range: at, title: 'Copy FQDN', command: COMMANDS.copyFqdn, args: [{ fqdn: name }] });
  }
  return out;
}
