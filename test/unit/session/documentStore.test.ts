/** The document store: the editor's text, versions and line tables, applied to the indexes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../../server/src/session/documentStore';
import { FolderIndexes } from '../../../server/src/workspace/folderIndexes';

const URI = 'file:///ws/a.yaml';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n';

test('an incremental change updates the index, the line table and the version', () => {
  const store = new DocumentStore(new FolderIndexes());
  store.setText(URI, SVC, 1, { open: true });
  assert.ok(store.isOpen(URI));
  assert.equal(store.get(URI)!.version, 1);
  const affected = store.change(URI, 2, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, text: 'bee\n# x' }]);
  assert.ok(affected.has(URI));
  const doc = store.get(URI)!;
  assert.equal(doc.version, 2);
  assert.equal(store.indexes.file(URI)!.text, SVC.replace('name: a', 'name: bee\n# x'));
  assert.deepEqual(doc.positionAt(store.indexes.file(URI)!.text.indexOf('spec')), { line: 5, character: 0 });
  assert.equal(store.indexes.file(URI)!.objects()[0]!.meta.name, 'bee');
});

test('a whole-text change replaces the text; changes to an unknown document are ignored', () => {
  const store = new DocumentStore(new FolderIndexes());
  assert.equal(store.change(URI, 2, [{ text: SVC }]).size, 0);
  store.setText(URI, SVC, 1, { open: true });
  store.change(URI, 5, [{ text: SVC.replace('name: a', 'name: c') }]);
  assert.equal(store.get(URI)!.version, 5);
  assert.equal(store.indexes.file(URI)!.objects()[0]!.meta.name, 'c');
});

test('closing keeps the file in the index (the disk decides); forgetting removes it and says who depended on it', () => {
  const store = new DocumentStore(new FolderIndexes());
  store.setText(URI, SVC, 1, { open: true });
  store.setText('file:///ws/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  url: http://a:80/\n', 0);
  store.close(URI);
  assert.ok(!store.isOpen(URI));
  assert.ok(store.indexes.file(URI));
  const affected = store.forget(URI);
  assert.equal(store.get(URI), undefined);
  assert.equal(store.indexes.file(URI), undefined);
  assert.ok(affected.has('file:///ws/b.yaml'));
});
