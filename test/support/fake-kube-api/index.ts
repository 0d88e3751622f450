/**
 * A fake Kubernetes API server for tests: start it with seeded objects, point kubectl or
 * @kubernetes/client-node at it through a written kubeconfig, inject faults, stop it.
 *
 * ```ts
 * const api = await FakeKubeApi.start({ seed: kiadaSeed() });
 * const kc = await writeKubeconfig(api);            // context `fake`, namespace `kiada`
 * api.inject({ path: '/api/v1/namespaces/kiada/services/*', respond: { status: 403 } });
 * …
 * await kc.cleanup();
 * await api.stop();
 * ```
 *
 * A certificate from another CA: start a second server (each has its own CA) and write a
 * kubeconfig with the first one's `caPem` and the second one's `url`.
 */
export { startBlackHole, type BlackHole } from './blackHole';
export type { FaultResponse, FaultRule } from './faults';
export { kiadaSeed, namespace } from './kiadaSeed';
export { kubeconfigObject, writeKubeconfig, type KubeconfigOptions, type KubeconfigTarget, type WrittenKubeconfig } from './kubeconfig';
export { FakeKubeApi, type FakeKubeApiOptions, type RecordedRequest } from './server';
export type { KubeStatus } from './status';
export type { KubeObjectJson } from './store';
export { generateTlsMaterial, type TlsMaterial } from './tls';
