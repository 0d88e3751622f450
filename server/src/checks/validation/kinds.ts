/** The kinds the API-server rules look at. */
import { isPod, isStatefulSet, isWorkload, type FieldPath, type KubeObject } from '../../manifests/types';

/** Kinds whose objects carry a pod spec (their own, or in a template). */
export const POD_SPEC_KINDS: readonly string[] = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
];

/** Namespaced kinds the model reads; `ValidateObjectMeta` checks their metadata the same way. */
export const NAMESPACED_KINDS: readonly string[] = ['Service', 'Endpoints', 'EndpointSlice', ...POD_SPEC_KINDS];

/** The path of the object's pod spec (`spec`, `spec.template.spec`, …), if it has one. */
export function podSpecPath(object: KubeObject): FieldPath | undefined {
  return isPod(object) || isWorkload(object) || isStatefulSet(object) ? object.template.specPath : undefined;
}
