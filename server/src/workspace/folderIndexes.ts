/**
 * The workspace's indexes, one per distinct `k8sDns` settings. Workspace folders without settings
 * of their own (the usual case) share one index and see each other's Services; a folder with its
 * own cluster domain, default namespace or DNS flavour is a cluster of its own, as it would be
 * when deployed. Files outside every folder use the workspace-wide settings.
 */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../checks';
import type { DocumentSyntax } from '../manifests/read';
import type { KubeObject } from '../manifests';
import { WorkspaceIndex, type IndexHooks, type OffsetEdit } from './index';
import type { ManifestFile } from './manifestFile';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** A workspace folder (a file system path) and the settings resolved for it. */
export interface FolderSettings {
  readonly path: string;
  readonly settings: Settings;
}

interface Owner {
  readonly index: WorkspaceIndex;
  /** Whether the file was added as a Helm template (by its path): kept when it moves. */
  readonly helm: boolean;
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `path` is `folder` or inside it (`/a/b` is not inside `/a/bc`). */
function isInside(path: string, folder: string): boolean {
  if (!path.startsWith(folder)) return false;
  return path.length === folder.length || folder.endsWith(sep) || path[folder.length] === sep || path[folder.length] === '/';
}

export class FolderIndexes {
  /** Longest path first, so a nested folder wins over the one that contains it. */
  private folders: FolderSettings[] = [];
  private fallback: Settings = DEFAULT_SETTINGS;
  private readonly byKey = new Map<string, WorkspaceIndex>();
  /** Each settings object's key in `byKey` (every request asks for its file's index). */
  private readonly keys = new WeakMap<Settings, string>();
  private readonly owners = new Map<string, Owner>();

  constructor(
    private readonly rules?: readonly Rule[],
    private readonly hooks?: IndexHooks,
  ) {}

  /** The innermost workspace folder holding `path`. */
  folderOf(path: string): string | undefined {
    return this.holding(path)?.path;
  }

  /** The settings that apply to a file (its folder's, or the workspace-wide ones). */
  settingsOf(uri: string): Settings {
    const path = pathOf(uri);
    return (path !== undefined && this.holding(path)?.settings) || this.fallback;
  }

  private holding(path: string): FolderSettings | undefined {
    return this.folders.find((f) => isInside(path, f.path));
  }

  /** The index a file belongs to under the current settings, whether or not it holds it yet. */
  indexFor(uri: string): WorkspaceIndex {
    const settings = this.settingsOf(uri);
    let key = this.keys.get(settings);
    if (key === undefined) this.keys.set(settings, (key = JSON.stringify(settings)));
    let index = this.byKey.get(key);
    if (!index) this.byKey.set(key, (index = new WorkspaceIndex(settings, this.rules, this.hooks)));
    return index;
  }

  /** The index that holds a file now (undefined if none does). */
  holderOf(uri: string): WorkspaceIndex | undefined {
    return this.owners.get(uri)?.index;
  }

  /** Objects added or made stale in any index since the last call. */
  takeTouched(): Set<KubeObject> {
    const out = new Set<KubeObject>();
    for (const index of this.byKey.values()) for (const o of index.takeTouched()) out.add(o);
    return out;
  }

  file(uri: string): ManifestFile | undefined {
    return this.owners.get(uri)?.index.file(uri);
  }

  uris(): string[] {
    return [...this.owners.keys()];
  }

  /** Adds or replaces a file. Returns the files whose diagnostics may have changed. */
  setFile(uri: string, text: string, helm: boolean, syntaxes?: readonly (DocumentSyntax | undefined)[]): Set<string> {
    const index = this.owners.get(uri)?.index ?? this.indexFor(uri);
    this.owners.set(uri, { index, helm });
    return index.setFile(uri, text, helm, syntaxes);
  }

  editFile(uri: string, edits: readonly OffsetEdit[]): Set<string> {
    return this.owners.get(uri)?.index.editFile(uri, edits) ?? new Set();
  }

  removeFile(uri: string): Set<string> {
    const owner = this.owners.get(uri);
    if (!owner) return new Set();
    this.owners.delete(uri);
    return owner.index.removeFile(uri);
  }

  /**
   * Takes new settings: workspace-wide ones and each folder's. Files whose settings changed move
   * to the index of their new settings (and are read again there). Returns the files whose
   * diagnostics may have changed.
   */
  configure(fallback: Settings, folders: readonly FolderSettings[]): Set<string> {
    this.fallback = fallback;
    this.folders = [...folders].sort((a, b) => b.path.length - a.path.length);
    const affected = new Set<string>();
    for (const [uri, owner] of this.owners) {
      const target = this.indexFor(uri);
      if (target === owner.index) continue;
      const text = owner.index.file(uri)?.text ?? '';
      for (const u of owner.index.removeFile(uri)) affected.add(u);
      this.owners.set(uri, { index: target, helm: owner.helm });
      for (const u of target.setFile(uri, text, owner.helm)) affected.add(u);
    }
    // Indexes no file belongs to any more are dropped (their settings are gone).
    const used = new Set([...this.owners.values()].map((o) => o.index));
    for (const [key, index] of this.byKey) if (!used.has(index)) this.byKey.delete(key);
    return affected;
  }
}
