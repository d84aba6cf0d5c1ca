/**
 * The Search page through the host (issue 9 §3) with a real registry (child process, PGlite)
 * whose accounts match the e2e users, so main opens each user's registry session at sign-in.
 * A clerk keys and submits DV-110 (restrained surname Castellanos) and waits until it is at the
 * registry. A supervisor reaches Search with Alt+3, types the surname with a letter missing,
 * sees the order labelled by where it was found, opens it by keyboard, sees its registry
 * history and page images (or the honest "no image" line), and reveals the confidential block
 * (recorded in the audit trail). A clerk is offered the case number only, and finds it so.
 * Every state visited passes axe.
 *
 * Run: E2E_PORT=4711 E2E_REGISTRY_PORT=4712 npx playwright test test/e2e/search.spec.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

import { registryProcess, type RegistryProcess } from '../integration/sync/registryProcess';

import { fieldDomId } from '../../src/renderer/features/intake/form/FormField';

import { expectAccessible } from './helpers/a11y';
import { shiftTabTo, tabTo } from './helpers/keyboardFill';
import { fixtureNow, keyOrder, openForm, orderFixture, reviewAndSubmit } from './helpers/keyOrder';
import { seedRegistryUsers } from './helpers/registryUsers';
import { signIn } from './helpers/signIn';

const registryPort = Number(process.env.E2E_REGISTRY_PORT ?? 4556);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ccpor-e2e-search-'));
let registry: RegistryProcess | undefined;

const SURNAME = 'Castellanos';
const TYPO = 'Castelanos';
const PHONE = '916-555-0142';

test.beforeAll(async () => {
  const dataDir = path.join(tmp, 'registry');
  // The accounts first: PGlite allows one process per data folder.
  await seedRegistryUsers(dataDir);
  registry = registryProcess({ port: registryPort, adminCode: 'e2e-registry-admin-code', dataDir });
  await registry.start();
});

test.afterAll(async () => {
  await registry?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** Presses Tab until `target` has focus (at most 30 times). */
async function tabUntil(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** From anywhere in the app: Alt+3 to Search, its heading focused. */
async function openSearch(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeFocused();
}

test('a supervisor finds an order by a mistyped surname and opens it; a clerk by case number', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(fixtureNow);
  const order = orderFixture('DV-110');
  (order.restrained as { name: { last: string } }).name.last = SURNAME;
  const caseNumber = order.caseNumber as string;

  // The clerk keys it with a CLETS-001 phone number and submits it; it reaches the registry.
  await signIn(page, 'clerk');
  await openForm(page, 'DV-110');
  await keyOrder(page, 'DV-110', order);
  const phone = fieldDomId('confidential.restrained.phone');
  const after = await page.evaluate(
    (id) =>
      !!document.activeElement &&
      !!(
        document.activeElement.compareDocumentPosition(document.getElementById(id) as Node) &
        Node.DOCUMENT_POSITION_FOLLOWING
      ),
    phone,
  );
  await (after ? tabTo(page, phone) : shiftTabTo(page, phone));
  await page.keyboard.type(PHONE);
  await reviewAndSubmit(page);
  await expect(page.getByTestId('order-status')).toHaveText('At registry — not yet in CLETS', {
    timeout: 90_000,
  });

  // The supervisor searches by name with a letter missing.
  await signIn(page, 'supervisor');
  await openSearch(page);
  const surname = page.getByLabel('Surname');
  await tabUntil(page, surname);
  await page.keyboard.type(TYPO);
  const results = page.getByRole('listbox', { name: 'Search results' });
  // As you type: the local index (this workstation's copy) already has it.
  await expect(results.getByRole('option').filter({ hasText: SURNAME })).toContainText(
    "this workstation's copy",
  );
  await page.keyboard.press('Enter');
  // Enter asks the registry too; the row says where it was found.
  const row = results.getByRole('option').filter({ hasText: SURNAME });
  await expect(row).toHaveCount(1);
  // Labels: "(this workstation's copy[, registry cache], registry)"; the last is the live search.
  await expect(row.locator('em')).toHaveText(/^\(this workstation's copy, .*registry\)$/, {
    timeout: 20_000,
  });
  await expect(row).toContainText(caseNumber);
  await expect(page.getByTestId('search-summary')).toHaveText(/^Page 1 of 1 · 1 found$/);
  await expect(page.getByText(/Registry not searched/)).toHaveCount(0);
  await expectAccessible(page, 'search results (supervisor)');

  // Into the list and open the order, keyboard only.
  await tabUntil(page, results);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('order-detail');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText(
    `${SURNAME}, Daniel · ${caseNumber}`,
  );
  const history = detail.getByTestId('order-history');
  await expect(history).toContainText('submitted → at_registry (version 1)', { timeout: 20_000 });
  await expect(detail).toContainText('status at_registry');
  // This order was keyed without scanned pages: the viewer says so rather than showing nothing.
  await expect(
    detail.getByTestId('page-viewer').or(detail.getByText('No page images available.')),
  ).toBeVisible();
  await expectAccessible(page, 'order detail (supervisor)');

  // The confidential block stays hidden until asked for; asking is recorded.
  await expect(detail.getByTestId('confidential')).toHaveCount(0);
  const reveal = detail.getByRole('button', { name: 'Show confidential' });
  await expect(reveal).toBeVisible();
  await tabUntil(page, reveal);
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('confidential')).toContainText(PHONE);
  await expectAccessible(page, 'order detail, confidential shown');
  const audit = await page.evaluate(() => window.clerk.audit.listEvents({ limit: 20 }));
  expect(audit.ok).toBe(true);
  const events = (audit as { value: { events: { action: string; outcome: string }[] } }).value
    .events;
  expect(events).toContainEqual(
    expect.objectContaining({ action: 'confidential.view', outcome: 'success' }),
  );

  // The clerk: case number only.
  await signIn(page, 'clerk');
  await openSearch(page);
  await expect(page.getByLabel('Surname')).toHaveCount(0);
  await expect(
    page.getByText('Your role searches the registry by case number only.'),
  ).toBeVisible();
  await expectAccessible(page, 'search (clerk)');
  const byCase = page.getByLabel('Case number');
  await tabUntil(page, byCase);
  await page.keyboard.type(caseNumber);
  await page.keyboard.press('Enter');
  const clerkRow = results.getByRole('option').filter({ hasText: caseNumber });
  await expect(clerkRow).toHaveCount(1);
  await expect(clerkRow.locator('em')).toHaveText(/, registry\)$/, { timeout: 20_000 });
  await expect(clerkRow).toContainText(SURNAME);
  await expect(page.getByText(/Registry not searched/)).toHaveCount(0);
  await expectAccessible(page, 'search results (clerk)');
});
