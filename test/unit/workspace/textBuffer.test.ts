/** The piece buffer and its line table read exactly as a plain string edited the same way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextBuffer } from '../../../server/src/workspace/textBuffer';
import { LineOffsets } from '../../../server/src/workspace/lineOffsets';

const chunk = fc.constantFrom('', 'a', 'xyz', '\n', '\r\n', '\r', 'kind: Service\n', '---\n', 'é', '\n\n');
const text = fc.array(chunk, { maxLength: 12 }).map((xs) => xs.join(''));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(6), text });

test('slices, characters and the whole text follow any sequence of edits', () => {
  fc.assert(
    fc.property(text, fc.array(edit, { maxLength: 30 }), (initial, edits) => {
      const buf = new TextBuffer(initial);
      let model = initial;
      for (const e of edits) {
        const start = Math.floor(e.at * model.length);
        const end = Math.min(model.length, start + e.del);
        buf.replace(start, end, e.text);
        model = model.slice(0, start) + e.text + model.slice(end);
        assert.equal(buf.length, model.length);
        for (let a = 0; a <= model.length; a += 3) for (let b = a; b <= model.length + 1; b += 2) assert.equal(buf.slice(a, b), model.slice(a, b));
        for (let i = -1; i <= model.length; i++) assert.ok(Object.is(buf.charCodeAt(i), model.charCodeAt(i)));
      }
      assert.equal(buf.toString(), model);
      assert.equal(buf.slice(0, buf.length), model);
    }),
  );
});

test('many edits join the pieces without changing the text', () => {
  const buf = new TextBuffer('x'.repeat(5000));
  let model = 'x'.repeat(5000);
  for (let i = 0; i < 3000; i++) {
    const at = (i * 7919) % model.length;
    buf.replace(at, at + (i % 2), i % 3 ? 'ab' : '');
    model = model.slice(0, at) + (i % 3 ? 'ab' : '') + model.slice(at + (i % 2));
  }
  assert.equal(buf.toString(), model);
});

test('line positions match a fresh count after any sequence of edits, CRLF pairs included', () => {
  fc.assert(
    fc.property(text, fc.array(edit, { maxLength: 20 }), (initial, edits) => {
      const buf = new TextBuffer(initial);
      const lines = new LineOffsets(buf);
      if (initial.length % 2) void lines.lineCount; // half the runs edit a table built before the first edit
      for (const e of edits) {
        const start = Math.floor(e.at * buf.length);
        const end = Math.min(buf.length, start + e.del);
        const removed = buf.slice(start, end);
        buf.replace(start, end, e.text);
        lines.update(start, removed, e.text);
        const fresh = TextDocument.create('file:///t', 'yaml', 1, buf.toString());
        assert.equal(lines.lineCount, fresh.lineCount);
        for (let o = 0; o <= buf.length; o++) {
          const p = lines.positionAt(o);
          assert.deepEqual(p, fresh.positionAt(o), `offset ${o} of ${JSON.stringify(buf.toString())}`);
          assert.equal(lines.offsetAt(p), fresh.offsetAt(p));
        }
        for (let l = -1; l <= fresh.lineCount; l++) for (const c of [0, 1, 5, 100]) assert.equal(lines.offsetAt({ line: l, character: c }), fresh.offsetAt({ line: l, character: c }));
      }
    }),
  );
});

test('a paste of 300,000 lines updates the line table (no spread of that many arguments)', () => {
  const buf = new TextBuffer('a\nb\n');
  const lines = new LineOffsets(buf);
  void lines.lineCount;
  const paste = 'x\n'.repeat(300_000);
  buf.replace(2, 2, paste);
  lines.update(2, '', paste);
  const fresh = TextDocument.create('file:///t', 'yaml', 1, buf.toString());
  assert.equal(lines.lineCount, fresh.lineCount);
  for (const o of [0, 2, 3, 299_999, 600_001, 600_003, buf.length]) assert.deepEqual(lines.positionAt(o), fresh.positionAt(o));
});
