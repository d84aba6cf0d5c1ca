import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { orderTypeCodes } from '../../src/shared/orders';

import { expectAccessible } from './helpers/a11y';
import { fixtureNow, keyOrder, openForm, orderFixture, reviewAndSubmit } from './helpers/keyOrder';
import { signIn } from './helpers/signIn';
import { saveScreen } from './helpers/screens';

async function startOrder(page: Page, code: string) {
  await page.clock.setFixedTime(fixtureNow);
  await signIn(page);
  await openForm(page, code);
}

for (const code of orderTypeCodes) {
  test(`${code}: keyed by keyboard from the fixture, submitted and queued`, async ({ page }) => {
    await startOrder(page, code);
    await keyOrder(page, code, orderFixture(code));
    await reviewAndSubmit(page);
    await expect(page.getByTestId('order-status')).toHaveText('Queued — not yet in CLETS');
  });
}

test('DV-130 form and review screen: screenshots and accessibility', async ({ page }) => {
  await startOrder(page, 'DV-130');
  await keyOrder(page, 'DV-130', orderFixture('DV-130'));
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
