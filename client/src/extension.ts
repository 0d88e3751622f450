/**
 * The VS Code side: starts the bundled language server, passes settings and trust, shows
 * command results in a preview, and keeps a status bar item. Everything DNS is in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { cursorTarget, openSettings, selectContext } from './commands';
import { isCommandResult, showPreview } from './preview';
import { liveSettings, SECTION, serverSettings } from './settings';
import { DnsStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('k8s DNS Insight', { log: true });
  const status = new DnsStatusBar();
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: SECTION },
    initializationOptions: { previewSupport: true, trusted: vscode.workspace.isTrusted, live: liveSettings(), settings: serverSettings() },
    middleware: {
      // Server commands return `{title, text}`: show it. From the palette, target the cursor.
      executeCommand: async (command, args, next) => {
        const withTarget = args.length === 0 && cursorTarget() ? [{ ...cursorTarget(), scope: 'file' }] : args;
        const result: unknown = await next(command, withTarget);
        if (isCommandResult(result)) {
          if (result.value !== undefined) {
            await vscode.env.clipboard.writeText(result.value);
            void vscode.window.setStatusBarMessage(`Copied ${result.value}`, 3000);
          } else {
            await showPreview(result);
          }
        }
        return result;
      },
    },
  };
  client = new LanguageClient('k8sDns', 'k8s DNS Insight', serverOptions, clientOptions);
  const c = client;
  context.subscriptions.push(
    vscode.commands.registerCommand('k8sDns.selectContext', () => selectContext(c)),
    vscode.commands.registerCommand('k8sDns.openSettings', () => openSettings(context.extension.id)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      status.update('ready');
      if (e.affectsConfiguration(`${SECTION}.live`)) void c.sendNotification('k8sDns/liveSettings', liveSettings());
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void c.sendNotification('k8sDns/liveSettings', { ...liveSettings(), trusted: true })),
  );
  try {
    await client.start();
    status.update('ready');
    output.info(`k8s DNS Insight ready in ${Date.now() - started} ms (activation to server ready)`);
  } catch (e) {
    status.update('error');
    output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
