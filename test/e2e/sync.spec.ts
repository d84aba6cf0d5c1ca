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
import { expect, test } from '@playwright/test';

import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { expectAccessible } from './helpers/a11y';
import { fixtureNow, keyAndSubmit } from './helpers/keyOrder';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
const now = fixtureNow;
let registry: RegistryProcess | undefined;

test.afterAll(async () => {
  await registry?.dispose();
});

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
