/**
 * The CLETS deadlines panel in the Orders area, through the host, honest in each state:
 * - registry down: the deadlines are "not known", or — when an earlier spec's registry gave the
 *   host lists — shown "from <time>" as the last ones received (never "nothing at risk");
 * - registry up, nothing submitted: "No CLETS transaction is at risk or overdue.";
 * - an order submitted with no relay running (the registry is started without --clets) keeps
 *   its CLETS transaction open, and it shows under "Overdue" with its case number, order type,
 *   event, due-by in court time and a link to the order.
 *
 * Determinism: the registry classifies with its own real clock. The DV-110 fixture was issued
 * on 2 Nov 2026, so its transaction is due by the end of 3 Nov 2026 and is overdue on any later
 * real date (checked first); the exact count of court days depends on today and is not
 * asserted here (test/unit/renderer/clets/deadlinesView.test.ts and
 * test/integration/clets/deadlines.test.ts check the figures on a set clock).
 *
 * The host's registry URL is fixed by playwright.config.ts (E2E_REGISTRY_PORT); this spec
 * starts a fresh registry there.
 */
import { expect, test } from '@playwright/test';

import { cletsDueBy } from '../../src/shared/calendar';
import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { expectAccessible } from './helpers/a11y';
import { fixtureNow, keyAndSubmit, orderFixture } from './helpers/keyOrder';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
let registry: RegistryProcess | undefined;

test.afterAll(async () => {
  await registry?.dispose();
});

test('the Orders area shows CLETS deadlines: unknown while offline, none, then overdue', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const order = orderFixture('DV-110');
  const caseNumber = order.caseNumber as string;
  const dueBy = cletsDueBy(order.issuedAt as string);
  expect(Date.now(), `the registry's real clock must be past ${dueBy}`).toBeGreaterThan(
    Date.parse(dueBy),
  );

  await page.clock.setFixedTime(fixtureNow);
  await signIn(page);
  await page.goto('/#/orders');
  const panel = page.getByTestId('deadlines-panel');
  const status = panel.getByTestId('deadlines-status');
  await expect(panel.getByRole('heading', { level: 2, name: 'CLETS deadlines' })).toBeVisible();
  await expect(status).toContainText(
    /the CLETS deadlines are not known|The registry was not reached; deadlines shown are from/,
    { timeout: 30_000 },
  );
  await expect(panel).not.toContainText('No CLETS transaction');
  await expectAccessible(page, 'orders, CLETS deadlines unknown');

  registry = registryProcess({ port: registryPort, adminCode: 'e2e-registry-admin-code' });
  await registry.start();
  // No clicks: the workstation enrols, its link turns online, and the panel asks again.
  await expect(status).toHaveText('No CLETS transaction is at risk or overdue.', {
    timeout: 90_000,
  });
  await expectAccessible(page, 'orders, no CLETS deadline at risk');
  await saveScreen(page, 'clets-deadlines-none');

  // Intake focuses its order-type picker on a fresh load (a hash change focuses the heading);
  // the first load of Intake on a busy machine can take longer than keyAndSubmit waits.
  await page.goto('about:blank');
  await page.goto('/#/intake');
  await expect(page.getByRole('combobox', { name: /Order type/ })).toBeVisible({ timeout: 30_000 });
  await page.goto('about:blank');
  await keyAndSubmit(page, 'DV-110', order);
  await expect(page.getByTestId('order-status')).toHaveText('At registry — not yet in CLETS', {
    timeout: 90_000,
  });
  const orderUrl = page.url();

  await page.goto('/#/orders');
  const overdue = panel.getByRole('table', { name: /^Overdue \(\d+\)$/ });
  const row = overdue.getByTestId('deadline-row').filter({ hasText: 'Issued' });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row).toContainText(caseNumber);
  await expect(row).toContainText('DV-110');
  await expect(row).toContainText(/\d+ court days? overdue/);
  await expect(row).toContainText('Tue, Nov 3, 11:59 PM PST');
  await expect(row).toContainText('Waiting to be sent');
  await expect(panel.getByRole('heading', { name: /^At risk \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page, 'orders, CLETS deadline overdue');
  await saveScreen(page, 'clets-deadlines-overdue');

  // The case number links to the order, by keyboard.
  const link = row.getByRole('link', { name: caseNumber });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(orderUrl);
});
