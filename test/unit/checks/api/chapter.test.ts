/** The chapter's kiada Services, and the example manifests, must pass the API-server rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkYaml, dedent, summary } from '../helpers';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

const CHAPTER_SERVICES = dedent(`
  apiVersion: v1
  kind: Service
  metadata:
    name: quote
  spec:
    type: ClusterIP
    selector:
      app: quote
    ports:
    - name: http
      port: 80
      targetPort: 8080
      protocol: TCP
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: kiada
  spec:
    type: LoadBalancer
    selector:
      app: kiada
    ports:
    - name: http
      port: 80
      targetPort: 8080
    - name: https
      port: 443
      targetPort: 8443
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: quote-headless
  spec:
    clusterIP: None
    selector:
      app: quote
    ports:
    - name: http
      port: 80
      targetPort: 8080
      protocol: TCP
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: time-api
  spec:
    type: ExternalName
    externalName: worldtimeapi.org
`);

test('the chapter Services (quote, kiada, quote-headless, time-api) produce no findings', () => {
  assert.deepEqual(summary(checkYaml(CHAPTER_SERVICES)), []);
});

test('examples/kiada produces no API-server findings', () => {
  const dir = join(EXAMPLES, 'kiada');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    assert.deepEqual(summary(checkYaml(readFileSync(join(dir, file), 'utf8'))), [], file);
  }
});

test('examples/mistakes reports exactly the two unnamed ports', () => {
  const text = readFileSync(join(EXAMPLES, 'mistakes', 'services.yaml'), 'utf8');
  assert.deepEqual(summary(checkYaml(text)), [
    { code: 'svc-port-name-required', field: 'spec.ports[0].name', text: 'port' },
    { code: 'svc-port-name-required', field: 'spec.ports[1].name', text: 'port' },
  ]);
});
