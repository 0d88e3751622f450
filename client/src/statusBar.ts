/** The status bar item: the cluster domain, and the live context when live lookups are on. */
import * as vscode from 'vscode';
import { liveSettings, SECTION } from './settings';

export class DnsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('k8sDns.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'k8s DNS Insight';
    this.update('starting');
    this.item.show();
  }

  update(state: 'starting' | 'ready' | 'error'): void {
    const zone = vscode.workspace.getConfiguration(SECTION).get<string>('clusterDomain') || 'cluster.local';
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
    this.item.dispose();
  }
}
