/**
 * The built server after random edits (didChange, incremental) answers what a second server
 * answers for the same final text opened afresh: diagnostics, code lenses and hovers. The whole
 * path from an LSP range through the line table, the index and the cached answers back to LSP
 * positions.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXTRA, SWAPS, swapEdit } from '../support/workspaceEdits';
import { startClient, type TestClient } from './client';

const EXAMPLES = join(__dirname, '../../examples');
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

/** Every example and the cross-references in one file, with CRLF line ends in part of it. */
function initialText(): string {
  const docs: string[] = [];
  for (const dir of readdirSync(EXAMPLES).sort()) for (const f of readdirSync(join(EXAMPLES, dir)).sort()) docs.push(readFileSync(join(EXAMPLES, dir, f), 'utf8'));
  return [...docs, EXTRA.replace(/\n/g, '\r\n')].join('\n---\n');
}

const edit = fc.oneof(
  fc.record({ swap: fc.nat(SWAPS.length - 1), back: fc.boolean(), nth: fc.nat(3) }),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(3), text: fc.constantFrom('', 'x', '\n', ':', ' ', '\r\n') }),
);

test('after random edits, the server answers what a fresh server answers for the same text', async () => {
  const incremental = await startClient();
  const fresh = await startClient();
  clients.push(incremental, fresh);
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
      const uri = `file:///incremental/run-${run++}.yaml`;
      let doc = TextDocument.create(uri, 'yaml', 1, initialText());
      incremental.open(uri, doc.getText());
      for (const e of edits) {
        const text = doc.getText();
        const change = 'swap' in e ? swapEdit(text, e.swap, e.back, e.nth) : { start: Math.floor(e.at * text.length), end: Math.min(text.length, Math.floor(e.at * text.length) + e.del), text: e.text };
        if (!change) continue;
        const range = { start: doc.positionAt(change.start), end: doc.positionAt(change.end) };
        doc = TextDocument.update(doc, [{ range, text: change.text }], doc.version + 1);
        void incremental.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: change.text }] });
      }
      const got = await incremental.waitForDiagnostics(uri, (_d, v) => v === doc.version);
      fresh.open(uri, doc.getText());
      const expected = await fresh.waitForDiagnostics(uri);
      const shown = (ds: typeof got) => ds.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, related: d.relatedInformation }));
      assert.deepEqual(shown(got), shown(expected));
      // Code lenses too (each answer cached by the server while the text and cluster are the same).
      const lenses = async (c: TestClient) => {
        const ls = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { range: unknown; command?: { title: string } }[];
        return ls.map((l) => ({ range: l.range, title: l.command?.title }));
      };
      assert.deepEqual(await lenses(incremental), await lenses(fresh));
      // And hovers on names (Services, ports, workloads) all over the file.
      const final = doc;
      const names = [...final.getText().matchAll(/name: /g)].map((m) => final.positionAt(m.index + 7)).filter((_p, i) => i % 4 === 0);
      for (const position of names) {
        const hover = (c: TestClient) => c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        assert.deepEqual(await hover(incremental), await hover(fresh), JSON.stringify(position));
      }
      // Closed (and not on disk): both servers forget the file before the next run.
      for (const c of [incremental, fresh]) {
        void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await c.waitForDiagnostics(uri, (d, v) => d.length === 0 && v === undefined);
      }
    }),
    { numRuns: 25 },
  );
});
