/**
 * What the fake cluster holds: plain JSON objects the test seeds, indexed by resource, namespace
 * and name. Reads return deep copies, so a caller can never change the cluster by accident.
 */
import { randomUUID } from 'node:crypto';
import type { LabelSelector } from './labelSelector';
import { resourceForKind, type ResourceInfo } from './resources';

/** A Kubernetes object as JSON: anything with apiVersion, kind and metadata.name. */
export interface KubeObjectJson {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** The objects of one fake cluster. */
export class ObjectStore {
  private readonly objects = new Map<string, KubeObjectJson>();
  private revision = 1000;

  /** Creates the store holding `seed` (each object is copied and given uid/resourceVersion/creationTimestamp when missing). */
  constructor(seed: readonly KubeObjectJson[] = []) {
    for (const obj of seed) this.put(obj);
  }

  /** Adds or replaces one object. Throws for a kind the fake server does not serve. */
  put(obj: KubeObjectJson): void {
    const info = resourceForKind(obj.apiVersion, obj.kind);
    if (info === undefined) throw new Error(`fake-kube-api: cannot store ${obj.apiVersion} ${obj.kind}`);
    if (info.namespaced && !obj.metadata.namespace) {
      throw new Error(`fake-kube-api: ${obj.kind} ${obj.metadata.name} needs metadata.namespace`);
    }
    const copy = structuredClone(obj);
    if (!info.namespaced) delete copy.metadata.namespace;
    // The fields the API server always sets, so clients see realistic objects.
    copy.metadata.uid ??= randomUUID();
    copy.metadata.resourceVersion ??= String(++this.revision);
    copy.metadata.creationTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    this.objects.set(keyOf(info, copy.metadata.namespace, copy.metadata.name), copy);
  }

  /** Removes one object; returns whether it was there. */
  delete(info: ResourceInfo, namespace: string | undefined, name: string): boolean {
    return this.objects.delete(keyOf(info, namespace, name));
  }

  /** One object, or undefined. */
  get(info: ResourceInfo, namespace: string | undefined, name: string): KubeObjectJson | undefined {
    const found = this.objects.get(keyOf(info, info.namespaced ? namespace : undefined, name));
    return found === undefined ? undefined : structuredClone(found);
  }

  /** Objects of a resource, in one namespace (or all when undefined), that match `selector`; sorted as etcd returns them (namespace, then name). */
  list(info: ResourceInfo, namespace: string | undefined, selector: LabelSelector): KubeObjectJson[] {
    const prefix = `${info.group}/${info.resource}/`;
    const result: KubeObjectJson[] = [];
    for (const [key, obj] of this.objects) {
      if (!key.startsWith(prefix)) continue;
      if (namespace !== undefined && info.namespaced && obj.metadata.namespace !== namespace) continue;
      if (!selector.matches(obj.metadata.labels)) continue;
      result.push(structuredClone(obj));
    }
    return result.sort((a, b) => keyOf(info, a.metadata.namespace, a.metadata.name).localeCompare(keyOf(info, b.metadata.namespace, b.metadata.name)));
  }

  /** The current list resourceVersion. */
  get resourceVersion(): string {
    return String(this.revision);
  }
}

function keyOf(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return `${info.group}/${info.resource}/${namespace ?? ''}/${name}`;
}
