/**
 * What the client passes to the server: the `k8sDns` settings, and the live-lookup settings read
 * from the USER settings only, so a workspace cannot point the extension at a kubeconfig.
 */
import * as vscode from 'vscode';

export const SECTION = 'k8sDns';

export interface LiveSettings {
  enabled: boolean;
  kubeconfig: string;
  context: string;
  timeoutMs: number;
}

/** A user-level (global) value, ignoring workspace and folder values. */
function userValue<T>(key: string, fallback: T): T {
  const v = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return v?.globalValue ?? v?.defaultValue ?? fallback;
}

export function liveSettings(): LiveSettings {
  return {
    enabled: userValue('live.enabled', false),
    kubeconfig: userValue('live.kubeconfig', ''),
    context: userValue('live.context', ''),
    timeoutMs: userValue('live.timeoutMs', 5000),
  };
}

/** The settings the server reads through `workspace/configuration`, for the first request. */
export function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    clusterDomain: c.get('clusterDomain'),
    defaultNamespace: c.get('defaultNamespace'),
    clusterDnsService: c.get('clusterDnsService'),
    dnsFlavor: c.get('dnsFlavor'),
    podRecords: c.get('podRecords'),
    endpointPodNames: c.get('endpointPodNames'),
    ignoreEmptyService: c.get('ignoreEmptyService'),
    ttl: c.get('ttl'),
    nodePortRange: c.get('nodePortRange'),
    exclude: c.get('exclude'),
    checks: c.get('checks'),
  };
}
