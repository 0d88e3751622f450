/** Palette commands that live in the client: settings, context picker, copying. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SECTION } from './settings';

interface Context {
  name: string;
  cluster?: string;
  namespace?: string;
}

/** Lets the user pick the kubeconfig context for live lookups (stored in user settings). */
export async function selectContext(client: LanguageClient): Promise<void> {
  let answer: { contexts: Context[]; current?: string };
  try {
    answer = await client.sendRequest('k8sDns/contexts');
  } catch (e) {
    void vscode.window.showWarningMessage(e instanceof Error ? e.message : String(e));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    answer.contexts.map((c) => ({ label: c.name, description: [c.cluster, c.namespace && `namespace ${c.namespace}`].filter(Boolean).join(' · '), picked: c.name === answer.current })),
    { title: 'Kubernetes context for live DNS lookups' },
  );
  if (picked) await vscode.workspace.getConfiguration(SECTION).update('live.context', picked.label, vscode.ConfigurationTarget.Global);
}

export function openSettings(extensionId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${extensionId}`);
}

/** The `{uri, position}` of the active editor, for commands run from the palette. */
export function cursorTarget(): { uri: string; position: vscode.Position } | undefined {
  const e = vscode.window.activeTextEditor;
  return e ? { uri: e.document.uri.toString(), position: e.selection.active } : undefined;
}
