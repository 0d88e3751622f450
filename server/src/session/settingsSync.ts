/**
 * The `k8sDns` settings as the client gives them: from `initializationOptions` until (or unless)
 * the client answers `workspace/configuration`, then the workspace-wide ones and each folder's
 * (`scopeUri`). Invalid values are shown once each and replaced by defaults. A change moves the
 * files it concerns to another index (`FolderIndexes.configure`) and, once the first scan
 * started, applies a changed `exclude`.
 */
import { pathToFileURL } from 'node:url';
import { parseSettings, readSettings, type Settings } from '../workspace/settings';
import type { WorkspaceEvents } from './events';
import type { WorkspaceScanner } from './workspaceScanner';

export interface SettingsClient {
  /** Whether the client answers `workspace/configuration`. */
  readonly hasConfiguration: boolean;
  getConfiguration(items: { scopeUri?: string; section: string }[]): Promise<unknown[]>;
  /** Shows an invalid value to the user. */
  warn(message: string): void;
}

export class SettingsSync {
  /** Settings from `initializationOptions`. */
  private initial: Settings = parseSettings(undefined);
  private initialProblems: string[] = [];
  /** Invalid values already shown (each is shown once). */
  private readonly shown = new Set<string>();

  constructor(
    private readonly events: WorkspaceEvents,
    private readonly scanner: WorkspaceScanner,
    private readonly client: SettingsClient,
  ) {}

  /** Reads the settings of `initializationOptions` and configures the indexes with them (problems are shown by `showInitialProblems`). */
  initialize(raw: unknown, folders: readonly string[]): void {
    ({ settings: this.initial, problems: this.initialProblems } = readSettings(raw));
    this.events.documents.indexes.configure(this.initial, folders.map((path) => ({ path, settings: this.initial })));
  }

  /** Shown once the connection is initialized (no message may precede the initialize answer). */
  showInitialProblems(): void {
    this.show(this.initialProblems);
  }

  private show(problems: readonly string[]): void {
    for (const p of problems) {
      if (this.shown.has(p)) continue;
      this.shown.add(p);
      this.client.warn(p);
    }
  }

  private from(raw: unknown): Settings {
    const read = readSettings(raw);
    this.show(read.problems);
    return read.settings;
  }

  /**
   * Reads the workspace-wide settings and each folder's (`scopeUri`: VS Code resolves folder
   * settings over workspace and user ones). Files whose settings changed are read again.
   */
  async refresh(): Promise<void> {
    const indexes = this.events.documents.indexes;
    const folders = this.scanner.folders;
    if (!this.client.hasConfiguration) {
      this.events.reconfigured(indexes.configure(this.initial, folders.map((path) => ({ path, settings: this.initial }))));
      return;
    }
    const items = [{ section: 'k8sDns' }, ...folders.map((f) => ({ scopeUri: pathToFileURL(f).href, section: 'k8sDns' }))];
    const raw = await this.client.getConfiguration(items);
    if (folders !== this.scanner.folders) return; // the folders changed meanwhile: a newer refresh is on its way
    const excludesBefore = this.scanner.excludes();
    this.events.reconfigured(indexes.configure(this.from(raw[0]), folders.map((path, i) => ({ path, settings: this.from(raw[i + 1]) }))));
    if (this.scanner.started) this.scanner.applyExcludes(excludesBefore);
  }
}
