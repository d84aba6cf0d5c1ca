import os from 'node:os';
import path from 'node:path';

import { defineConfig } from '@playwright/test';

// The e2e suite drives the host shell (src/host) in Debian's Chromium: the same renderer and
// the same IPC contract as the Electron app, which cannot launch on these machines.
const port = Number(process.env.E2E_PORT ?? 4555);
const dataDir = path.join(os.tmpdir(), `ccpor-e2e-${process.pid}`);
const headed = !!process.env.HEADED;
// The host is told of a registry that is down at first: test/e2e/sync.spec.ts starts one on
// this port later (the same code and court must be used there). No other spec needs it.
const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PW_JSON
    ? [['list'], ['json', { outputFile: process.env.PW_JSON }]]
    : [['list']],
  webServer: {
    command: `node --import tsx src/host/cli.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      CLERK_DATA_DIR: dataDir,
      CLERK_E2E: '1',
      CLERK_REGISTRY_URL: `http://127.0.0.1:${registryPort}/`,
      CLERK_ENROL_CODE: 'e2e-registry-admin-code',
      CLERK_COURT_ORI: 'CA034999J',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: !headed,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
