import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { entryFor } from '../../src/renderer/features/intake/currentEntries';
import { fieldDomId } from '../../src/renderer/features/intake/form/FormField';
import { buildFormSpec } from '../../src/renderer/features/intake/form/formSpec';
import { orderToValues } from '../../src/renderer/features/intake/form/toOrder';
import { personPayload } from '../fixtures/aamva/generator';

import { addProtectedPersons, fillByKeyboard, tabTo } from './helpers/keyboardFill';
import { signIn } from './helpers/signIn';

const now = new Date('2026-12-02T10:00:00-08:00');
const field = (page: Page, key: string) => page.locator(`#${fieldDomId(key)}`);

async function startOrder(page: Page, code: string) {
  await page.clock.setFixedTime(now);
  await signIn(page);
  await page.goto('/#/intake');
  await expect(page.getByRole('combobox', { name: /Order type/ })).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${code} ·`) }),
  ).toBeVisible();
  // Keying starts once the first field has focus (it moves there as the form mounts).
  await expect(field(page, 'caseNumber')).toBeFocused();
}

test('an invalid entry shows messages at its fields and cannot reach review', async ({ page }) => {
  await startOrder(page, 'DV-130');
  await tabTo(page, fieldDomId('restrained.height.feet'));
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('heavy');
  await page.keyboard.press('Alt+R');

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Case number is required.');
  await expect(summary).toContainText('Height must be feet and inches, e.g. 5 ft 10 in');
  await expect(summary).toContainText('Weight must be');
  // Focus jumps to the first error, which is tied to its field for screen readers.
  await expect(field(page, 'caseNumber')).toBeFocused();
  await expect(field(page, 'caseNumber')).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await field(page, 'restrained.weight').getAttribute('aria-describedby');
  expect(describedBy).toContain(`${fieldDomId('restrained.weight')}-error`);
  await expect(page.locator(`#${fieldDomId('restrained.weight')}-error`)).toContainText('Weight');
  await expect(page.getByRole('heading', { name: /^Review / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit to registry' })).toHaveCount(0);
});

test('a reload mid-entry keeps the draft intact', async ({ page }) => {
  await startOrder(page, 'DV-130');
  await page.keyboard.type('26FL009999');
  await tabTo(page, fieldDomId('restrained.name.last'));
  await page.keyboard.type('Okafor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Chidi');
  await expect(page.getByTestId('save-state')).toContainText('Draft saved');
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(field(page, 'caseNumber')).toHaveValue('26FL009999');
  await expect(field(page, 'restrained.name.last')).toHaveValue('Okafor');
  await expect(field(page, 'restrained.name.first')).toHaveValue('Chidi');
  // The drafts list shows it with its owner and type.
  await page.goto('/#/intake');
  await expect(page.getByTestId('drafts')).toContainText('DV-130');
});

test('a licence scanned by a keyboard-wedge reader fills the restrained person', async ({
  page,
}) => {
  await startOrder(page, 'DV-130');
  await tabTo(page, fieldDomId('restrained.name.last'));
  const payload = personPayload(
    {
      country: 'USA',
      family: 'MORALES',
      given: 'DANIEL',
      middle: 'JOSE',
      suffix: null,
      dob: '1984-03-09',
      expires: '2029-03-09',
      issued: '2024-03-09',
      sex: 'M',
      eyes: 'BRO',
      hair: 'BLK',
      heightInches: 70,
      weight: 185,
      street: '1420 ELM ST',
      city: 'SACRAMENTO',
      state: 'CA',
      postal: '95814',
      licenceNumber: 'D1234567',
    },
    { version: 10, iin: '636014', jurisdictionVersion: 1 },
  );
  // A reader in keyboard mode sends CR and LF as Enter and drops the record separator.
  const recordSeparator = String.fromCharCode(0x1e);
  await page.keyboard.type(payload.split(recordSeparator).join('').replace(/\r/g, '\n'));
  await expect(page.getByTestId('licence-result')).toContainText(
    "Filled from the driver's licence",
  );
  await expect(field(page, 'restrained.name.last')).toHaveValue('MORALES');
  await expect(field(page, 'restrained.name.first')).toHaveValue('DANIEL');
  await expect(field(page, 'restrained.dob')).toHaveValue('1984-03-09');
  await expect(field(page, 'restrained.sex')).toHaveValue('M');
  await expect(field(page, 'restrained.eye')).toHaveValue('BRO');
  await expect(field(page, 'restrained.height.feet')).toHaveValue('5');
  await expect(field(page, 'restrained.height.inches')).toHaveValue('10');
  await expect(field(page, 'restrained.weight')).toHaveValue('185');
  await expect(field(page, 'restrained.licence.number')).toHaveValue('D1234567');
  await expect(field(page, 'restrained.address.city')).toHaveValue('SACRAMENTO');
});

test('an existing order for the same person is shown as a conflict before submit', async ({
  page,
}) => {
  const order = JSON.parse(
    readFileSync(path.resolve(__dirname, '../fixtures/orders/CH-130.valid.json'), 'utf8'),
  ) as Record<string, unknown>;
  const entry = entryFor('CH-130', now.toISOString());
  if (!entry) throw new Error('CH-130 missing');
  const values: Record<string, unknown> = orderToValues(order);
  const keyIt = async () => {
    await startOrder(page, 'CH-130');
    await addProtectedPersons(page, 1, Number(values['protected.count']));
    await fillByKeyboard(
      page,
      buildFormSpec(entry),
      values as never,
      Number(values['protected.count']),
    );
    await page.keyboard.press('Alt+R');
    await expect(page.getByTestId('conflicts')).not.toContainText('Checking');
  };
  await keyIt();
  await tabTo(page, 'attest');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Submit to registry' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-status')).toHaveText('Queued — not yet in CLETS');

  await keyIt();
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText('CH-130');
  await expect(conflicts).toContainText('restrained person: same name and date of birth');
  await expect(page.getByTestId('priority')).toContainText(/Enforcement priority/);
  const submit = page.getByRole('button', { name: 'Submit to registry' });
  await tabTo(page, 'attest');
  await page.keyboard.press('Space');
  await expect(submit).toBeDisabled();
  await tabTo(page, 'ack-conflicts');
  await page.keyboard.press('Space');
  await expect(submit).toBeEnabled();
});
