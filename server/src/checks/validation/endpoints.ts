/**
 * Walks the parts of Endpoints and EndpointSlice objects the rules check, keeping each item's path
 * (`subsets[0].addresses[1]`, `endpoints[2]`). Items that are not maps fail decoding and are skipped.
 */
import type { FieldPath, KubeObject } from '../../manifests/types';
import { goList, isMap, type JsonMap } from './raw';

/** A map item of a list, with its path in the object. */
export interface Item {
  readonly path: FieldPath;
  readonly raw: JsonMap;
}

/** The map items of the list at `path` (relative to the object), `null` when it is not a list. */
export function itemsAt(path: FieldPath, list: unknown): Item[] | null {
  const items = goList(list);
  if (!items) return null;
  const out: Item[] = [];
  items.forEach((x, i) => {
    if (isMap(x)) out.push({ path: [...path, i], raw: x });
  });
  return out;
}

/** Every address of every subset of an Endpoints object, ready and not ready. */
export function endpointAddresses(object: KubeObject): Item[] {
  const out: Item[] = [];
  for (const subset of itemsAt(['subsets'], object.raw['subsets']) ?? []) {
    for (const key of ['addresses', 'notReadyAddresses']) {
      out.push(...(itemsAt([...subset.path, key], subset.raw[key]) ?? []));
    }
  }
  return out;
}

/** The ports of each subset of an Endpoints object, with how many ports the subset lists. */
export function endpointPorts(object: KubeObject): (Item & { readonly count: number })[] {
  const out: (Item & { count: number })[] = [];
  for (const subset of itemsAt(['subsets'], object.raw['subsets']) ?? []) {
    const count = goList(subset.raw['ports'])?.length ?? 0;
    for (const p of itemsAt([...subset.path, 'ports'], subset.raw['ports']) ?? []) out.push({ ...p, count });
  }
  return out;
}

/** EndpointSlice limits (pkg/apis/discovery/validation): endpoints per slice. */
export const MAX_SLICE_ENDPOINTS = 1000;
/** Addresses per endpoint. */
export const MAX_ENDPOINT_ADDRESSES = 100;
/** Ports per slice. */
export const MAX_SLICE_PORTS = 20000;
/** Zone hints per endpoint. */
export const MAX_ZONE_HINTS = 8;

/**
 * The endpoints of an EndpointSlice. Over MAX_SLICE_ENDPOINTS the API server reports only the
 * count, so there is nothing to walk.
 */
export function sliceEndpoints(object: KubeObject): Item[] {
  const items = goList(object.raw['endpoints']);
  if (!items || items.length > MAX_SLICE_ENDPOINTS) return [];
  return itemsAt(['endpoints'], items) ?? [];
}
