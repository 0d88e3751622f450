/** Checking a large file in slices: each slice makes progress, and the result is a full check's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/workspace';

const service = (i: number, port: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  selector: {app: s${i}}\n  ports:\n  - ${port}\n`;
const TEXT = Array.from({ length: 40 }, (_, i) => service(i, i % 3 ? 'name: http\n    port: 80' : 'port: 80')).join('---\n');

function shown(index: WorkspaceIndex, uri: string): string[] {
  const g = index.diagnosticGroups(uri);
  return [...g.problems, ...g.objects.flatMap(([, f]) => f)].map((f) => `${f.code}@${f.range.start}-${f.range.end}`);
}

test('slices with no time left still check one object each, and end with what a full check finds', () => {
  const index = new WorkspaceIndex();
  index.setFile('file:///s.yaml', TEXT, false);
  let calls = 1;
  while (!index.checkUntil('file:///s.yaml', 0)) calls++;
  assert.ok(calls >= 40 && calls <= 42, `${calls} slices for 40 objects`);
  const fresh = new WorkspaceIndex();
  fresh.setFile('file:///s.yaml', TEXT, false);
  assert.deepEqual(shown(index, 'file:///s.yaml'), shown(fresh, 'file:///s.yaml'));
});

test('an edit between slices: the objects before the cursor are checked again', () => {
  const index = new WorkspaceIndex();
  index.setFile('file:///s.yaml', TEXT, false);
  for (let i = 0; i < 20; i++) index.checkUntil('file:///s.yaml', 0);
  // Name the first Service's port: its warning goes; the slices go on from the start.
  const at = TEXT.indexOf('- port: 80');
  index.editFile('file:///s.yaml', [{ start: at, end: at + 10, text: '- name: http\n    port: 80' }]);
  while (!index.checkUntil('file:///s.yaml', 0));
  const text = TEXT.slice(0, at) + '- name: http\n    port: 80' + TEXT.slice(at + 10);
  const fresh = new WorkspaceIndex();
  fresh.setFile('file:///s.yaml', text, false);
  assert.deepEqual(shown(index, 'file:///s.yaml'), shown(fresh, 'file:///s.yaml'));
  assert.ok(shown(index, 'file:///s.yaml').length > 0);
});
