/**
 * Snapshot tests of the TextMate grammars in syntaxes/, tokenized with the same engine VS Code uses
 * (vscode-textmate + the oniguruma WASM build). Grammars are registered from package.json's
 * `contributes.grammars`, so a broken registration fails here too.
 *
 * Snapshots live in __snapshots__/ (one line per token: text → scopes, root scope left out). They
 * are written only with UPDATE_SNAPSHOTS=1; without it a missing or different snapshot fails.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { WorkspaceIndex } from '../../../server/src/workspace';
import { COMMANDS, runCommand } from '../../../server/src/features/commands';
import { zoneFile } from '../../../server/src/dns/zoneFile';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, 'fixtures');
const SNAPSHOTS = join(__dirname, '__snapshots__');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const RECORDS = 'source.k8s-dns-records';
const INJECTION = 'k8s-dns.injection';
/** The stand-in for VS Code's YAML grammar, which is not published on npm. */
const YAML_STANDIN = join(FIXTURES, 'yaml-standin.tmLanguage.json');

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}
interface LanguageContribution {
  id: string;
  aliases?: string[];
  extensions?: string[];
}
interface Manifest {
  contributes?: { grammars?: GrammarContribution[]; languages?: LanguageContribution[] };
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes?.grammars ?? [];

let registry: Registry;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const paths = new Map<string, string>(contributed.map((g) => [g.scopeName, join(ROOT, g.path)]));
  paths.set('source.yaml', YAML_STANDIN);
  // What VS Code does with `injectTo`: the injection grammar joins every grammar it names.
  const injections = new Map<string, string[]>();
  for (const g of contributed) for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) => {
      const path = paths.get(scopeName);
      return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName) => injections.get(scopeName),
  });
});

async function grammar(scopeName: string): Promise<IGrammar> {
  const g = await registry.loadGrammar(scopeName);
  assert.ok(g, `grammar ${scopeName} did not load`);
  return g;
}

/** Tokenizes `text` line by line, carrying the rule stack like an editor does. */
async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const g = await grammar(scopeName);
  let stack = INITIAL;
  const lines: Token[][] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const r = g.tokenizeLine(line, stack);
    lines.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return lines;
}

function render(file: string, scopeName: string, text: string, lines: Token[][]): string {
  const out = [`# ${file} (${scopeName}); one token a line: text → scopes without the root scope`];
  const src = text.replace(/\n$/, '').split('\n');
  lines.forEach((tokens, i) => {
    if (src[i]!.trim() === '') return;
    out.push('', `## ${i + 1}: ${src[i]}`);
    for (const t of tokens) {
      if (t.text.trim() === '') continue;
      const scopes = t.scopes.slice(1);
      out.push(`${JSON.stringify(t.text)} → ${scopes.length ? scopes.join(' ') : '(root)'}`);
    }
  });
  return out.join('\n') + '\n';
}

function matchSnapshot(name: string, actual: string): void {
  const path = join(SNAPSHOTS, `${name}.snap`);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing snapshot ${path}; review the grammar output and write it with UPDATE_SNAPSHOTS=1`);
  assert.equal(actual, readFileSync(path, 'utf8'), `snapshot ${name} differs; if the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff`);
}

const has = (t: Token, scope: string): boolean => t.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
/** The first token on `line` whose text is `text`. */
function tok(line: Token[], text: string): Token {
  const t = line.find((x) => x.text === text);
  assert.ok(t, `no token ${JSON.stringify(text)} in ${JSON.stringify(line.map((x) => x.text))}`);
  return t;
}
function lineOf(lines: Token[][], text: string, prefix: string): Token[] {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starting with ${prefix}`);
  return lines[i]!;
}

describe('package.json registers the grammars', () => {
  test('the records language and both grammars are contributed', () => {
    const lang = manifest.contributes?.languages?.find((l) => l.id === 'k8s-dns-records');
    assert.ok(lang, 'language k8s-dns-records');
    assert.ok(lang.aliases?.includes('Kubernetes DNS Records'));
    assert.deepEqual(lang.extensions, ['.k8sdns']);
    const records = contributed.find((g) => g.scopeName === RECORDS);
    assert.equal(records?.language, 'k8s-dns-records');
    const injection = contributed.find((g) => g.scopeName === INJECTION);
    assert.deepEqual(injection?.injectTo, ['source.yaml']);
    for (const g of [records!, injection!]) {
      const raw = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')) as { scopeName: string };
      assert.equal(raw.scopeName, g.scopeName, g.path);
    }
  });
});

describe('records grammar (source.k8s-dns-records)', () => {
  for (const file of ['records-preview.k8sdns', 'zone.k8sdns', 'resolve.k8sdns', 'edge-cases.k8sdns']) {
    test(`snapshot: ${file}`, async () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      matchSnapshot(file, render(file, RECORDS, text, await tokenize(RECORDS, text)));
    });
  }

  test('scopes the parts of a records preview', async () => {
    const text = readFileSync(join(FIXTURES, 'records-preview.k8sdns'), 'utf8');
    const lines = await tokenize(RECORDS, text);
    const src = lineOf(lines, text, '; Service kiada/quote');
    assert.ok(has(tok(src, ';'), 'punctuation.definition.comment'));
    assert.ok(has(tok(src, 'Service'), 'entity.name.type.kind') && has(tok(src, 'Service'), 'comment.line.semicolon'));
    assert.ok(has(tok(src, 'kiada'), 'entity.name.namespace'));
    assert.ok(has(tok(src, 'quote'), 'entity.name.object'));
    const a = lineOf(lines, text, 'quote.kiada.svc.cluster.local. ');
    assert.ok(has(tok(a, 'quote.kiada.svc.cluster.local.'), 'entity.name.tag.owner'));
    assert.ok(has(tok(a, '30'), 'constant.numeric.integer.ttl'));
    assert.ok(has(tok(a, 'IN'), 'keyword.other.class'));
    assert.ok(has(tok(a, 'A'), 'storage.type.record.a'));
    assert.ok(has(tok(a, '10.96.161.97'), 'constant.numeric.ipv4'));
    const srv = lineOf(lines, text, '_http._tcp.quote.kiada.svc.cluster.local.              30 IN SRV');
    assert.ok(has(tok(srv, '_http._tcp.quote.kiada.svc.cluster.local.'), 'entity.name.tag.owner'));
    assert.ok(has(tok(srv, '0'), 'constant.numeric.integer.priority'));
    assert.ok(has(tok(srv, '100'), 'constant.numeric.integer.weight'));
    assert.ok(has(tok(srv, '80'), 'constant.numeric.integer.port'));
    assert.ok(has(tok(srv, 'quote.kiada.svc.cluster.local.'), 'string.unquoted.domain-name.target'));
    const ph = lineOf(lines, text, 'web.shop.svc.cluster.local.                  30 IN A');
    assert.ok(has(tok(ph, 'cluster IP assigned on creation'), 'variable.other.placeholder'));
    assert.ok(has(tok(ph, '<'), 'punctuation.definition.placeholder.begin'));
    const txt = lineOf(lines, text, 'dns-version.');
    assert.ok(has(tok(txt, '1.1.0'), 'string.quoted.double.txt'));
    assert.ok(has(tok(txt, 'TXT'), 'storage.type.record.txt'));
  });

  test('scopes dig-style answers, directives and the rest', async () => {
    const text = readFileSync(join(FIXTURES, 'resolve.k8sdns'), 'utf8') + readFileSync(join(FIXTURES, 'edge-cases.k8sdns'), 'utf8');
    const lines = await tokenize(RECORDS, text);
    const nx = lineOf(lines, text, ';; ->>HEADER<<- status: NXDOMAIN');
    assert.ok(has(tok(nx, 'NXDOMAIN'), 'constant.language.rcode.nxdomain'));
    assert.ok(has(tok(nx, '->>HEADER<<-'), 'keyword.other.header'));
    assert.ok(has(tok(lineOf(lines, text, ';; ->>HEADER<<- status: NOERROR'), 'NOERROR'), 'constant.language.rcode.noerror'));
    assert.ok(has(tok(lineOf(lines, text, ';; ->>HEADER<<- status: SERVFAIL'), 'SERVFAIL'), 'constant.language.rcode.error'));
    assert.ok(has(tok(lineOf(lines, text, ';; ANSWER SECTION:'), 'ANSWER SECTION'), 'markup.heading.section'));
    const q = lineOf(lines, text, ';nope.kiada.svc.cluster.local.');
    assert.ok(has(tok(q, 'nope.kiada.svc.cluster.local.'), 'entity.name.tag.question'));
    const soa = lineOf(lines, text, 'cluster.local. ');
    assert.ok(has(tok(soa, 'ns.dns.cluster.local.'), 'string.unquoted.domain-name.mname'));
    assert.ok(has(tok(soa, '86400'), 'constant.numeric.integer.expire'));
    assert.ok(has(tok(lineOf(lines, text, '$ORIGIN'), '$ORIGIN'), 'keyword.control.directive.origin'));
    assert.ok(has(tok(lineOf(lines, text, '$TTL'), '1h'), 'constant.numeric.integer.ttl'));
    assert.ok(has(tok(lineOf(lines, text, 'quote.kiada.svc.cluster.local.              30 IN AAAA  fd'), 'fd00:10:96::5f1'), 'constant.numeric.ipv6'));
    assert.ok(has(tok(lineOf(lines, text, 'v4mapped'), '::ffff:10.96.0.1'), 'constant.numeric.ipv6'));
    const loc = lineOf(lines, text, 'quote.kiada.svc.cluster.local.              30 IN A     10.96.161.97    ;');
    assert.ok(has(tok(loc, 'examples/kiada/services.yaml'), 'string.unquoted.path'));
    assert.ok(has(tok(loc, 'Service'), 'entity.name.type.kind'));
    const txt = lineOf(lines, text, 'txt.');
    assert.ok(has(tok(txt, '\\"'), 'constant.character.escape'));
    assert.ok(!has(tok(txt, 'second; not a comment'), 'comment'), 'a ; inside a TXT string is not a comment');
    const plain = lineOf(lines, text, 'not a record line');
    assert.deepEqual(plain.map((t) => t.scopes), [[RECORDS]], 'a line that is no record stays plain');
  });

  test('every line the engine prints today is recognized (no drift between the previews and the grammar)', async () => {
    const index = new WorkspaceIndex();
    const files = ['kiada/services.yaml', 'kiada/quote-headless-endpointslice.yaml', 'kiada/deployments.yaml', 'kiada/namespace.yaml', 'mistakes/services.yaml'];
    for (const f of files) index.setFile(`file:///ws/examples/${f}`, readFileSync(join(ROOT, 'examples', f), 'utf8'), false);
    const texts = [
      runCommand(index, COMMANDS.showRecords, [{ scope: 'workspace' }]).text,
      runCommand(index, COMMANDS.showRecords, [{ uri: 'file:///ws/examples/mistakes/services.yaml' }]).text,
      ...[...index.cluster().services.values()].map((e) => runCommand(index, COMMANDS.resolve, [{ namespace: e.service.meta.namespace, name: e.service.meta.name }]).text),
      zoneFile(index.cluster()),
    ];
    let records = 0;
    for (const text of texts) {
      const lines = await tokenize(RECORDS, text);
      text.replace(/\n$/, '').split('\n').forEach((src, i) => {
        const tokens = lines[i]!;
        if (src.trim() === '') return;
        const first = tokens.find((t) => t.text.trim() !== '')!;
        assert.ok(first.scopes.length > 1, `unscoped line: ${src}`);
        if (/^[;$]/.test(src)) return;
        records++;
        assert.ok(first.scopes.some((s) => s.startsWith('meta.record.') && !s.startsWith('meta.record.other')), `not a known record: ${src}`);
        assert.equal(first.text, src.split(/\s+/)[0], `owner of: ${src}`);
        assert.ok(has(first, 'entity.name.tag.owner'), `owner scope: ${src}`);
        assert.ok(tokens.some((t) => has(t, 'storage.type.record')), `type: ${src}`);
        assert.ok(!tokens.some((t) => t.text.includes('<') && !has(t, 'punctuation.definition.placeholder')), `placeholder: ${src}`);
      });
    }
    assert.ok(records > 40, `only ${records} record lines checked`);
  });
});

describe('injection grammar (cluster DNS names in YAML values)', () => {
  const file = 'dns-names.yaml';
  const text = readFileSync(join(FIXTURES, file), 'utf8');

  test(`snapshot: ${file}`, async () => {
    matchSnapshot(file, render(file, 'source.yaml + k8s-dns.injection', text, await tokenize('source.yaml', text)));
  });

  test('highlights the DNS names in values, and nothing else', async () => {
    const lines = await tokenize('source.yaml', text);
    const found: string[] = [];
    for (const tokens of lines) {
      let run = '';
      for (const t of tokens) {
        if (t.scopes.some((s) => s.startsWith('meta.dns-name.'))) run += t.text;
        else if (run) (found.push(run), (run = ''));
      }
      if (run) found.push(run);
    }
    assert.deepEqual(found, [
      'quote.kiada.svc.cluster.local:80',
      'quote.kiada.svc.cluster.local.',
      'quote.kiada.svc',
      '_http._tcp.quote.kiada.svc.cluster.local',
      'db-0.db.shop.svc.cluster.local:5432',
      '10-244-2-9.kiada.pod.cluster.local',
      'kiada.kiada.svc:443',
    ]);
  });

  test('the parts of a name get their own scopes, inside the YAML string scope', async () => {
    const lines = await tokenize('source.yaml', text);
    const url = lineOf(lines, text, '          value: http://quote.kiada.svc.cluster.local');
    const svc = tok(url, 'quote');
    assert.ok(has(svc, 'entity.name.type.service') && has(svc, 'string.unquoted.plain.out'), svc.scopes.join(' '));
    assert.ok(has(tok(url, 'kiada'), 'entity.name.namespace'));
    assert.ok(has(tok(url, 'svc'), 'keyword.other.svc'));
    assert.ok(has(tok(url, 'cluster.local'), 'support.constant.cluster-domain'));
    assert.ok(has(tok(url, '80'), 'constant.numeric.port'));
    assert.ok(!has(tok(url, 'http://'), 'meta.dns-name'));
    const srv = lineOf(lines, text, '          value: _http');
    assert.ok(has(tok(srv, '_http'), 'variable.parameter.port-name'));
    assert.ok(has(tok(srv, '_tcp'), 'keyword.other.protocol'));
    const quoted = lineOf(lines, text, '          value: "quote');
    assert.ok(has(tok(quoted, 'quote'), 'string.quoted.double'));
    const pod = lineOf(lines, text, '          value: db-0');
    assert.ok(has(tok(pod, 'db-0'), 'variable.other.hostname'));
    assert.ok(has(tok(pod, 'db'), 'entity.name.type.service'));
    const key = lineOf(lines, text, '      quote.kiada.svc.cluster.local:');
    assert.ok(key.every((t) => !has(t, 'meta.dns-name')), 'keys are not values');
    assert.ok(lines[0]!.every((t) => !has(t, 'meta.dns-name')), 'comments are left alone');
  });
});
