/**
 * The packaged extension in a real VS Code (code-server in headless Chromium): hover, code
 * lenses, Resolve, the Problems panel and the status bar, read from the page as a user sees them.
 * Prints `N passed, N failed`. Screenshots go to .e2e/screenshots/; with UPDATE_SCREENSHOTS=1 they
 * replace the README's in test/e2e/screenshots/ (a test run leaves the repository as it was).
 */
import { cpSync, mkdtempSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession, REPO_ROOT } from './harness';
import { FakeKubeApi, kiadaSeed, writeKubeconfig } from '../support/fake-kube-api';
import { numberedServices } from '../support/largeManifest';

const VSIX = join(REPO_ROOT, 'k8s-dns-insight.vsix');
const SHOTS = join(REPO_ROOT, process.env['UPDATE_SCREENSHOTS'] === '1' ? 'test/e2e/screenshots' : '.e2e/screenshots');
const EXTENSION_ID = 'k8s-dns-insight.k8s-dns-insight';

let passed = 0;
let failed = 0;
async function check(name: string, fn: () => Promise<void>): Promise<void> {
  const start = Date.now();
  try {
    await fn();
    passed++;
    console.log(`✔ ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    failed++;
    console.log(`✖ ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
function expect(cond: boolean, message: string): void {
  if (!cond) throw new Error(message);
}

async function main(): Promise<void> {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const ws = mkdtempSync(join(tmpdir(), 'k8s-dns-e2e-ws-'));
  cpSync(join(REPO_ROOT, 'examples'), ws, { recursive: true });
  // Ingress, a shared Gateway and routes across namespaces (issue 15 §2).
  cpSync(join(REPO_ROOT, 'test/realworld/cases/gateway-ingress-namespaces'), join(ws, 'routes'), { recursive: true });
  // Past the worker's threshold: the packaged extension must parse it on its worker thread.
  mkdirSync(join(ws, 'large'));
  writeFileSync(join(ws, 'large/services.yaml'), numberedServices(6000).join('---\n'));
  mkdirSync(SHOTS, { recursive: true });
  // A loopback Kubernetes API for the live lookup: it proves @kubernetes/client-node loads and
  // works on the Node.js of this VS Code (1.100, Node 20).
  const api = await FakeKubeApi.start({ seed: kiadaSeed() });
  const kubeconfig = await writeKubeconfig(api);
  const settings = { 'k8sDns.live.enabled': true, 'k8sDns.live.kubeconfig': kubeconfig.path };
  try {
    await withSession({ vsix: VSIX, workspace: ws, name: 'extension', settings }, async (s) => {
      await s.openFile('kiada/services.yaml');
      await check('the status bar item shows the cluster domain once the server is ready', async () => {
        const text = await s.waitForStatusBarItem(/k8s DNS: cluster\.local/);
        expect(/cluster\.local/.test(text), text);
      });
      await check('activation: extension host start to server ready is printed', async () => {
        const act = await s.activation(EXTENSION_ID);
        // The output channel's log file is flushed a moment after the line is written.
        let logs: Record<string, string> = {};
        let line: RegExpMatchArray | null = null;
        for (const deadline = Date.now() + 15000; !line && Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
          logs = await s.extensionLogs(EXTENSION_ID);
          line = Object.values(logs).join('\n').match(/ready in (\d+) ms/);
        }
        expect(!!line, `no readiness line in the output channel: ${JSON.stringify(logs).slice(0, 1500)}`);
        console.log(`  activation event ${act.activationEvent}; activation to server ready: ${line![1]} ms`);
      });
      await check('a large workspace file is parsed with the packaged worker thread', async () => {
        let line: RegExpMatchArray | null = null;
        for (const deadline = Date.now() + 30000; !line && Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
          line = Object.values(await s.extensionLogs(EXTENSION_ID)).join('\n').match(/large\/services\.yaml: 6000 objects in (\d+) ms \((\d+) documents parsed by a worker thread\)/);
        }
        expect(!!line, 'no read line for large/services.yaml in the output channel');
        // On one core the worker is not used (it would only take turns with the main thread).
        if (availableParallelism() >= 2) expect(Number(line![2]) > 0, line![0]);
        console.log(`  ${line![0]}`);
      });
      await check('code lenses above each Service: FQDN and records, Resolve, Copy FQDN', async () => {
        // Titles come as the editor resolves the lenses on screen (the workspace scan may still run).
        const lenses = await s.waitForCodeLens(/kiada\.kiada\.svc\.cluster\.local · A/);
        expect(lenses.some((l) => l.includes('kiada.kiada.svc.cluster.local · A 10.96.7.83 · SRV ×2')), lenses.join(' | '));
        expect(lenses.includes('Resolve') && lenses.includes('Copy FQDN'), lenses.join(' | '));
        await s.screenshot(join(SHOTS, 'code-lens.png'));
      });
      await check('hover on a headless Service shows its FQDN and the A records of its pods', async () => {
        const hover = await s.hoverOnText('quote-headless', { expect: /10\.244\.2\.9/ });
        expect(hover.includes('quote-headless.kiada.svc.cluster.local.'), hover);
        await s.screenshot(join(SHOTS, 'hover.png'));
      });
      await check('Resolve shows the offline answer in a records preview', async () => {
        await s.dismissHover();
        await s.clickCodeLens('Resolve');
        // The preview opens beside the manifest without taking focus.
        const preview = s.page.locator('.editor-instance .view-lines').filter({ hasText: /status:\sNOERROR/ }).first();
        await preview.waitFor({ timeout: 30000 });
        const text = await preview.innerText();
        expect(/status:\sNOERROR/.test(text) && /10\.96\.161\.97/.test(text), text.slice(0, 400));
        await s.screenshot(join(SHOTS, 'resolve.png'));
      });
      await check('Resolve in the live cluster reads the (loopback) API server through the kubeconfig', async () => {
        await s.openFile('kiada/services.yaml');
        await s.goToLine(5, 10);
        await s.runCommand('k8s DNS: Resolve DNS for Service in the Live Cluster');
        const preview = s.page.locator('.editor-instance .view-lines').filter({ hasText: /live/i }).filter({ hasText: /quote\.kiada\.svc/ }).first();
        await preview.waitFor({ timeout: 30000 });
        const text = await preview.innerText();
        expect(api.requests.some((r) => r.path.includes('/services/quote')), `the API server saw: ${api.requests.map((r) => r.path).join(', ')}`);
        await s.screenshot(join(SHOTS, 'resolve-live.png'));
        expect(!/failed/i.test(text.split('\n')[0] ?? ''), text.slice(0, 400));
      });
      await check('the Problems panel lists the broken example’s diagnostics', async () => {
        await s.openFile('mistakes/services.yaml');
        const problems = await s.problems({ expect: /IP address/ });
        expect(problems.some((p) => /spec\.ports\[0\]\.name/.test(p.message)), problems.map((p) => p.message).join('\n'));
        await s.screenshot(join(SHOTS, 'problems.png'));
      });
      await check('a route backend into another namespace without a ReferenceGrant is an error; a backend hover shows its Service', async () => {
        await s.openFile('routes/web/routes.yaml');
        const problems = await s.problems({ expect: /No ReferenceGrant in namespace shop lets GRPCRoutes of namespace web/ });
        const grant = problems.find((p) => /GRPCRoutes of namespace web/.test(p.message))!;
        expect(grant.severity === 'error', JSON.stringify(grant));
        await s.openFile('routes/shop/ingress.yaml');
        const hover = await s.hoverOnText('name: search', { offset: 8, expect: /search\.shop\.svc\.cluster\.local\./ });
        expect(/<IP of pod search-0>:9200/.test(hover), hover);
        await s.screenshot(join(SHOTS, 'route-backend.png'));
      });
    });
  } finally {
    rmSync(ws, { recursive: true, force: true });
    await api.stop();
    await kubeconfig.cleanup();
  }
}

main()
  .catch((e: unknown) => {
    failed++;
    console.log(`✖ session: ${e instanceof Error ? e.message : String(e)}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
