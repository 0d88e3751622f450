/**
 * The language server: connection wiring only. Everything it answers comes from the workspace
 * index (`workspace/`) through the feature mappings (`features/`).
 */
import { readFile } from 'node:fs/promises';
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
  type Diagnostic,
  type Connection,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { problemFindings, type Finding } from './checks';
import { chunksOf, type KubeObject } from './manifests';
import { quickFixes } from './features/codeActions';
import { LensAnswers } from './features/lensAnswers';
import { COMMANDS, runCommand } from './features/commands';
import { toDiagnostic } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { definitionAt, prepareRenameAt, referencesAt, renameAt, serviceTargetAt } from './features/navigation';
import { LIVE_PROTOCOL, LiveLookups, listenLive } from './features/liveResolve';
import { FolderIndexes } from './workspace/folderIndexes';
import { EditorDocument } from './workspace/editorDocument';
import { LineOffsets } from './workspace/lineOffsets';
import { isExcluded, isHelmTemplate, looksLikeKubernetes, manifestFiles } from './workspace/scan';
import { parseSettings, readSettings, type Settings } from './workspace/settings';
import { workerStats } from './parallel/parallelSyntax';
import { SyntaxPool } from './parallel/syntaxPool';
import type { DocumentSyntax } from './manifests/read';

/** Custom notifications and requests; see docs/protocol.md. */
export const PROTOCOL = {
  /** server → client: the initial workspace scan finished (`{ files, ms }`). */
  indexed: 'k8sDns/indexed',
  /** client → server: the user's k8sDns.live.* settings changed (and `trusted` once trust is granted). */
  liveSettings: LIVE_PROTOCOL.liveSettings,
  /** client → server request: the kubeconfig's contexts and the current one, for a context picker. */
  contexts: LIVE_PROTOCOL.contexts,
} as const;

const DIAGNOSTIC_DELAY_MS = 2;
/** Publishing many files (or checking a large one) yields to requests after this long. */
const PUBLISH_SLICE_MS = 8;
/** Files larger than this get their parse problems published before the (slower) checks run. */
const STREAM_THRESHOLD = 1024 * 1024;
const STREAM_PAUSE_MS = 30;
/** Files of a workspace scan read and parsed at once (the worker parses while this thread builds). */
const SCAN_PIPELINE = 2;

function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  // A bug in one request must never take the server down with the user's edits.
  process.on('unhandledRejection', (e) => connection.console.error(`k8s-dns: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));
  process.on('uncaughtException', (e) => connection.console.error(`k8s-dns: uncaught exception: ${e.stack ?? String(e)}`));
  /** One index per distinct settings: a file's index is `indexes.indexFor(uri)`. */
  const indexes = new FolderIndexes();
  const live = new LiveLookups((uri) => indexes.indexFor(uri));
  let codeLensRefresh = false;
  // The "Resolve live" lens comes and goes with the live settings: ask the editor to re-query lenses.
  listenLive(connection, live, () => {
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });
  /** Text documents by normalized URI: open ones from the client, others read from disk. */
  const docs = new Map<string, EditorDocument>();
  const open = new Set<string>();
  let hasConfiguration = false;
  let folderChanges = false;
  let watchRegistration = false;
  let richClient = false;
  const lenses = new LensAnswers();
  const pending = new Set<string>();
  /** Workspace folder paths, as the client last listed them. */
  let folders: string[] = [];
  /** Settings from `initializationOptions`: used until (or unless) the client answers `workspace/configuration`. */
  let initialSettings = parseSettings(undefined);
  /** The next flush: after a short delay (edits come in bursts), or the next turn of the event loop (slices). */
  let timer: NodeJS.Timeout | undefined;
  let nextSlice: NodeJS.Immediate | undefined;

  const log = (msg: string): void => connection.console.log(msg);

  /** Invalid settings values already shown to the user (each is shown once). */
  const shownSettingsProblems = new Set<string>();
  let initialProblems: string[] = [];

  function showSettingsProblems(problems: readonly string[]): void {
    for (const p of problems) {
      if (shownSettingsProblems.has(p)) continue;
      shownSettingsProblems.add(p);
      log(`k8s-dns: ${p}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `k8s DNS: ${p}` });
    }
  }

  /** Settings from what the client sent; invalid values are shown and replaced by defaults. */
  function settingsFrom(raw: unknown): Settings {
    const read = readSettings(raw);
    showSettingsProblems(read.problems);
    return read.settings;
  }

  /** Scans running: while one reads the workspace, closed files are published only once it ends. */
  let scans = 0;

  function schedule(uris: Iterable<string>): void {
    for (const u of uris) pending.add(u);
    if (!timer && !nextSlice) timer = setTimeout(flush, DIAGNOSTIC_DELAY_MS);
  }

  function flush(): void {
    clearTimeout(timer);
    clearImmediate(nextSlice);
    timer = undefined;
    nextSlice = undefined;
    // During the scan, checking closed files would re-check them after every file read (their
    // references point at files not read yet): only open documents are published meanwhile.
    const uris = scans > 0 ? [...pending].filter((u) => open.has(u)) : [...pending];
    // Open documents first; then the rest in short slices, so requests are answered between:
    // a request takes several turns of the event loop (reading, decoding, handling, writing),
    // each of which may wait for a slice.
    uris.sort((a, b) => Number(open.has(b)) - Number(open.has(a)));
    const start = performance.now();
    const later = (): void => {
      if (!timer && !nextSlice) nextSlice = setImmediate(flush);
    };
    for (const uri of uris) {
      const isOpen = open.has(uri);
      if (performance.now() - start > PUBLISH_SLICE_MS && !isOpen) return later();
      // A large file's checks take several slices: requests are answered between them.
      const deadline = isOpen ? performance.now() + PUBLISH_SLICE_MS : start + PUBLISH_SLICE_MS;
      if (!indexes.indexFor(uri).checkUntil(uri, deadline)) return later();
      pending.delete(uri);
      publish(uri);
    }
  }

  function publish(uri: string): void {
    const doc = docs.get(uri);
    const index = indexes.indexFor(uri);
    const file = indexes.file(uri);
    if (!doc || !file || !file.looksLikeKubernetes) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    try {
      const groups = index.diagnosticGroups(uri);
      const docFor = (u: string): EditorDocument | undefined => docs.get(u);
      const diagnostics = groups.problems.map((f) => toDiagnostic(f, doc, docFor));
      for (const [object, findings] of groups.objects) diagnostics.push(...objectDiagnostics(object, findings, doc, docFor));
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (e) {
      log(`k8s-dns: could not compute diagnostics for ${uri}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /**
   * LSP diagnostics per object, reused while the object's findings are the same and nothing
   * they point at moved: most keystrokes move no line, so a large file's hundreds of
   * unchanged diagnostics are not rebuilt on every one.
   */
  const converted = new WeakMap<readonly Finding[], { where: string; diagnostics: Diagnostic[] }>();
  function objectDiagnostics(object: KubeObject, findings: readonly Finding[], doc: EditorDocument, docFor: (u: string) => EditorDocument | undefined): Diagnostic[] {
    let where = String(doc.positionAt(object.source.range.start).line);
    // A related location in another file moves with edits there, by lines or within its line.
    for (const f of findings) {
      for (const r of f.related ?? []) {
        const at = docFor(r.file)?.positionAt(r.range.start);
        where += `|${r.file}:${at ? `${at.line}:${at.character}` : -1}`;
      }
    }
    const hit = converted.get(findings);
    if (hit && hit.where === where) return hit.diagnostics;
    const diagnostics = findings.map((f) => toDiagnostic(f, doc, docFor));
    converted.set(findings, { where, diagnostics });
    return diagnostics;
  }

  function setText(uri: string, text: string, version: number, syntaxes?: readonly (DocumentSyntax | undefined)[]): void {
    const path = pathOf(uri);
    const started = performance.now();
    const byWorker = workerStats.documents;
    schedule(indexes.setFile(uri, text, path ? isHelmTemplate(path) : false, syntaxes));
    const doc = new EditorDocument(uri, version, new LineOffsets(indexes.file(uri)!.source));
    docs.set(uri, doc);
    // A large file's syntax problems are shown as soon as it is parsed; the checks follow.
    if (text.length > STREAM_THRESHOLD && looksLikeKubernetes(text)) {
      const objects = indexes.file(uri)?.objects().length ?? 0;
      // Parsed here by the worker (a large file opened), or before by the scan's worker.
      const byWorkers = workerStats.documents - byWorker + (syntaxes?.filter((x) => x !== undefined).length ?? 0);
      log(`k8s-dns: read ${uri}: ${objects} objects in ${Math.round(performance.now() - started)} ms (${byWorkers} documents parsed by a worker thread)`);
      const early = problemFindings(indexes.file(uri)?.problems() ?? [], indexes.settingsOf(uri).checks).map((f) => toDiagnostic(f, doc, (u) => docs.get(u)));
      void connection.sendDiagnostics({ uri, version, diagnostics: early });
      // Give the writer a turn of the event loop to send them before the checks take the thread.
      clearTimeout(timer);
      clearImmediate(nextSlice);
      nextSlice = undefined;
      timer = setTimeout(flush, STREAM_PAUSE_MS);
    }
  }

  /** The latest read of each file from disk: an older read that finishes later is dropped. */
  const reads = new Map<string, number>();
  let readCount = 0;

  /** Reads a file from disk into the index; `pool` parses it on a worker thread meanwhile (the scan). */
  async function loadFromDisk(uri: string, pool?: SyntaxPool): Promise<void> {
    const path = pathOf(uri);
    if (!path || open.has(uri)) return;
    if (isExcluded(path, indexes.folderOf(path), indexes.settingsOf(uri).exclude)) return;
    const read = ++readCount;
    reads.set(uri, read);
    let text: string | undefined;
    let failure: unknown;
    let syntaxes: (DocumentSyntax | undefined)[] | undefined;
    try {
      text = await readFile(path, 'utf8');
      if (pool && looksLikeKubernetes(text)) {
        syntaxes = await pool.parse(text, chunksOf(text, uri), uri, isHelmTemplate(path));
        // Requests that came meanwhile go first: making the objects takes the thread.
        await new Promise((r) => setImmediate(r));
      }
    } catch (e) {
      failure = e;
    }
    if (reads.get(uri) !== read) return; // a newer read of the file (it changed again) decides
    reads.delete(uri);
    // Opened in the editor while it was read: the editor's text wins.
    if (open.has(uri)) return;
    if (text === undefined) {
      // Gone (deleted, renamed) or unreadable: out of the index; say why unless it is simply gone.
      if ((failure as NodeJS.ErrnoException).code !== 'ENOENT') log(`k8s-dns: cannot read ${path}: ${failure instanceof Error ? failure.message : String(failure)}`);
      forget(uri);
      return;
    }
    try {
      setText(uri, text, 0, syntaxes);
    } catch (e) {
      // A bug reading one file must not stop the scan of the others.
      log(`k8s-dns: could not read ${path}: ${e instanceof Error ? e.stack : String(e)}`);
      forget(uri);
    }
  }

  function forget(uri: string): void {
    docs.delete(uri);
    lenses.forget(uri);
    schedule(indexes.removeFile(uri));
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Whether the first scan started: from then on, a change of `exclude` rescans. */
  let scanStarted = false;

  /** Reads every manifest file of some workspace folders into the index (`onlyNew`: those not in it yet). */
  async function scanFolders(paths: readonly string[], onlyNew = false): Promise<void> {
    scanStarted = true;
    scans++;
    const start = Date.now();
    let count = 0;
    // The worker parses the next files while this thread makes objects of the last one.
    const pool = new SyntaxPool();
    const loading = new Set<Promise<void>>();
    try {
      for (const folder of paths) {
        // A folder removed while it was read: stop reading it.
        if (!folders.includes(folder)) continue;
        for await (const path of manifestFiles(folder, indexes.settingsOf(pathToFileURL(folder).href).exclude)) {
          if (!folders.includes(folder)) break;
          const uri = pathToFileURL(path).href;
          if (open.has(uri) || (onlyNew && indexes.file(uri))) continue;
          const load = loadFromDisk(uri, pool).finally(() => loading.delete(load));
          loading.add(load);
          count++;
          if (loading.size >= SCAN_PIPELINE) await Promise.race(loading);
          // Yield between files so requests on open documents are answered meanwhile.
          await new Promise((r) => setImmediate(r));
        }
      }
      await Promise.all(loading);
    } finally {
      pool.close();
      scans--;
      flush();
    }
    log(`k8s-dns: indexed ${count} files in ${Date.now() - start} ms`);
    void connection.sendNotification(PROTOCOL.indexed, { files: count, ms: Date.now() - start });
  }

  /**
   * Reads the workspace-wide settings and each folder's (`scopeUri`: VS Code resolves folder
   * settings over workspace and user ones). Files whose settings changed are read again.
   */
  async function refreshSettings(): Promise<void> {
    if (!hasConfiguration) {
      schedule(indexes.configure(initialSettings, folders.map((path) => ({ path, settings: initialSettings }))));
      return;
    }
    const asked = folders;
    const items = [{ section: 'k8sDns' }, ...asked.map((f) => ({ scopeUri: pathToFileURL(f).href, section: 'k8sDns' }))];
    const raw = (await connection.workspace.getConfiguration(items)) as unknown[];
    if (asked !== folders) return; // the folders changed meanwhile: a newer refresh is on its way
    const excludesBefore = excludes();
    schedule(indexes.configure(settingsFrom(raw[0]), asked.map((path, i) => ({ path, settings: settingsFrom(raw[i + 1]) }))));
    if (scanStarted) applyExcludes(excludesBefore);
  }

  /** Each folder's `exclude` globs, to compare before and after a settings change. */
  const excludes = (): Map<string, string> => new Map(folders.map((f) => [f, JSON.stringify(indexes.settingsOf(pathToFileURL(f).href).exclude)]));

  /** After `exclude` changed: files now excluded leave the index, files no longer excluded come in. */
  function applyExcludes(before: ReadonlyMap<string, string>): void {
    const after = excludes();
    const changed = folders.filter((f) => before.get(f) !== after.get(f));
    if (changed.length === 0) return;
    for (const uri of indexes.uris()) {
      const path = pathOf(uri);
      if (path && !open.has(uri) && isExcluded(path, indexes.folderOf(path), indexes.settingsOf(uri).exclude)) forget(uri);
    }
    scanFolders(changed, true).catch((e: unknown) => log(`k8s-dns: workspace scan failed: ${String(e)}`));
  }

  const folderPaths = (list: readonly WorkspaceFolder[]): string[] => list.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);

  /** Workspace folders added or removed while running: scan the new ones, forget the files of the old. */
  async function changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    folders = [...folders.filter((f) => !removed.includes(f)), ...added.filter((f) => !folders.includes(f))];
    await refreshSettings();
    for (const uri of indexes.uris()) {
      const path = pathOf(uri);
      if (path && !open.has(uri) && indexes.folderOf(path) === undefined) forget(uri);
    }
    await scanFolders(added);
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
    folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    // Shown once initialized (no message may precede the initialize answer).
    ({ settings: initialSettings, problems: initialProblems } = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings));
    indexes.configure(initialSettings, folders.map((path) => ({ path, settings: initialSettings })));
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
    showSettingsProblems(initialProblems);
    try {
      await refreshSettings();
    } catch (e) {
      log(`k8s-dns: could not read settings: ${String(e)}`);
    }
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        changeFolders(folderPaths(added), folderPaths(removed)).catch((e: unknown) => log(`k8s-dns: could not change workspace folders: ${String(e)}`));
      });
    }
    void scanFolders(folders).catch((e: unknown) => log(`k8s-dns: workspace scan failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration(() => {
    refreshSettings().catch((e: unknown) => log(`k8s-dns: could not read settings: ${String(e)}`));
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const uri = normalizeUri(textDocument.uri);
    open.add(uri);
    setText(uri, textDocument.text, textDocument.version);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const uri = normalizeUri(textDocument.uri);
    let doc = docs.get(uri);
    const file = indexes.file(uri);
    if (!doc || !file) return;
    const affected = new Set<string>();
    for (const change of contentChanges) {
      if ('range' in change) {
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const removed = file.source.slice(start, end);
        for (const u of indexes.editFile(uri, [{ start, end, text: change.text }])) affected.add(u);
        doc.lines.update(start, removed, change.text);
      } else {
        const path = pathOf(uri);
        for (const u of indexes.setFile(uri, change.text, path ? isHelmTemplate(path) : false)) affected.add(u);
        doc = new EditorDocument(uri, textDocument.version, new LineOffsets(file.source));
      }
    }
    docs.set(uri, doc.at(textDocument.version));
    schedule(affected);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = normalizeUri(textDocument.uri);
    open.delete(uri);
    // The file on disk is what the workspace holds now (it may differ from the closed buffer).
    void loadFromDisk(uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const uri = normalizeUri(c.uri);
      if (open.has(uri)) continue;
      if (c.type === FileChangeType.Deleted) forget(uri);
      else void loadFromDisk(uri);
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
    return typeof uri === 'string' ? uri : folders[0] ? pathToFileURL(folders[0]).href : '';
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

