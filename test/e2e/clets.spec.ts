/**
 * CLETS refusal round trip through the host: an order whose restrained person's name the CLETS
 * simulator refuses (REJECT NAM REJECTME) shows in the Orders area's CLETS panel with the relay's
 * reason in clerk words; the clerk fixes the named field in place, the correction goes out as an
 * order.modify, and the order ends "In CLETS — acknowledged".
 *
 * The host's registry URL is fixed by playwright.config.ts (E2E_REGISTRY_PORT, default 4556);
 * this spec starts a registry there with the in-process relay pointed at a simulator it starts
 * itself on a free loopback port. Run it on its own or before test/e2e/sync.spec.ts (each
 * starts a fresh registry on that port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { startSimulator, type RunningSimulator } from '../../src/registry/clets-sim/server';
import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { expectAccessible } from './helpers/a11y';
import { keyAndSubmit, orderFixture } from './helpers/keyOrder';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
const now = new Date('2026-12-02T10:00:00-08:00');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ccpor-e2e-clets-'));
let sim: RunningSimulator | undefined;
let registry: RegistryProcess | undefined;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, controlPort: 0, stateFile: path.join(tmp, 'clets.jsonl') });
  expect(sim.control('REJECT NAM REJECTME')).toMatch(/^OK/);
  registry = registryProcess({
    port: registryPort,
    adminCode: 'e2e-registry-admin-code',
    dataDir: path.join(tmp, 'registry'),
    args: ['--clets', `127.0.0.1:${sim.port}`],
  });
  await registry.start();
});

test.afterAll(async () => {
  await registry?.stop();
  await sim?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Keys the DV-110 fixture, its restrained surname changed to REJECTME, and submits it. */
async function keyRejectedOrder(page: Page): Promise<void> {
  const order = orderFixture('DV-110');
  (order.restrained as { name: { last: string } }).name.last = 'REJECTME';
  await keyAndSubmit(page, 'DV-110', order);
}

test('a field CLETS refuses shows with its reason; fixing it ends acknowledged', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.clock.setFixedTime(now);
  await signIn(page);
  await keyRejectedOrder(page);
  await expect(page.getByTestId('order-status')).not.toHaveText('Queued — not yet in CLETS', {
    timeout: 90_000,
  });

  await page.goto('/#/orders');
  const panel = page.getByTestId('clets-panel');
  await expect(panel).toBeVisible({ timeout: 120_000 });
  const row = panel.getByTestId('clets-row').filter({ hasText: 'REJECTME' });
  await expect(row.getByTestId('clets-reason')).toContainText("restrained person's name");
  await expectAccessible(page, 'orders, CLETS refused');
  await saveScreen(page, 'clets-refused');

  await row.getByRole('button', { name: 'Fix' }).click();
  const last = row.getByLabel("restrained person's name — last");
  await expect(last).toBeFocused();
  await expect(last).toHaveValue('REJECTME');
  await last.fill('RIVERA');
  await row.getByRole('button', { name: 'Send correction' }).click();

  await expect(panel).toBeHidden({ timeout: 30_000 });
  const table = page.getByTestId('orders-table');
  await expect(table.locator('tr', { hasText: 'RIVERA' })).toContainText(
    'In CLETS — acknowledged',
    { timeout: 150_000 },
  );
  await saveScreen(page, 'clets-corrected');
});
