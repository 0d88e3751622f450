/** Reading without keeping syntax trees locates every field exactly as reading with them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../../server/src/manifests';
import type { FieldPath, KubeObject } from '../../../server/src/manifests/types';

const LIST = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec:\n    ports: [{name: http, port: 80}]\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n';
const JSON_ARRAY = '[{"apiVersion":"v1","kind":"Service","metadata":{"name":"j"},"spec":{"ports":[{"port":80}]}}]';

function paths(o: KubeObject): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (v: unknown, p: FieldPath): void => {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(o.raw, []);
  return [...out, ['spec', 'nothing', 3]];
}

function view(text: string, file: string, lazySyntax: boolean): string[] {
  const parsed = readManifest(text, file, { defaultNamespace: 'default', lazySyntax });
  return parsed.objects.flatMap((o) => [
    `${o.kind}/${o.meta.name} ${JSON.stringify(o.source.range)} ${o.source.docIndex} ${o.source.listIndex}`,
    ...paths(o).map((p) => `${p.join('.')} ${JSON.stringify(o.source.locate(p))} ${JSON.stringify(o.source.locate(p, { key: true }))} ${o.source.has(p)}`),
    ...[0, 10, 40, 80, text.length - 2].map((off) => JSON.stringify(o.source.pathAt(off))),
  ]);
}

test('lazy and eager sources agree on ranges, lookups and paths (YAML, List, JSON array)', () => {
  const kiada = readFileSync(join(__dirname, '../../../examples/kiada/services.yaml'), 'utf8');
  for (const [text, file] of [[kiada, 'k.yaml'], [LIST, 'l.yaml'], [JSON_ARRAY, 'j.json']] as const) {
    const eager = view(text, file, false);
    assert.ok(eager.length > 10);
    assert.deepEqual(view(text, file, true), eager);
  }
});
