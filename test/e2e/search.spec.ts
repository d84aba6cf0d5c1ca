/**
 * The Search page through the host (issue 9 §3) with a real registry (child process, PGlite)
 * whose accounts match the e2e users, so main opens each user's registry session at sign-in.
 * A clerk keys and submits DV-110 (restrained surname Castellanos) and waits until it is at the
 * registry. A supervisor reaches Search with Alt+3, types the surname with a letter missing,
 * sees the order labelled by where it was found, opens it by keyboard, sees its registry
 * history and page images (or the honest "no image" line), and reveals the confidential block
 * (recorded in the audit trail). A clerk is offered the case number only, and finds it so.
 * An order keyed on another workstation of the court (a second enrolled device pushing straight
 * to the registry, with two scanned pages) opens here with its page images from the registry,
 * paged by keyboard. Every state visited passes axe.
 *
 * Run: E2E_PORT=4711 E2E_REGISTRY_PORT=4712 npx playwright test test/e2e/search.spec.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

import sharp from 'sharp';

import { RegistryClient } from '../../src/registry/client/registryClient';
import { makeOrder, mutation } from '../integration/registry/fixtures';
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

test('an order keyed on another workstation shows its signed pages from the registry', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(fixtureNow);
  // Another workstation of the court: enrolled, uploads two scanned pages, files the order.
  const baseUrl = `http://127.0.0.1:${registryPort}/`;
  const enrolment = await new RegistryClient({ baseUrl, timeoutMs: 20_000 }).enrol(
    'e2e-registry-admin-code',
    'CA034999J',
    'chambers workstation',
  );
  const other = new RegistryClient({
    baseUrl,
    credential: enrolment.credential,
    timeoutMs: 20_000,
  });
  // Two pages of different sizes, so the test can tell which one is shown.
  const sizes = [
    { width: 170, height: 220 },
    { width: 190, height: 240 },
  ];
  const pages = [];
  for (const [i, size] of sizes.entries()) {
    const png = await sharp({ create: { ...size, channels: 3, background: '#f4f1e8' } })
      .png()
      .toBuffer();
    const up = await other.uploadPage(new Uint8Array(png));
    pages.push({ sha256: up.sha256, position: i, mime: 'image/png' });
  }
  const order = makeOrder(1, { tag: 4791, last: 'Whitcombe', first: 'Iris' });
  const caseNumber = order.caseNumber as string;
  const pushed = await other.push([
    await mutation(enrolment.deviceId, 1, 'order.submit', { order, pages }),
  ]);
  expect(pushed.results[0]?.outcome).toBe('applied');

  await signIn(page, 'supervisor');
  await openSearch(page);
  const byCase = page.getByLabel('Case number');
  await tabUntil(page, byCase);
  await page.keyboard.type(caseNumber);
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const row = results.getByRole('option').filter({ hasText: 'Whitcombe' });
  await expect(row.locator('em')).toHaveText(/registry\)$/, { timeout: 20_000 });
  await tabUntil(page, results);
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('order-detail');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText(
    `Whitcombe, Iris · ${caseNumber}`,
  );

  // Page 1 of 2 from the registry, then page 2 by keyboard on the viewer.
  const viewer = detail.getByTestId('page-viewer');
  await expect(viewer.getByTestId('page-viewer-position')).toHaveText('Page 1 of 2', {
    timeout: 20_000,
  });
  const shown = viewer.getByRole('img', { name: 'Page 1 of 2' });
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(170);
  await expectAccessible(page, 'order detail with registry pages');
  await tabUntil(page, viewer);
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('page-viewer-position')).toHaveText('Page 2 of 2');
  const second = viewer.getByRole('img', { name: 'Page 2 of 2' });
  await expect(second).toBeVisible();
  expect(await second.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(190);
  await page.keyboard.press('Home');
  await expect(viewer.getByRole('img', { name: 'Page 1 of 2' })).toBeVisible();
});
