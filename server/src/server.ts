/**
 * The language server: connection wiring only. Each handler hands its event or request to the
 * part whose job it is (`session/`: documents, scheduler, publisher, scanner, settings); what it
 * answers comes from the workspace index (`workspace/`) through the feature mappings
 * (`features/`).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { quickFixes } from './features/codeActions';
import { LensAnswers } from './features/lensAnswers';
import { COMMANDS, runCommand } from './features/commands';
import { hoverAt } from './features/hover';
import { definitionAt, prepareRenameAt, referencesAt, renameAt, serviceTargetAt } from './features/navigation';
import { LIVE_PROTOCOL, LiveLookups, listenLive } from './features/liveResolve';
import { FolderIndexes } from './workspace/folderIndexes';
import { CheckScheduler } from './session/checkScheduler';
import { DocumentStore, pathOf } from './session/documentStore';
import { WorkspaceEvents } from './session/events';
import { DiagnosticsPublisher } from './session/publisher';
import { SettingsSync } from './session/settingsSync';
import { WorkspaceScanner } from './session/workspaceScanner';

/** Custom notifications and requests; see docs/protocol.md. */
export const PROTOCOL = {
  /** server → client: the initial workspace scan finished (`{ files, ms }`). */
  indexed: 'k8sDns/indexed',
  /** client → server: the user's k8sDns.live.* settings changed (and `trusted` once trust is granted). */
  liveSettings: LIVE_PROTOCOL.liveSettings,
  /** client → server request: the kubeconfig's contexts and the current one, for a context picker. */
  contexts: LIVE_PROTOCOL.contexts,
} as const;

function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  // A bug in one request must never take the server down with the user's edits.
  process.on('unhandledRejection', (e) => connection.console.error(`k8s-dns: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));
  process.on('uncaughtException', (e) => connection.console.error(`k8s-dns: uncaught exception: ${e.stack ?? String(e)}`));
  const log = (msg: string): void => connection.console.log(msg);
  /** One index per distinct settings: a file's index is `indexes.indexFor(uri)`. */
  const indexes = new FolderIndexes();
  const documents = new DocumentStore(indexes);
  const publisher = new DiagnosticsPublisher(documents, (params) => void connection.sendDiagnostics(params), log);
  const scheduler = new CheckScheduler({ indexes, isOpen: (uri) => documents.isOpen(uri), publish: (uri, mode) => publisher.publish(uri, mode) });
  const lenses = new LensAnswers();
  const events = new WorkspaceEvents(documents, scheduler, publisher, log, (uri) => lenses.forget(uri));
  const scanner = new WorkspaceScanner(events, log, (files, ms) => void connection.sendNotification(PROTOCOL.indexed, { files, ms }));
  let hasConfiguration = false;
  const settings = new SettingsSync(events, scanner, {
    get hasConfiguration() {
      return hasConfiguration;
    },
    getConfiguration: async (items) => (await connection.workspace.getConfiguration(items)) as unknown[],
    warn: (p) => {
      log(`k8s-dns: ${p}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `k8s DNS: ${p}` });
    },
  });
  const live = new LiveLookups((uri) => indexes.indexFor(uri));
  let codeLensRefresh = false;
  // The "Resolve live" lens comes and goes with the live settings: ask the editor to re-query lenses.
  listenLive(connection, live, () => {
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });
  let folderChanges = false;
  let watchRegistration = false;
  let richClient = false;
  const docs = { get: (uri: string) => documents.get(uri) };

  const folderPaths = (list: readonly WorkspaceFolder[]): string[] => list.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);

  /** Workspace folders added or removed while running: scan the new ones, forget the files of the old. */
  async function changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    const folders = scanner.folders;
    scanner.folders = [...folders.filter((f) => !removed.includes(f)), ...added.filter((f) => !folders.includes(f))];
    await settings.refresh();
    scanner.forgetOutside();
    await scanner.scan(added);
  }

  connection.onInitialize((params: InitializeParams) => {
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    lenses.stubs = !!params.capabilities.textDocument?.codeLens?.resolveSupport?.properties?.includes('command');
    richClient = !!(params.initializationOptions as { previewSupport?: boolean } | undefined)?.previewSupport;
    folderChanges = !!params.capabilities.workspace?.workspaceFolders;
    // Trust and live settings come from the client only (user settings, never the workspace's).
    live.initialize(params.initializationOptions);
    scanner.folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    settings.initialize((params.initializationOptions as { settings?: unknown } | undefined)?.settings, scanner.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'k8s-dns', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json,tpl}' }] });
    }
    settings.showInitialProblems();
    try {
      await settings.refresh();
    } catch (e) {
      log(`k8s-dns: could not read settings: ${String(e)}`);
    }
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        changeFolders(folderPaths(added), folderPaths(removed)).catch((e: unknown) => log(`k8s-dns: could not change workspace folders: ${String(e)}`));
      });
    }
    void scanner.scan(scanner.folders).catch((e: unknown) => log(`k8s-dns: workspace scan failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration(() => {
    settings.refresh().catch((e: unknown) => log(`k8s-dns: could not read settings: ${String(e)}`));
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    events.opened(normalizeUri(textDocument.uri), textDocument.text, textDocument.version);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    events.edited(normalizeUri(textDocument.uri), textDocument.version, contentChanges);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = normalizeUri(textDocument.uri);
    documents.close(uri);
    // The file on disk is what the workspace holds now (it may differ from the closed buffer).
    void scanner.load(uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const uri = normalizeUri(c.uri);
      if (documents.isOpen(uri)) continue;
      if (c.type === FileChangeType.Deleted) events.forget(uri);
      else void scanner.load(uri);
    }
  });

  connection.onHover(({ textDocument, position }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const value = live.withLiveLine(hoverAt(indexes.indexFor(uri), uri, offset), uri, offset);
    return value ? { contents: { kind: 'markdown', value } } : null;
  });

  const toRange = (uri: string, r: { start: number; end: number }) => {
    const d = docs.get(uri);
    return d ? { start: d.positionAt(r.start), end: d.positionAt(r.end) } : undefined;
  };
  const toLocations = (locs: { uri: string; range: { start: number; end: number } }[]) =>
    locs.map((l) => ({ uri: l.uri, range: toRange(l.uri, l.range) })).filter((l): l is { uri: string; range: NonNullable<ReturnType<typeof toRange>> } => !!l.range);

  connection.onDefinition(({ textDocument, position }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    return doc ? toLocations(definitionAt(indexes.indexFor(uri), uri, doc.offsetAt(position))) : [];
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    return doc ? toLocations(referencesAt(indexes.indexFor(uri), uri, doc.offsetAt(position), context.includeDeclaration)) : [];
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    const r = doc && prepareRenameAt(indexes.indexFor(uri), uri, doc.offsetAt(position));
    return r ? toRange(uri, r) ?? null : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    if (!doc) return null;
    const result = renameAt(indexes.indexFor(uri), uri, doc.offsetAt(position), newName);
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    const changes: Record<string, { range: NonNullable<ReturnType<typeof toRange>>; newText: string }[]> = {};
    for (const e of result.edits) {
      const range = toRange(e.uri, e.range);
      if (range) (changes[e.uri] ??= []).push({ range, newText: e.newText });
    }
    return { changes };
  });

  connection.onCodeLens(({ textDocument }) => {
    const uri = normalizeUri(textDocument.uri);
    const doc = docs.get(uri);
    return doc ? lenses.answer(indexes.indexFor(uri), uri, doc, live.refusal() === undefined) : [];
  });

  connection.onCodeLensResolve((lens) => lenses.resolve(lens, (uri) => indexes.indexFor(uri)));

  connection.onCodeAction(({ textDocument, context }) => quickFixes(indexes.indexFor(normalizeUri(textDocument.uri)), normalizeUri(textDocument.uri), context.diagnostics, (u) => docs.get(normalizeUri(u))));

  /**
   * Commands run from a palette carry `{uri, position}` instead of a Service: the Service is the
   * one under (or around) the cursor.
   */
  const withTarget = (args: unknown[]): unknown[] =>
    args.map((a) => {
      if (!a || typeof a !== 'object' || !('uri' in a)) return a;
      const t: Record<string, unknown> = { ...(a as Record<string, unknown>), uri: normalizeUri(String((a as { uri: unknown }).uri)) };
      const uri = t['uri'] as string;
      const pos = t['position'] as { line: number; character: number } | undefined;
      const doc = docs.get(uri);
      if (pos && doc && !t['name']) {
        const index = indexes.indexFor(uri);
        const svc = serviceTargetAt(index, uri, doc.offsetAt(pos));
        if (svc) Object.assign(t, { namespace: svc.meta.namespace, name: svc.meta.name, fqdn: `${svc.meta.name}.${svc.meta.namespace}.svc.${index.config.zone}.` });
      }
      return t;
    });

  /** The document a command is about (its first argument's `uri`), for commands run on a workspace-wide target: the first folder. */
  const targetUri = (args: unknown[]): string => {
    const uri = (args[0] as { uri?: unknown } | undefined)?.uri;
    return typeof uri === 'string' ? uri : scanner.folders[0] ? pathToFileURL(scanner.folders[0]).href : '';
  };

  connection.onExecuteCommand(({ command, arguments: rawArgs }, token) => {
    const args = withTarget(rawArgs ?? []);
    // Asynchronous: other requests are answered while the cluster is read; cancellation aborts it.
    if (command === COMMANDS.resolveLive) {
      return live.resolve(args, token).then((result) => {
        if (!richClient && 'title' in result) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${result.title}\n${result.text}` });
        return result;
      });
    }
    try {
      const result = runCommand(indexes.indexFor(targetUri(args)), command, args);
      // Editors without a preview get the answer as a message.
      if (!richClient) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${result.title}\n${result.text}` });
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `k8s DNS: ${message}` });
      return { title: 'Error', text: message };
    }
  });

  connection.listen();
  return connection;
}

