/** Small helpers the DNS and reference rules share to name things in messages. */
import type { FieldPath, KubeObject, Service } from '../../../manifests/types';
import { isPlaceholder } from '../../../dns/names';
import { ObjectRange } from '../../objectRange';
import type { RelatedLocation } from '../../types';

/** `<svc>.<ns>.svc.<zone>`, without the trailing dot. */
export function serviceFqdn(svc: Service, zone: string): string {
  return `${svc.meta.name}.${svc.meta.namespace}.svc.${zone}`;
}

/** `Deployment quote`, `Pod web-0`: how messages name an object. */
export function describeObject(o: KubeObject): string {
  return `${o.kind} ${o.meta.name || '(unnamed)'}`;
}

/** The cluster IP a message can print: the literal address, or a phrase when the API assigns it. */
export function clusterIPText(ip: string | undefined): string {
  return ip && !isPlaceholder(ip) ? ip : 'its cluster IP';
}

/** The path that makes a Service headless: `spec.clusterIP`, else `spec.clusterIPs[0]`. */
export function headlessPath(svc: Service): FieldPath {
  return svc.source.has(['spec', 'clusterIP']) ? ['spec', 'clusterIP'] : ['spec', 'clusterIPs', 0];
}

/** A related location pointing at `path` in another object. */
export function relatedAt(o: KubeObject, path: FieldPath, message: string): RelatedLocation {
  // Resolved when read, and kept relative to the object: cached findings outlive edits that move it.
  const range = new ObjectRange(o, () => o.source.locate(path));
  return {
    file: o.source.file,
    get range() {
      return range.get();
    },
    message,
    object: o,
  };
}
