/**
 * The status bar item: the cluster domain of the active editor's folder (folders may set their
 * own), and the live context when live lookups are on.
 */
import * as vscode from 'vscode';
import { liveSettings, SECTION } from './settings';

export class DnsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('k8sDns.status', vscode.StatusBarAlignment.Right, 100);
  private state: 'starting' | 'ready' | 'error' = 'starting';
  private readonly followEditor = vscode.window.onDidChangeActiveTextEditor(() => this.update(this.state));

  constructor() {
    this.item.name = 'k8s DNS Insight';
    this.update('starting');
    this.item.show();
  }

  update(state: 'starting' | 'ready' | 'error'): void {
    this.state = state;
    const scope = vscode.window.activeTextEditor?.document.uri;
    const zone = vscode.workspace.getConfiguration(SECTION, scope).get<string>('clusterDomain') || 'cluster.local';
    const live = liveSettings();
    const liveText = live.enabled && vscode.workspace.isTrusted ? ` · live: ${live.context || 'current context'}` : '';
    const icon = state === 'error' ? '$(error)' : state === 'starting' ? '$(sync~spin)' : '$(globe)';
    this.item.text = `${icon} k8s DNS: ${zone}${liveText}`;
    this.item.tooltip = new vscode.MarkdownString(
      state === 'error'
        ? 'k8s DNS Insight: the language server stopped. See the output channel.'
        : `k8s DNS Insight — cluster domain \`${zone}\`${liveText ? `, live context \`${live.context || 'current'}\`` : ', live lookups off'}.\n\nClick to choose the live context.`,
    );
    this.item.command = live.enabled ? 'k8sDns.selectContext' : 'k8sDns.openSettings';
  }

  dispose(): void {
    this.followEditor.dispose();
    this.item.dispose();
  }
}
