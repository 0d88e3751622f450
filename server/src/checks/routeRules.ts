/** Ingress and Gateway API route checks (issue 15 §2), one file each under rules/routes/. */
import type { Rule } from './types';
import { backendServiceExternalName } from './rules/routes/backendServiceExternalName';
import { backendServiceHeadless } from './rules/routes/backendServiceHeadless';
import { ingressBackendPortInvalid } from './rules/routes/ingressBackendPortInvalid';
import { ingressBackendPortUnknown } from './rules/routes/ingressBackendPortUnknown';
import { ingressBackendServiceMissing } from './rules/routes/ingressBackendServiceMissing';
import { routeBackendNotPermitted } from './rules/routes/routeBackendNotPermitted';
import { routeBackendPortRequired } from './rules/routes/routeBackendPortRequired';
import { routeBackendPortUnknown } from './rules/routes/routeBackendPortUnknown';
import { routeBackendServiceMissing } from './rules/routes/routeBackendServiceMissing';
import { routeParentGatewayMissing } from './rules/routes/routeParentGatewayMissing';
import { routeParentSectionUnknown } from './rules/routes/routeParentSectionUnknown';

/** What the API server rejects, then missing things (the Service, the port, the permission), then caveats of what exists. */
export const ROUTE_RULES: readonly Rule[] = [
  ingressBackendPortInvalid,
  ingressBackendServiceMissing,
  ingressBackendPortUnknown,
  routeBackendPortRequired,
  routeBackendServiceMissing,
  routeBackendPortUnknown,
  routeBackendNotPermitted,
  routeParentGatewayMissing,
  routeParentSectionUnknown,
  backendServiceHeadless,
  backendServiceExternalName,
];
