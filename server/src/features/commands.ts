/**
 * The server's commands (`workspace/executeCommand`). Each returns its result so a rich client
 * (VS Code) can show it in a preview; for other editors the server also shows it as a message.
 */
import { allRecords, formatAnswer, query, serviceKey } from '../dns';
import { serviceRecords } from '../dns/records';
import type { ResourceRecord } from '../dns/types';
import type { WorkspaceIndex } from '../workspace';

export const COMMANDS = {
  resolve: 'k8sDns.resolve',
  copyFqdn: 'k8sDns.copyFqdn',
  showRecords: 'k8sDns.showRecords',
  /** The cluster's answer next to the manifest's, with drift (features/liveResolve.ts). */
  resolveLive: 'k8sDns.resolveLive',
} as const;

/** What a command returns: a title and a document in the records-preview (zone) syntax. */
export interface CommandResult {
  readonly title: string;
  readonly text: string;
  /** For Copy FQDN: the value to copy. */
  readonly value?: string;
}

interface Target {
  uri?: string;
  namespace?: string;
  name?: string;
  scope?: 'service' | 'file' | 'workspace';
  fqdn?: string;
}

function zoneLines(records: readonly ResourceRecord[]): string[] {
  const width = Math.min(60, Math.max(0, ...records.map((r) => r.name.length)));
  let last: string | undefined;
  const out: string[] = [];
  for (const r of records) {
    const o = r.origin;
    const src = o ? `${o.kind} ${o.meta.namespace}/${o.meta.name}` : undefined;
    if (src && src !== last) out.push(`; ${src}`);
    last = src;
    out.push(`${r.name.padEnd(width)} ${String(r.ttl).padStart(5)} IN ${r.type.padEnd(5)} ${r.data}`);
  }
  return out;
}

export function runCommand(index: WorkspaceIndex, command: string, args: unknown[]): CommandResult {
  const t = (args[0] ?? {}) as Target;
  const cluster = index.cluster();
  const zone = cluster.config.zone;
  switch (command) {
    case COMMANDS.resolve: {
      if (!t.name || !t.namespace) throw new Error('Put the cursor in a Service (or on a name of one) to resolve it.');
      const name = `${t.name}.${t.namespace}.svc.${zone}.`;
      const parts = ['A', 'AAAA', 'SRV'].map((type) => formatAnswer(query(cluster, name, type)));
      const entry = cluster.services.get(serviceKey(t.namespace, t.name));
      if (entry?.externalName) parts.unshift(formatAnswer(query(cluster, name, 'CNAME')));
      return { title: `Resolve ${name}`, text: `; Offline answer from the workspace manifests (${cluster.config.flavor}, zone ${zone})\n\n${parts.join('\n\n')}\n` };
    }
    case COMMANDS.copyFqdn: {
      if (!t.fqdn) throw new Error('Put the cursor in a Service to copy its name.');
      return { title: 'FQDN', text: t.fqdn, value: t.fqdn };
    }
    case COMMANDS.showRecords: {
      let records: ResourceRecord[];
      let title: string;
      if (t.scope === 'service' && t.name && t.namespace) {
        const entry = cluster.services.get(serviceKey(t.namespace, t.name));
        records = entry ? serviceRecords(cluster, entry) : [];
        title = `Records of ${t.namespace}/${t.name}`;
      } else if (t.uri && t.scope !== 'workspace') {
        const objects = new Set(index.file(t.uri)?.objects() ?? []);
        const services = [...cluster.services.values()].filter((e) => objects.has(e.service));
        records = services.flatMap((e) => serviceRecords(cluster, e));
        title = `Records of ${t.uri.split('/').pop()}`;
      } else {
        records = allRecords(cluster);
        title = 'Records of the workspace';
      }
      const header = `; ${title}: what ${cluster.config.flavor === 'coredns' ? 'CoreDNS' : 'kube-dns'} serves in zone ${zone}.`;
      return { title, text: [header, ...zoneLines(records)].join('\n') + '\n' };
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}
