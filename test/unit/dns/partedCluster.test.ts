/** The cluster read through its namespace parts answers as one map and one set would. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterOf } from './helpers';

const svc = (ns: string, name: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  ports: [{port: 80}]\n---\n`;

test('services, serviceNames and partOf agree with the objects they were built from', () => {
  const label = fc.constantFrom('a', 'b', 'web', 'db', 'quote');
  fc.assert(
    fc.property(fc.array(fc.tuple(label, label), { maxLength: 12 }), (pairs) => {
      const c = clusterOf(pairs.map(([ns, name]) => svc(ns, name)).join('') + 'apiVersion: v1\nkind: Namespace\nmetadata: {name: empty}\n');
      const expected = new Map(pairs.map(([ns, name]) => [`${ns}/${name}`, name]));
      assert.equal(c.services.size, expected.size);
      assert.deepEqual(new Set(c.services.keys()), new Set(expected.keys()));
      assert.deepEqual([...c.services.entries()].map(([k]) => k), [...c.services.keys()]);
      for (const [key, name] of expected) {
        assert.equal(c.services.get(key)?.service.meta.name, name);
        assert.ok(c.services.has(key));
      }
      for (const ns of ['a', 'web', 'empty', 'nowhere']) {
        assert.equal(c.services.has(`${ns}/zzz`), false);
        assert.equal(c.services.get(`${ns}/quote`)?.service.meta.name, expected.has(`${ns}/quote`) ? 'quote' : undefined);
        assert.deepEqual([...(c.partOf(ns)?.services.keys() ?? [])].sort(), [...expected.keys()].filter((k) => k.startsWith(`${ns}/`)).sort());
      }
      assert.equal(c.services.get('no-slash'), undefined);
      const names = new Set<string>(pairs.map(([, name]) => name));
      assert.deepEqual(new Set(c.serviceNames), names);
      assert.equal(c.serviceNames.size, names.size);
      for (const n of ['a', 'b', 'web', 'db', 'quote', 'zzz']) assert.equal(c.serviceNames.has(n), names.has(n));
      assert.ok(c.namespaces.has('empty') && c.namespaces.has('default'));
      assert.equal(c.objects.length, pairs.length + 1);
    }),
  );
});
