// Scanning through the UI: the host's scanner service runs real scanimage against the SANE
// `test` backend under the workstation's private SANE_CONFIG_DIR (set up through the Devices
// page, never /etc/sane.d), and saned on loopback (with a jam injected on the 4th sheet).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

import { saneStatus } from '../peers/sane/saneNetRelay';
import { startSaned } from '../peers/sane/saneTestPeer';
import type { SanedPeer } from '../peers/sane/saneTestPeer';

import { expectAccessible } from './helpers/a11y';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

test.describe.configure({ mode: 'serial' });

let peer: SanedPeer;
let peerDir = '';

test.beforeAll(async () => {
  peerDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-saned-'));
  peer = await startSaned(peerDir);
});

test.afterAll(async () => {
  await peer?.stop();
  await rm(peerDir, { recursive: true, force: true });
});

const strip = (page: Page): Locator => page.getByTestId('page-strip').locator('li');
const pageIds = (page: Page): Promise<string[]> =>
  strip(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.pageId ?? ''));

async function addScanner(page: Page, name: string, device: string, options = '') {
  await page.getByRole('button', { name: 'Add scanner' }).click();
  const form = page.getByRole('form', { name: 'Add a scanner' });
  await expect(form.getByLabel('Connection')).toBeFocused();
  await form.getByLabel('Scanner name').fill(name);
  await form.getByLabel('SANE device name').fill(device);
  if (options) await form.getByLabel('Extra backend options').fill(options);
  await form.getByRole('button', { name: 'Save scanner' }).click();
  await expect(page.getByTestId(`scanner-row-${name}`)).toBeVisible();
}

test('Devices page: private SANE setup, search on request, scanners, defaults, test scan', async ({
  page,
}) => {
  // Setting scanners up is a supervisor's job; counter clerks scan.
  await signIn(page, 'supervisor');
  await page.goto('/#/devices');
  const section = page.getByTestId('scanners-section');
  await expect(section.getByRole('heading', { name: 'Scanners' })).toBeVisible();

  // Only the test backend first: the clerk's search then lists just its two devices.
  await section.getByLabel('Backends').fill('test');
  await section.getByRole('button', { name: 'Save SANE configuration' }).click();
  await expect(section.getByText('The SANE configuration was saved.')).toBeVisible();
  await section.getByRole('button', { name: 'Find SANE scanners' }).click();
  const found = section.getByTestId('sane-found');
  await expect(found).toContainText('test:0');
  await expect(found).toContainText('test:1');

  await addScanner(page, 'Counter ADF', 'test:0', '--test-picture=Grid');
  // The first scanner becomes the default.
  await expect(page.getByTestId('scanner-row-Counter ADF')).toContainText('Default');

  // saned on loopback through the net backend, with its host in the private net.conf.
  await section.getByLabel('Backends').fill('test net');
  await section.getByLabel('saned hosts (net backend)').fill(peer.host);
  await section.getByRole('button', { name: 'Save SANE configuration' }).click();
  await expect(section.getByText('The SANE configuration was saved.')).toBeVisible();
  await addScanner(page, 'Clerk room saned', peer.device, '--test-picture=Grid');
  await addScanner(page, 'Blank feeder', 'test:1', '--test-picture=Solid white');

  // Gray at 150 dpi keeps the batches quick; blank pages are dropped (undo on the strip).
  const defaults = section.getByRole('form', { name: 'Scan defaults for this workstation' });
  await defaults.getByLabel('Colour').selectOption('gray');
  await defaults.getByLabel('Resolution').selectOption('150');
  await defaults.getByLabel('Drop blank pages (can be undone)').check();
  await defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(defaults.getByText('The scan defaults were saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Test scan on Counter ADF' }).click();
  const outcome = page.getByTestId('test-scan-Counter ADF');
  await expect(outcome).toContainText('Scanner works', { timeout: 30_000 });
  await expect(outcome).toContainText('150 dpi');
  await expect(outcome.getByRole('img', { name: 'Test scan from Counter ADF' })).toBeVisible();

  await expectAccessible(page, 'Devices page with scanners');
  await saveScreen(page, 'devices-scanners');
});

test('scan a batch, reorder and delete pages, attach to a DV-130 draft, reload', async ({
  page,
}) => {
  // Page bytes must cross as binary WebSocket frames, never as base64 text.
  let binaryFrames = 0;
  const longTextFrames: number[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') {
        if (/[A-Za-z0-9+/]{400,}/.test(payload)) longTextFrames.push(payload.length);
      } else binaryFrames += 1;
    }),
  );

  await signIn(page, 'clerk');
  await page.goto('/#/intake');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await page.getByRole('button', { name: 'Scan order' }).click();
  await expect(page).toHaveURL(/#\/intake\/scan\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Scan the signed order' })).toBeVisible();
  const status = page.getByTestId('scan-status');
  await expect(status).toHaveText('Scan finished — 10 pages received.', { timeout: 60_000 });
  await expect(strip(page)).toHaveCount(10);
  expect(binaryFrames).toBeGreaterThanOrEqual(10);
  expect(longTextFrames).toEqual([]);

  const scanned = await pageIds(page);
  expect(new Set(scanned).size).toBe(10);

  // Keyboard: page 3 moves one place earlier with Alt+Up and keeps the focus.
  const third = strip(page).nth(2).getByRole('button');
  await third.click();
  await page.keyboard.press('Alt+ArrowUp');
  const expected = [...scanned];
  [expected[1], expected[2]] = [expected[2] as string, expected[1] as string];
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await expect(strip(page).nth(1).getByRole('button')).toBeFocused();

  // Buttons: page 6 moves later; then page 1 is deleted (and can be undone).
  await strip(page).nth(5).getByRole('button').click();
  await page.getByRole('button', { name: 'Move later' }).click();
  [expected[5], expected[6]] = [expected[6] as string, expected[5] as string];
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await strip(page).nth(0).getByRole('button').click();
  await page.getByRole('button', { name: 'Delete page' }).click();
  await expect.poll(() => pageIds(page)).toEqual(expected.slice(1));
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await strip(page).nth(0).getByRole('button').focus();
  await page.keyboard.press('Delete');
  expected.shift();
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await expect(page.getByTestId('scan-count')).toHaveText('9 pages');

  // R rotates the focused page in main; its new thumbnail replaces the old one.
  const firstImg = strip(page).nth(0).locator('img');
  const before = await firstImg.getAttribute('src');
  await strip(page).nth(0).getByRole('button').focus();
  await page.keyboard.press('r');
  await expect(firstImg).not.toHaveAttribute('src', before ?? '');
  await expect.poll(() => pageIds(page)).toEqual(expected);

  // Rescan and insert: one page from the glass goes in after page 3.
  await strip(page).nth(2).getByRole('button').click();
  await page.getByLabel('Paper from').selectOption('flatbed');
  await page.getByRole('button', { name: 'Scan and insert after page 3' }).click();
  await expect(status).toHaveText('Scan finished — 1 page received.', { timeout: 30_000 });
  await expect(strip(page)).toHaveCount(10);
  const withInsert = await pageIds(page);
  const inserted = withInsert[3] as string;
  expect(scanned).not.toContain(inserted);
  expected.splice(3, 0, inserted);
  expect(withInsert).toEqual(expected);

  await strip(page).nth(3).getByRole('button').click();
  await expectAccessible(page, 'scan-first intake');
  await saveScreen(page, 'scan-batch');

  // Choose the order type: the draft is created and the pages go with it.
  await page.getByRole('combobox', { name: /Order type/ }).fill('DV-130');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^DV-130 ·/ })).toBeVisible();
  await expect(page).toHaveURL(/#\/intake\/draft\//);
  const panel = page.getByRole('complementary', { name: 'Order pages' });
  await expect(panel).toContainText('Page 1 of 10');
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await expectAccessible(page, 'DV-130 form with its pages');

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^DV-130 ·/ })).toBeVisible();
  await expect(strip(page)).toHaveCount(10);
  await expect.poll(() => pageIds(page)).toEqual(expected);
  await expect(panel.getByRole('img', { name: 'Scanned page 1' })).toBeVisible();
  await saveScreen(page, 'scan-draft-pages');
});

test('a jam on the 4th sheet shows "Paper jam" and keeps the 3 pages delivered', async ({
  page,
}) => {
  peer.relay.fault = { atStart: 4, status: saneStatus.jammed };
  try {
    await signIn(page, 'clerk');
    await page.goto(`/#/intake/scan/${crypto.randomUUID()}`);
    await expect(page.getByRole('heading', { name: 'Scan the signed order' })).toBeVisible();
    await page.getByLabel('Scanner', { exact: true }).selectOption({ label: 'Clerk room saned' });
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    const error = page.getByTestId('scan-error');
    await expect(error).toContainText('Paper jam', { timeout: 60_000 });
    await expect(page.getByTestId('scan-status')).toHaveText('Scan stopped — 3 pages received.');
    await expect(strip(page)).toHaveCount(3);
    await expectAccessible(page, 'scan stopped by a jam');
    await saveScreen(page, 'scan-jam');
  } finally {
    peer.relay.fault = null;
  }
});

test('blank pages are dropped from the batch and can be restored', async ({ page }) => {
  await signIn(page, 'clerk');
  await page.goto(`/#/intake/scan/${crypto.randomUUID()}`);
  await page.getByLabel('Scanner', { exact: true }).selectOption({ label: 'Blank feeder' });
  await page.getByRole('button', { name: 'Scan', exact: true }).click();
  const status = page.getByTestId('scan-status');
  await expect(status).toHaveText('Scan finished — 0 pages received, 10 blank dropped.', {
    timeout: 60_000,
  });
  await expect(strip(page)).toHaveCount(0);
  const notice = page.getByTestId('dropped-notice');
  await expect(notice).toContainText('10 blank pages dropped from the batch');
  await expectAccessible(page, 'blank pages dropped');
  await notice.getByRole('button', { name: 'Restore blank pages' }).click();
  await expect(strip(page)).toHaveCount(10);
  await expect(page.getByTestId('scan-count')).toHaveText('10 pages');
  await expect(notice).toHaveCount(0);
});
