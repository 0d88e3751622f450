/**
 * The kinds that route traffic to Services: the Ingress (`networking.k8s.io`, formerly
 * `extensions`) and the Gateway API's routes, Gateways and ReferenceGrants
 * (`gateway.networking.k8s.io`, any version: v1 for the standard routes, v1alpha2/v1beta1 for the
 * experimental ones). Sources: Kubernetes API reference networking.k8s.io/v1 Ingress;
 * gateway-api apis/v1 httproute_types.go, grpcroute_types.go, apis/v1alpha2 tlsroute_types.go,
 * tcproute_types.go, udproute_types.go, apis/v1beta1 referencegrant_types.go.
 */
import { groupOf } from '../manifests/apiGroups';
import type { KubeObject } from '../manifests/types';

/** The Gateway API's group. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The route kinds whose rules hold `backendRefs`. */
export const ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** Routes whose filters can mirror requests to another backend (`requestMirror.backendRef`). */
export const MIRRORING_ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute']);

/** Whether `o` is an Ingress of the Kubernetes API (not a custom resource named Ingress). */
export function isIngress(o: KubeObject): boolean {
  if (o.kind !== 'Ingress') return false;
  const group = groupOf(o.apiVersion);
  return group === 'networking.k8s.io' || group === 'extensions';
}

/** Whether `o` is a Gateway API route. */
export function isRoute(o: KubeObject): boolean {
  return ROUTE_KINDS.includes(o.kind) && groupOf(o.apiVersion) === GATEWAY_GROUP;
}

/** Whether `o` is a Gateway API object of `kind`. */
export function isGatewayKind(o: KubeObject, kind: string): boolean {
  return o.kind === kind && groupOf(o.apiVersion) === GATEWAY_GROUP;
}
