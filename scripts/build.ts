/**
 * `npm run build`: the main, preload and renderer bundles from the same Vite configs Forge
 * uses, plus the host shell's browser bridge. Works without the Electron binary.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { build as esbuild } from 'esbuild';

const root = path.resolve(__dirname, '..');
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

async function main(): Promise<void> {
  const started = Date.now();
  for (const config of [
    'vite.renderer.config.mts',
    'vite.main.config.mts',
    'vite.preload.config.mts',
  ]) {
    // Vite runs as its own CLI: loaded through tsx's CommonJS hooks it mis-resolves its own
    // `exports` (the modulepreload polyfill), and the CLI is what Forge runs anyway.
    execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn', '-c', config], {
      cwd: root,
      stdio: 'inherit',
      // Always the production bundles: an inherited NODE_ENV (e.g. `test` from a test runner
      // that starts `npm start`) would make Vite ship React's development build instead.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    console.log(`built ${config}`);
  }
  await esbuild({
    entryPoints: [path.join(root, 'src/host/bridge/index.ts')],
    outfile: path.join(root, '.vite/host/bridge.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log('built host bridge');
  console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
