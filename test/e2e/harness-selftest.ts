/**
 * Self-test of the e2e harness, independent of our extension: builds a tiny throwaway extension
 * (status bar item, hover, code lenses, a diagnostic, a command) in a temp dir, packages it with
 * vsce, and checks that the harness reads all of it from a real VS Code.
 *
 *   node --import tsx test/e2e/harness-selftest.ts
 *
 * Prints `N passed, N failed` and exits non-zero on failure.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, withSession, type Session } from './harness';

const EXT_ID = 'e2e-selftest.harness-selftest';

const extensionJs = String.raw`
const vscode = require('vscode');
exports.activate = function (context) {
  const item = vscode.window.createStatusBarItem('selftest.status', vscode.StatusBarAlignment.Left, 100);
  item.text = 'selftest: ready';
  item.show();
  const diags = vscode.languages.createDiagnosticCollection('selftest');
  const update = (doc) => {
    if (doc.languageId !== 'yaml') return;
    const i = doc.getText().indexOf('quote');
    const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(i), doc.positionAt(i + 5)),
      'SELFTEST-WARN quote found', vscode.DiagnosticSeverity.Warning);
    d.source = 'selftest';
    diags.set(doc.uri, i < 0 ? [] : [d]);
  };
  vscode.workspace.textDocuments.forEach(update);
  context.subscriptions.push(item, diags,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.languages.registerHoverProvider({ language: 'yaml' }, {
      provideHover(doc, pos) {
        const r = doc.getWordRangeAtPosition(pos);
        if (!r) return undefined;
        return new vscode.Hover(new vscode.MarkdownString('**SELFTEST-HOVER** word ' + doc.getText(r)), r);
      },
    }),
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, {
      provideCodeLenses() {
        const r = new vscode.Range(0, 0, 0, 0);
        return [new vscode.CodeLens(r, { title: 'selftest lens A', command: 'selftest.hello' }),
                new vscode.CodeLens(r, { title: 'selftest lens B', command: '' })];
      },
    }),
    vscode.commands.registerCommand('selftest.hello', () => { item.text = 'selftest: hello'; }));
};
exports.deactivate = function () {};
`;

const packageJson = {
  name: 'harness-selftest',
  displayName: 'Harness Selftest',
  publisher: 'e2e-selftest',
  version: '0.0.1',
  license: 'MIT',
  repository: { type: 'git', url: 'https://example.invalid/selftest.git' },
  engines: { vscode: '^1.100.0' },
  activationEvents: ['onLanguage:yaml'],
  main: './extension.js',
  contributes: { commands: [{ command: 'selftest.hello', title: 'Say Hello', category: 'Selftest' }] },
};

async function buildVsix(dir: string): Promise<string> {
  const ext = path.join(dir, 'ext');
  await fs.mkdir(ext, { recursive: true });
  await fs.writeFile(path.join(ext, 'package.json'), JSON.stringify(packageJson, null, 2));
  await fs.writeFile(path.join(ext, 'extension.js'), extensionJs);
  await fs.writeFile(path.join(ext, 'LICENSE'), 'MIT\n');
  await fs.writeFile(path.join(ext, 'README.md'), '# harness selftest\n');
  const vsix = path.join(dir, 'selftest.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], { cwd: ext, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
  return vsix;
}

async function makeWorkspace(dir: string): Promise<string> {
  const ws = path.join(dir, 'ws');
  await fs.mkdir(path.join(ws, 'sub'), { recursive: true });
  await fs.writeFile(path.join(ws, 'services.yaml'), [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: famous-quote-service',
    '  annotations:',
    '    note: "the quote of the day"',
    'spec:',
    '  ports:',
    '    - port: 80',
    '',
  ].join('\n'));
  await fs.writeFile(path.join(ws, 'sub', 'services.yaml'), 'kind: ConfigMap\n');
  return ws;
}

let passed = 0;
let last = performance.now();
/** Record a check with the time since the previous one; throws (ending the session) if it fails. */
function check(name: string, ok: boolean, detail: unknown): void {
  const now = performance.now();
  const took = Math.round(now - last);
  last = now;
  if (!ok) throw new Error(`check "${name}" failed: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
  passed++;
  console.log(`ok - ${name} (${took} ms)`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'k8e2e-selftest-'));
  try {
    const vsix = await buildVsix(tmp);
    check('vsce package', true, '');
    const workspace = await makeWorkspace(tmp);
    let session: Session | undefined;
    await withSession({ vsix, workspace, name: 'harness-selftest' }, async (s: Session) => {
      session = s;
      check('session started (install, code-server, chromium, workbench)', true, '');
      await s.openFile('services.yaml');
      const openedAt = Date.now();
      const status = await s.waitForStatusBarItem('selftest: ready');
      const visibleAt = Date.now();
      check('openFile + status bar item', status === 'selftest: ready', status);
      const act = await s.activation(EXT_ID);
      check('activation read from the exthost log', act.activationEvent === 'onLanguage:yaml', act);
      s.timings.activationToStatusItem = visibleAt - act.at.getTime();
      s.timings.fileOpenToStatusItem = visibleAt - openedAt;
      check('statusBarTexts', (await s.statusBarTexts()).includes('selftest: ready'), await s.statusBarTexts());

      const hover = await s.hoverOnText('quote', { expect: 'SELFTEST-HOVER' });
      check('hover (substring of a token, markdown rendered)', hover.includes('SELFTEST-HOVER word quote') && !hover.includes('**'), hover);
      await s.screenshot('hover');
      check('screenshot', true, '');

      const lenses = await s.codeLensTexts({ min: 2 });
      check('code lenses', JSON.stringify(lenses) === JSON.stringify(['selftest lens A', 'selftest lens B']), lenses);

      const problems = await s.problems({ min: 1 });
      const p = problems[0];
      check('problems panel', problems.length === 1 && p?.severity === 'warning' && p.message === 'SELFTEST-WARN quote found'
        && p.source === 'selftest' && p.line === 4 && p.column === 16, problems);
      const counts = await s.problemCounts();
      check('problem counts', counts.warnings === 1 && counts.errors === 0, counts);

      await s.runCommand('Selftest: Say Hello');
      const hello = await s.waitForStatusBarItem('selftest: hello');
      check('runCommand', hello === 'selftest: hello', await s.statusBarTexts());

      await s.openFile('sub/services.yaml');
      check('open file in a sub folder', (await s.visibleText()).startsWith('kind: ConfigMap'), await s.visibleText());
      // Quick Open now lists sub/services.yaml first (recently opened): the root one must still win.
      await s.openFile('services.yaml');
      check('open a root file with the same name', (await s.visibleText()).startsWith('apiVersion: v1')
        && (await s.activeFile()) === 'services.yaml', [await s.activeFile(), await s.visibleText()]);

      const running = (await s.runningExtensions()).find((r) => r.name === 'Harness Selftest');
      check('running extensions (VS Code activation time)', running !== undefined && running.ms !== null && !running.startup, running);
      s.timings.vscodeActivationMs = running!.ms;
    });
    check('close', true, '');
    console.log(`timings (ms): ${JSON.stringify(session!.timings)}`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  console.log(`selftest took ${Math.round(performance.now() - t0)} ms`);
  console.log(`${passed} passed, 0 failed`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  console.log(`${passed} passed, 1 failed`);
  process.exitCode = 1;
});
