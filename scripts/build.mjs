// Type-checks every project, then bundles the CLI, the language server and the VS Code client
// with esbuild (one file each, no node_modules needed at run time).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, chmodSync } from 'node:fs';

const skipTypes = process.argv.includes('--no-typecheck');
if (!skipTypes) {
  for (const p of ['server/tsconfig.json', 'client/tsconfig.json', 'test/tsconfig.json']) {
    if (!existsSync(p)) continue;
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', p, '--noEmit'], { stdio: 'inherit' });
    } catch {
      console.error(`build: type errors in ${p}`);
      process.exit(1);
    }
  }
}

// @kubernetes/client-node is large and needed only for live lookups: it gets a bundle of its own
// (an ES module, as the package is) that the server and the CLI load on first use, so starting
// the language server does not pay for parsing it.
const KUBE_CLIENT = './kube-client.mjs';
const externalKubeClient = {
  name: 'external-kube-client',
  setup(b) {
    b.onResolve({ filter: /^@kubernetes\/client-node$/ }, () => ({ path: KUBE_CLIENT, external: true }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.argv.includes('--minify') };
const kubeClient = {
  entryPoints: ['@kubernetes/client-node'],
  outfile: 'out/kube-client.mjs',
  format: 'esm',
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __k8sDnsCreateRequire } from 'node:module'; const require = __k8sDnsCreateRequire(import.meta.url);" },
};
const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/serverMain.ts'], outfile: 'out/server.js' },
  // The worker thread that parses the later half of a large file (server/src/parallel/).
  { entryPoints: ['server/src/parallel/syntaxWorker.ts'], outfile: 'out/syntaxWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'out/client.js', external: ['vscode'] },
];
await Promise.all([
  ...entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, plugins: [externalKubeClient], ...e })),
  build({ ...common, ...kubeClient }),
]);
if (existsSync('out/cli.js')) chmodSync('out/cli.js', 0o755);
