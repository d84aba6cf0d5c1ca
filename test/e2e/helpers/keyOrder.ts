/**
 * Keying an order fixture through the intake form by keyboard alone, and submitting it: the
 * steps every spec that needs a submitted order shares (intake, sync, CLETS, review).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

import type { OrderTypeEntry } from '../../../src/shared/orders';
import { entryFor } from '../../../src/renderer/features/intake/currentEntries';
import { buildFormSpec } from '../../../src/renderer/features/intake/form/formSpec';
import { orderToValues } from '../../../src/renderer/features/intake/form/toOrder';

import { addProtectedPersons, fillByKeyboard, tabTo } from './keyboardFill';

/** The fixtures are valid as of this moment (see test/fixtures/orders/README.md). */
export const fixtureNow = new Date('2026-12-02T10:00:00-08:00');

/** A fixture order (test/fixtures/orders/<code>.valid.json) as plain JSON. */
export function orderFixture(code: string): Record<string, unknown> {
  const file = path.resolve(__dirname, '../../fixtures/orders', `${code}.valid.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** From the Intake area: types the form number in the picker and opens its form. */
export async function openForm(page: Page, code: string): Promise<void> {
  await page.goto('/#/intake');
  const picker = page.getByRole('combobox', { name: /Order type/ });
  await expect(picker).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${code} ·`) }),
  ).toBeVisible();
}

/** Fills the open form from `order` (a fixture, possibly changed) by keyboard. */
export async function keyOrder(
  page: Page,
  code: string,
  order: Record<string, unknown>,
  now: Date = fixtureNow,
): Promise<{ entry: OrderTypeEntry }> {
  const entry = entryFor(code, now.toISOString());
  if (!entry) throw new Error(`no catalog entry for ${code}`);
  const values: Record<string, unknown> = orderToValues(order);
  if ((order.expiration as { kind: string }).kind !== 'unspecified') {
    values.expirationReason = 'Written on the order';
  }
  const count = Number(values['protected.count'] ?? 0);
  const initial = entry.protected.max === 0 ? 0 : Math.max(entry.protected.min, 1);
  await addProtectedPersons(page, initial, count);
  await fillByKeyboard(page, buildFormSpec(entry), values as never, count);
  return { entry };
}

/** Opens Review (Alt+R), acknowledges conflicts if any, attests and submits. */
export async function reviewAndSubmit(page: Page): Promise<void> {
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

/** The whole counter flow for a fixture: open its form, key it, submit it. */
export async function keyAndSubmit(
  page: Page,
  code: string,
  order: Record<string, unknown> = orderFixture(code),
): Promise<void> {
  await openForm(page, code);
  await keyOrder(page, code, order);
  await reviewAndSubmit(page);
}
