/**
 * Server-side printing: kubectl's human-readable `get` asks for `meta.k8s.io/v1` Tables and
 * prints their columns. The columns follow kube-apiserver's printers for the kinds we serve.
 */
import type { ResourceInfo } from './resources';
import type { KubeObjectJson } from './store';

/** Whether an Accept header asks for a Table (kubectl lists it before plain JSON). */
export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && accept.split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io');
  });
}

/** The media type of a Table answer (always v1: every kubectl since 1.15 accepts it). */
export const TABLE_MEDIA_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer';
  readonly format?: 'name';
  readonly cell: (obj: KubeObjectJson) => string | number;
}

/** `5s`, `3m`, `2h`, `4d`: kubectl's short age. */
function age(obj: KubeObjectJson, now: number): string {
  const created = Date.parse(String(obj.metadata.creationTimestamp ?? ''));
  if (Number.isNaN(created)) return '<unknown>';
  const s = Math.max(0, Math.floor((now - created) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 2 * 3600) return `${Math.floor(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

function servicePorts(obj: KubeObjectJson): string {
  const ports = field(obj, 'spec', 'ports');
  if (!Array.isArray(ports) || ports.length === 0) return '<none>';
  return ports.map((p) => `${String(field(p, 'port'))}/${String(field(p, 'protocol') ?? 'TCP')}`).join(',');
}

function columnsFor(info: ResourceInfo, now: number): Column[] {
  const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
  const ageColumn: Column = { name: 'Age', type: 'string', cell: (o) => age(o, now) };
  switch (info.resource) {
    case 'namespaces':
      return [name, { name: 'Status', type: 'string', cell: (o) => String(field(o, 'status', 'phase') ?? 'Active') }, ageColumn];
    case 'services':
      return [
        name,
        { name: 'Type', type: 'string', cell: (o) => String(field(o, 'spec', 'type') ?? 'ClusterIP') },
        { name: 'Cluster-IP', type: 'string', cell: (o) => String(field(o, 'spec', 'clusterIP') ?? '<none>') },
        { name: 'External-IP', type: 'string', cell: () => '<none>' },
        { name: 'Port(s)', type: 'string', cell: servicePorts },
        ageColumn,
      ];
    default:
      return [name, ageColumn];
  }
}

/** A Table of `objects`, each row carrying the object's metadata as kubectl expects. */
export function toTable(info: ResourceInfo, objects: readonly KubeObjectJson[], resourceVersion: string): unknown {
  const columns = columnsFor(info, Date.now());
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: 0 })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
