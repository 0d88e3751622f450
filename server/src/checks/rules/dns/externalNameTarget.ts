/** How the ExternalName rules read `spec.externalName`. */
import type { Service } from '../../../manifests/types';

/** The target as DNS uses it: lower case, one trailing dot removed; `undefined` if not ExternalName. */
export function externalTarget(svc: Service): string | undefined {
  if (svc.spec.type !== 'ExternalName' || !svc.spec.externalName) return undefined;
  const t = svc.spec.externalName.trim().toLowerCase().replace(/\.$/, '');
  return t || undefined;
}
