/** Shows command results (`{title, text}` in the records syntax) in a read-only preview beside the editor. */
import * as vscode from 'vscode';

export interface CommandResult {
  title: string;
  text: string;
  value?: string;
}

export function isCommandResult(v: unknown): v is CommandResult {
  return !!v && typeof v === 'object' && typeof (v as CommandResult).text === 'string' && typeof (v as CommandResult).title === 'string';
}

export async function showPreview(result: CommandResult): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'k8s-dns-records', content: result.text });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
