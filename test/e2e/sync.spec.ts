/**
 * Offline outbox to the registry through the host: an order submitted while the registry is
 * down shows "Queued"; once a registry (a real child process on PGlite) starts, the workstation
 * enrols itself, sends the order, and it shows "At registry" with no one pressing anything.
 * The status bar says online and the outbox empties; a second tab does not send.
 *
 * The e2e host is configured (playwright.config.ts) with CLERK_REGISTRY_URL on port
 * E2E_REGISTRY_PORT (default 4556), enrolment code 'e2e-registry-admin-code' and court
 * CA034999J, and nothing listens there until this spec starts the registry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { entryFor } from '../../src/renderer/features/intake/currentEntries';
import { buildFormSpec } from '../../src/renderer/features/intake/form/formSpec';
import { orderToValues } from '../../src/renderer/features/intake/form/toOrder';
import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { expectAccessible } from './helpers/a11y';
import { addProtectedPersons, fillByKeyboard, tabTo } from './helpers/keyboardFill';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
// The fixtures are valid as of this moment (see test/fixtures/orders/README.md).
const now = new Date('2026-12-02T10:00:00-08:00');
let registry: RegistryProcess | undefined;

test.afterAll(async () => {
  await registry?.dispose();
});

function fixture(code: string): Record<string, unknown> {
  const file = path.resolve(__dirname, '../fixtures/orders', `${code}.valid.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Keys the DV-110 fixture by keyboard and submits it (as test/e2e/intake.spec.ts does). */
async function keyAndSubmit(page: Page, code: string): Promise<void> {
  await page.goto('/#/intake');
  const picker = page.getByRole('combobox', { name: /Order type/ });
  await expect(picker).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${code} ·`) }),
  ).toBeVisible();
  const order = fixture(code);
  const entry = entryFor(code, now.toISOString());
  if (!entry) throw new Error(`no catalog entry for ${code}`);
  const values: Record<string, unknown> = orderToValues(order);
  if ((order.expiration as { kind: string }).kind !== 'unspecified') {
    values.expirationReason = 'Written on the order';
  }
  const count = Number(values['protected.count'] ?? 0);
  await addProtectedPersons(
    page,
    entry.protected.max === 0 ? 0 : Math.max(entry.protected.min, 1),
    count,
  );
  await fillByKeyboard(page, buildFormSpec(entry), values as never, count);

  await page.keyboard.press('Alt+R');
  await expect(page.getByRole('heading', { level: 2, name: /^Review / })).toBeVisible();
  await expect(page.getByTestId('conflicts')).not.toContainText('Checking');
  if (await page.locator('#ack-conflicts').count()) {
    await tabTo(page, 'ack-conflicts');
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'attest');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Submit to registry' })).toBeFocused();
  await page.keyboard.press('Enter');
}

test('an order queued while the registry is down reaches it on its own once it is up', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(now);
  await signIn(page);

  await keyAndSubmit(page, 'DV-110');
  const status = page.getByTestId('order-status');
  await expect(status).toHaveText('Queued — not yet in CLETS');
  const bar = page.getByTestId('status-bar');
  const outbox = page.getByTestId('outbox-indicator');
  // The order, and the sign-in's audit events (they travel through the same outbox).
  await expect(outbox).toContainText(/\d+ queued · oldest/);
  await expect(outbox).toHaveAttribute('data-sync-role', 'leader');
  await expect(bar).toContainText(/Offline|connecting/);
  await expectAccessible(page, 'submitted order, registry down');
  await saveScreen(page, 'sync-queued');

  // A second tab of the same profile waits for the sync lock: it never sends.
  const second = await context.newPage();
  await second.clock.setFixedTime(now);
  await second.goto('/#/orders');
  await expect(second.getByTestId('outbox-indicator')).toHaveAttribute(
    'data-sync-role',
    'follower',
  );
  await expect(second.getByTestId('orders-table')).toContainText('Queued — not yet in CLETS');

  registry = registryProcess({ port: registryPort, adminCode: 'e2e-registry-admin-code' });
  await registry.start();

  // No clicks from here on: main notices the registry, enrols, the leader tab sends.
  await expect(status).toHaveText('At registry — not yet in CLETS', { timeout: 90_000 });
  await expect(bar).toContainText('Online');
  await expect(outbox).toContainText('Outbox empty');
  await expect(outbox).toHaveAttribute('data-queued', '0');
  await expect(second.getByTestId('orders-table')).toContainText('At registry — not yet in CLETS');
  await expectAccessible(second, 'orders, at registry');
  await second.close();

  await page.goto('/#/settings');
  const settings = page.getByTestId('registry-settings');
  await expect(settings.getByTestId('registry-connectivity')).toContainText('Online');
  await expect(settings).toContainText('Yes, for court CA034999J');
  await expectAccessible(page, 'settings, registry enrolled');
  await saveScreen(page, 'sync-settings-online');
});
