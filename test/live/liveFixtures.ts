/**
 * Shared setup of the live "Resolve" tests: the kiada cluster with one quote-headless endpoint
 * not ready, the chapter's manifests, and small helpers.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { kiadaSeed, type KubeObjectJson } from '../support/fake-kube-api';

/** The chapter's kiada manifests (examples/kiada). */
export const KIADA_MANIFESTS = join(__dirname, '../../examples/kiada');

/**
 * The kiada seed, with quote-headless's slice listing quote-003 (10.244.3.4) as not ready next to
 * the ready quote-001: CoreDNS must not serve the former, and drift must count it.
 */
export function liveSeed(): KubeObjectJson[] {
  const seed = kiadaSeed();
  const slice = seed.find((o) => o.kind === 'EndpointSlice' && o.metadata.name === 'quote-headless-m2v9q');
  if (slice === undefined) throw new Error('kiada seed changed: no quote-headless slice');
  slice.endpoints = [
    { addresses: ['10.244.1.7'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'quote-001', namespace: 'kiada' } },
    { addresses: ['10.244.3.4'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'quote-003', namespace: 'kiada' } },
  ];
  return seed;
}

/** A CoreDNS ConfigMap with this Corefile. */
export function corednsConfigMap(corefile: string): KubeObjectJson {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile } };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
