/** Per-folder settings: which folder a file is in, and files moving when their settings change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FolderIndexes } from '../../../server/src/workspace/folderIndexes';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/workspace/settings';

const ROOT = join('/', 'work', 'space');
const uri = (...parts: string[]): string => pathToFileURL(join(ROOT, ...parts)).href;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: quote\nspec:\n  ports:\n  - name: http\n    port: 80\n';
const corp = parseSettings({ clusterDomain: 'corp.example' });

test('a file belongs to its innermost folder, and a folder name prefix is not a folder', () => {
  const ix = new FolderIndexes();
  ix.configure(DEFAULT_SETTINGS, [
    { path: join(ROOT, 'a'), settings: DEFAULT_SETTINGS },
    { path: join(ROOT, 'a', 'nested'), settings: corp },
  ]);
  assert.equal(ix.folderOf(join(ROOT, 'a', 'nested', 'x.yaml')), join(ROOT, 'a', 'nested'));
  assert.equal(ix.folderOf(join(ROOT, 'a', 'x.yaml')), join(ROOT, 'a'));
  assert.equal(ix.folderOf(join(ROOT, 'ab', 'x.yaml')), undefined);
  assert.equal(ix.settingsOf(uri('a', 'nested', 'x.yaml')).clusterDomain, 'corp.example');
  assert.equal(ix.settingsOf(uri('ab', 'x.yaml')), DEFAULT_SETTINGS);
  assert.equal(ix.settingsOf('untitled:Untitled-1'), DEFAULT_SETTINGS);
});

test('folders with the same settings share an index; a settings change moves files with their text', () => {
  const ix = new FolderIndexes();
  const folders = (second: typeof corp) => [
    { path: join(ROOT, 'a'), settings: DEFAULT_SETTINGS },
    { path: join(ROOT, 'b'), settings: second },
  ];
  ix.configure(DEFAULT_SETTINGS, folders(DEFAULT_SETTINGS));
  ix.setFile(uri('a', 's.yaml'), SERVICE, false);
  ix.setFile(uri('b', 't.yaml'), SERVICE.replace('quote', 'other'), true);
  assert.equal(ix.indexFor(uri('a', 's.yaml')), ix.indexFor(uri('b', 't.yaml')));
  assert.equal(ix.indexFor(uri('a', 's.yaml')).cluster().services.size, 2);

  const affected = ix.configure(DEFAULT_SETTINGS, folders(corp));
  assert.ok(affected.has(uri('b', 't.yaml')));
  const moved = ix.indexFor(uri('b', 't.yaml'));
  assert.notEqual(moved, ix.indexFor(uri('a', 's.yaml')));
  assert.equal(moved.config.zone, 'corp.example');
  assert.equal(moved.file(uri('b', 't.yaml'))?.text, SERVICE.replace('quote', 'other'));
  assert.equal(moved.file(uri('b', 't.yaml'))?.helm, true, 'the Helm flag moves with the file');
  assert.equal(ix.indexFor(uri('a', 's.yaml')).cluster().services.size, 1, 'the old index no longer has it');
  assert.equal(ix.file(uri('b', 't.yaml')), moved.file(uri('b', 't.yaml')));

  // Edits and removal go to the file's index.
  ix.editFile(uri('b', 't.yaml'), [{ start: 0, end: 0, text: '# edited\n' }]);
  assert.match(ix.file(uri('b', 't.yaml'))!.text, /^# edited\n/);
  ix.removeFile(uri('b', 't.yaml'));
  assert.equal(ix.file(uri('b', 't.yaml')), undefined);
  assert.deepEqual(ix.uris(), [uri('a', 's.yaml')]);
});
