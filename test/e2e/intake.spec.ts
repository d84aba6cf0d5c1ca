import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { entryFor } from '../../src/renderer/features/intake/currentEntries';
import { buildFormSpec } from '../../src/renderer/features/intake/form/formSpec';
import { orderToValues } from '../../src/renderer/features/intake/form/toOrder';
import { orderTypeCodes } from '../../src/shared/orders';

import { expectAccessible } from './helpers/a11y';
import { addProtectedPersons, fillByKeyboard, tabTo } from './helpers/keyboardFill';
import { signIn } from './helpers/signIn';
import { saveScreen } from './helpers/screens';

const fixtures = path.resolve(__dirname, '../fixtures/orders');
// The fixtures are valid as of this moment (see test/fixtures/orders/README.md).
const now = new Date('2026-12-02T10:00:00-08:00');

function fixture(code: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(fixtures, `${code}.valid.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

async function startOrder(page: Page, code: string) {
  await page.clock.setFixedTime(now);
  await signIn(page);
  await page.goto('/#/intake');
  const picker = page.getByRole('combobox', { name: /Order type/ });
  await expect(picker).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${code} ·`) }),
  ).toBeVisible();
}

async function keyFixture(page: Page, code: string) {
  const order = fixture(code);
  const entry = entryFor(code, now.toISOString());
  if (!entry) throw new Error(`no catalog entry for ${code}`);
  const sections = buildFormSpec(entry);
  const values: Record<string, unknown> = orderToValues(order);
  const kind = (order.expiration as { kind: string }).kind;
  if (kind !== 'unspecified') values.expirationReason = 'Written on the order';
  const count = Number(values['protected.count'] ?? 0);
  const initial = entry.protected.max === 0 ? 0 : Math.max(entry.protected.min, 1);
  await addProtectedPersons(page, initial, count);
  await fillByKeyboard(page, sections, values as never, count);
  return { order, entry };
}

async function reviewAndSubmit(page: Page) {
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
  await expect(page.getByTestId('order-status')).toHaveText('Queued — not yet in CLETS');
}

for (const code of orderTypeCodes) {
  test(`${code}: keyed by keyboard from the fixture, submitted and queued`, async ({ page }) => {
    await startOrder(page, code);
    await keyFixture(page, code);
    await reviewAndSubmit(page);
  });
}

test('DV-130 form and review screen: screenshots and accessibility', async ({ page }) => {
  await startOrder(page, 'DV-130');
  await keyFixture(page, 'DV-130');
  await expectAccessible(page, 'DV-130 form');
  await page.locator('main').evaluate((el) => el.scrollTo(0, 0));
  await saveScreen(page, 'dv130-form');
  await page.keyboard.press('Alt+R');
  await expect(page.getByRole('heading', { level: 2, name: /^Review / })).toBeVisible();
  await expect(page.getByTestId('review-derived')).toContainText('CLETS due by');
  await expectAccessible(page, 'DV-130 review');
  await page.locator('main').evaluate((el) => el.scrollTo(0, 0));
  await saveScreen(page, 'dv130-review');
});
