/**
 * A namespace part rebuilt from the part it had and what changed since (issue 13 §1: a file read
 * costs what it touched) is the part a fresh build makes of the same objects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readManifest, type KubeObject } from '../../../server/src/manifests';
import { makeConfig } from '../../../server/src/dns';
import { buildNamespacePart, type NamespacePart } from '../../../server/src/dns/cluster';

const config = makeConfig({});
const APPS = ['web', 'db', 'api'];

/** A pool of objects of one namespace, each of a shape that feeds some Service's slices. */
function pool(): readonly KubeObject[] {
  const docs: string[] = [];
  for (const app of APPS) {
    docs.push(`kind: Service\napiVersion: v1\nmetadata: {name: ${app}, namespace: shop}\nspec:\n  selector: {app: ${app}}\n  ports: [{name: http, port: 80, targetPort: http}]`);
    docs.push(`kind: Service\napiVersion: v1\nmetadata: {name: ${app}-hl, namespace: shop}\nspec:\n  clusterIP: None\n  selector: {app: ${app}}\n  ports: [{port: 80}]`);
    docs.push(`kind: Deployment\napiVersion: apps/v1\nmetadata: {name: ${app}, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}`);
    docs.push(`kind: StatefulSet\napiVersion: apps/v1\nmetadata: {name: ${app}-sts, namespace: shop}\nspec:\n  serviceName: ${app}-hl\n  replicas: 2\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: x}]}`);
    docs.push(`kind: Pod\napiVersion: v1\nmetadata: {name: ${app}-1, namespace: shop, labels: {app: ${app}}}\nspec:\n  hostname: p1\n  subdomain: ${app}-hl\n  containers: [{name: c, image: x, ports: [{name: http, containerPort: 9090}]}]`);
    docs.push(`kind: EndpointSlice\napiVersion: discovery.k8s.io/v1\nmetadata: {name: ${app}-x, namespace: shop, labels: {kubernetes.io/service-name: ${app}}}\naddressType: IPv4\nendpoints: [{addresses: [10.0.0.9]}]\nports: [{name: http, port: 81}]`);
    docs.push(`kind: Endpoints\napiVersion: v1\nmetadata: {name: ${app}-hl, namespace: shop}\nsubsets: [{addresses: [{ip: 10.0.1.1}], ports: [{port: 80}]}]`);
  }
  docs.push('kind: Service\napiVersion: v1\nmetadata: {name: bare, namespace: shop}\nspec: {ports: [{port: 5432}]}');
  docs.push('kind: Endpoints\napiVersion: v1\nmetadata: {name: bare, namespace: shop}\nsubsets: [{addresses: [{ip: 10.0.2.2}], ports: [{port: 5432}]}]');
  docs.push('kind: ConfigMap\napiVersion: v1\nmetadata: {name: settings, namespace: shop}\ndata: {url: "http://web:80"}');
  return readManifest(docs.join('\n---\n'), 'pool.yaml', { defaultNamespace: 'default' }).objects;
}

/** A part as plain data, its objects named by their place in the pool (identity, not just content). */
function project(part: NamespacePart, objects: readonly KubeObject[]): unknown {
  const id = (o: KubeObject): number => objects.indexOf(o);
  return [...part.services].map(([key, e]) => ({
    key,
    service: id(e.service),
    headless: e.headless,
    externalName: e.externalName,
    clusterIPs: e.clusterIPs,
    slices: e.slices.map((s) => ({ origin: s.origin, object: id(s.object), ports: s.ports, endpoints: s.endpoints.map((p) => ({ ...p, origin: id(p.origin) })) })),
  }));
}

test('a part rebuilt from its previous build and the changed objects equals a fresh build', () => {
  const all = pool();
  const subset = fc.subarray(all.map((_, i) => i));
  fc.assert(
    fc.property(subset, fc.array(subset, { minLength: 1, maxLength: 4 }), (first, steps) => {
      let held = new Set(first);
      let part = buildNamespacePart(first.map((i) => all[i]!), config);
      for (const step of steps) {
        const next = new Set(step);
        const changed = new Set([...held, ...next].filter((i) => held.has(i) !== next.has(i)).map((i) => all[i]!));
        const objects = step.map((i) => all[i]!);
        part = buildNamespacePart(objects, config, { part, changed });
        assert.deepEqual(project(part, all), project(buildNamespacePart(objects, config), all));
        held = next;
      }
    }),
    { numRuns: 300 },
  );
});

test('an unrelated object changed reuses every Service entry; a selected workload changed rebuilds its Services only', () => {
  const all = pool();
  const before = buildNamespacePart(all, config);
  const configMap = all.find((o) => o.kind === 'ConfigMap')!;
  const without = buildNamespacePart(all.filter((o) => o !== configMap), config, { part: before, changed: new Set([configMap]) });
  for (const [key, entry] of without.services) assert.equal(entry, before.services.get(key), key);

  const webDeploy = all.find((o) => o.kind === 'Deployment' && o.meta.name === 'web')!;
  const after = buildNamespacePart(all.filter((o) => o !== webDeploy), config, { part: before, changed: new Set([webDeploy]) });
  const rebuilt = [...after.services].filter(([key, e]) => e !== before.services.get(key)).map(([key]) => key);
  assert.deepEqual(rebuilt.sort(), ['shop/web', 'shop/web-hl']);
});
