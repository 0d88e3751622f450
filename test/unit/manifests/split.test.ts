/** Splitting a YAML stream into documents, and telling blank chunks, on real-world text shapes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlankChunk, splitYamlDocuments } from '../../../server/src/manifests/split';
import { readManifest } from '../../../server/src/manifests';
import { MAX_FLOW_DEPTH, nestsDeeperThan } from '../../../server/src/manifests/read';

test('banner comment: a long run of # before content is read at once (was exponential backtracking)', () => {
  const banner = '#'.repeat(98);
  const text = `${banner}\n# Config\n${banner}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n`;
  const f = readManifest(text, 'banner.yaml', { defaultNamespace: 'default' });
  assert.deepEqual(f.objects.map((o) => o.meta.name), ['a']);
  assert.equal(isBlankChunk(text), false);
});

test('blank chunks: whitespace, comments and markers only', () => {
  for (const t of ['', '\n', '# a\n', '---\n# b\n...\n', '--- # c\n', '\r\n#x\r\n', '#'.repeat(200)]) {
    assert.equal(isBlankChunk(t), true, JSON.stringify(t));
  }
  for (const t of ['a', '# a\nb: 1', '-- \n', '---x', '#' + '#'.repeat(50) + '\nkind: X', '..']) {
    assert.equal(isBlankChunk(t), false, JSON.stringify(t));
  }
});

test('split: chunks cover the text and start at markers', () => {
  const text = 'a: 1\n---\nb: 2\n--- \nc: 3\n';
  const chunks = splitYamlDocuments(text);
  assert.deepEqual(chunks.map((c) => text.slice(c.start, c.end)), ['a: 1\n', '---\nb: 2\n', '--- \nc: 3\n']);
});

test('a long line of { is one syntax problem, read at once (was minutes, then a fatal out-of-memory error)', () => {
  for (const text of ['{'.repeat(5000), `a: ${'['.repeat(300)}\n`, '{{'.repeat(2000) + '!']) {
    const f = readManifest(text, 'deep.yaml', { defaultNamespace: 'default' });
    assert.deepEqual(f.objects, []);
    assert.equal(f.problems.length, 1, JSON.stringify(f.problems));
    assert.match(f.problems[0]!.message, /nested too deeply/);
  }
});

test('flow nesting counts { and [ outside comments and quoted strings only', () => {
  const deep = '{'.repeat(MAX_FLOW_DEPTH + 1);
  assert.equal(nestsDeeperThan(deep, MAX_FLOW_DEPTH), true);
  assert.equal(nestsDeeperThan('{'.repeat(MAX_FLOW_DEPTH), MAX_FLOW_DEPTH), false);
  assert.equal(nestsDeeperThan(`{}`.repeat(1000), MAX_FLOW_DEPTH), false);
  for (const t of [`# ${deep}\n`, `a: "${deep}"\n`, `a: '${deep}'\n`, `a: "\\"${deep}"\n`, `- '${deep}'`]) assert.equal(nestsDeeperThan(t, MAX_FLOW_DEPTH), false, t);
  // The ' of a word opens no string: the nesting after it counts.
  assert.equal(nestsDeeperThan(`a: it's ${deep}`, MAX_FLOW_DEPTH), true);
  const helm = readManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  # ${deep}\ndata:\n  x: "${deep}"\n`, 'c.yaml', { defaultNamespace: 'default' });
  assert.deepEqual(helm.objects.map((o) => o.meta.name), ['a']);
});

test('a map key that is a map or list is read as its text, and the object is still read', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  ? {x: 1}\n  : v\n  ? [a, b]\n  : w\n';
  const f = readManifest(text, 'keys.yaml', { defaultNamespace: 'default' });
  assert.deepEqual(f.objects.map((o) => o.meta.name), ['a']);
  assert.deepEqual(f.objects[0]!.raw['data'], { '{x: 1}': 'v', '[a, b]': 'w' });
  const nested = readManifest('{'.repeat(200), 'n.yaml', { defaultNamespace: 'default' });
  assert.deepEqual(nested.objects, []);
});
