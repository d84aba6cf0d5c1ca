/**
 * Issue 9 acceptance, through the host: the clerk keys an order CLETS refuses (the simulator
 * rejects the restrained name REJECTME); the supervisor sees the day's queue with the rejection on
 * the Review page and returns it with a comment; the clerk sees "Returned by Sam Supervisor: …",
 * fixes it, and sees "Waiting for supervisor approval" (the relay holds the fix); the supervisor
 * approves; the order ends acknowledged with an FCN. Then the lock hides the restrained person's
 * name: absent from the DOM, and the locked screenshot differs from the unlocked one.
 *
 * The registry is started by this spec on E2E_REGISTRY_PORT with the e2e host's accounts
 * (src/shared/auth/demoUsers.ts) seeded into its data folder first, so signing in at the workstation also
 * opens the user's registry session (src/main/sync/registryUserLink.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { startSimulator, type RunningSimulator } from '../../src/registry/clets-sim/server';
import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { expectAccessible } from './helpers/a11y';
import { keyAndSubmit, orderFixture } from './helpers/keyOrder';
import { seedRegistryUsers } from './helpers/registryUsers';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
const now = new Date('2026-12-02T10:00:00-08:00');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ccpor-e2e-review-'));
const dataDir = path.join(tmp, 'registry');
let sim: RunningSimulator | undefined;
let registry: RegistryProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  sim = await startSimulator({ port: 0, controlPort: 0, stateFile: path.join(tmp, 'clets.jsonl') });
  expect(sim.control('REJECT NAM REJECTME')).toMatch(/^OK/);
  await seedRegistryUsers(dataDir);
  registry = registryProcess({
    port: registryPort,
    adminCode: 'e2e-registry-admin-code',
    dataDir: dataDir,
    args: ['--clets', `127.0.0.1:${sim.port}`],
  });
  await registry.start();
});

test.afterAll(async () => {
  await registry?.stop();
  await sim?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('supervisor returns a rejection, the clerk fixes it, a second person approves; the lock hides names', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.clock.setFixedTime(now);

  // 1. The clerk keys an order CLETS refuses.
  await signIn(page, 'clerk');
  const order = orderFixture('DV-110');
  (order.restrained as { name: { last: string } }).name.last = 'REJECTME';
  await keyAndSubmit(page, 'DV-110', order);
  await expect(page.getByTestId('order-status')).not.toHaveText('Queued — not yet in CLETS', {
    timeout: 90_000,
  });
  await page.goto('/#/orders');
  await expect(page.getByTestId('clets-panel')).toBeVisible({ timeout: 150_000 });

  // 2. The supervisor sees the rejection on the Review page and returns it with a comment.
  await signIn(page, 'supervisor');
  await page.goto('/#/review');
  const table = page.getByRole('table', { name: /^Submissions:/ });
  const row = table.locator('tr', { hasText: 'REJECTME' });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(/Rejected|refused/i);
  await expectAccessible(page, 'review, rejection in the queue');
  await saveScreen(page, 'review-queue-rejection');
  await row.getByRole('button', { name: 'Return to clerk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Return to the clerk' });
  await dialog.getByLabel(/Comment for the clerk/).fill('Surname is misspelled; see page 1.');
  await dialog.getByRole('button', { name: 'Return to clerk' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(row).toContainText('Surname is misspelled; see page 1.', { timeout: 30_000 });

  // 3. The clerk sees who returned it and why, fixes the name, and waits for approval.
  await signIn(page, 'clerk');
  await page.goto('/#/orders');
  const panel = page.getByTestId('clets-panel');
  const refused = panel.getByTestId('clets-row').filter({ hasText: 'REJECTME' });
  await expect(refused.getByTestId('clets-review-note')).toHaveText(
    'Returned by Sam Supervisor: Surname is misspelled; see page 1.',
    { timeout: 90_000 },
  );
  await expectAccessible(page, 'orders, returned by the supervisor');
  await refused.getByRole('button', { name: 'Fix' }).click();
  const last = refused.getByLabel("restrained person's name — last");
  await expect(last).toBeFocused();
  await last.fill('RIVERA');
  await refused.getByRole('button', { name: 'Send correction' }).click();
  const notes = page.getByTestId('review-notes');
  await expect(notes).toContainText('Waiting for supervisor approval', { timeout: 90_000 });
  await saveScreen(page, 'review-waiting-for-approval');

  // 4. The supervisor approves; the relay sends the fix; the order ends acknowledged.
  await signIn(page, 'supervisor');
  await page.goto('/#/review');
  const fixedRow = table.locator('tr', { hasText: 'RIVERA' });
  await expect(fixedRow.getByRole('button', { name: 'Approve' })).toBeVisible({ timeout: 60_000 });
  await fixedRow.getByRole('button', { name: 'Approve' }).click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible().catch(() => false)) {
    await confirm.getByRole('button', { name: /Approve/ }).click();
  }
  await expect(fixedRow).toContainText(/Approved/i, { timeout: 60_000 });

  await signIn(page, 'clerk');
  await page.goto('/#/orders');
  const orders = page.getByTestId('orders-table');
  await expect(orders.locator('tr', { hasText: 'RIVERA' })).toContainText(
    'In CLETS — acknowledged',
    { timeout: 150_000 },
  );
  const fcns = [...(sim?.state.records.values() ?? [])].map((r) => r.fcn);
  expect(fcns.length).toBeGreaterThan(0);
  expect(fcns.every((f) => /^\d{13}$/.test(f))).toBe(true);

  // 5. The lock hides the restrained person's name: gone from the DOM and from the screen.
  await expect(page.getByText('RIVERA').first()).toBeVisible();
  const unlocked = await page.screenshot();
  await page.getByTestId('session-menu').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 20_000 });
  expect(await page.content()).not.toContain('RIVERA');
  const lockedFile = await saveScreen(page, 'review-locked');
  const locked = readFileSync(lockedFile);
  expect(Buffer.compare(locked, unlocked)).not.toBe(0);
  await expectAccessible(page, 'lock screen');
});
