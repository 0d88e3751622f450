/** Splitting a YAML stream into documents, and telling blank chunks, on real-world text shapes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlankChunk, splitYamlDocuments } from '../../../server/src/manifests/split';
import { readManifest } from '../../../server/src/manifests';

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
