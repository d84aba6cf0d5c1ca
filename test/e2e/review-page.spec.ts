/**
 * The supervisor's Review page through the host (issue 9 §2), with the registry down (the host
 * is told of a registry on E2E_REGISTRY_PORT that nobody starts here): a supervisor reaches
 * the page by keyboard and is told honestly that review needs the registry; a clerk is told
 * the page is for supervisors. Every page visited passes axe.
 *
 * Run: E2E_PORT=4731 E2E_REGISTRY_PORT=4732 npx playwright test test/e2e/review-page.spec.ts
 */
import { expect, test } from '@playwright/test';

import { expectAccessible } from './helpers/a11y';
import { signIn } from './helpers/signIn';

const NOW = new Date('2026-12-02T10:00:00-08:00');

test('a supervisor reaches Review with Alt+5 and sees that it needs the registry', async ({
  page,
}) => {
  await signIn(page, 'supervisor');
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeFocused();

  await expect(page.getByLabel('Court day')).toHaveValue('2026-12-02');
  const notice = page.getByTestId('review-unavailable');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toHaveText(/^Review needs the registry: \S/);
  // Nothing pretends to be the day: no table, and no report without it.
  await expect(page.getByRole('table', { name: /^Submissions:/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download report (PDF)' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Download report (CSV)' })).toBeDisabled();
  await expect(page.getByText('Supervisors only.')).toHaveCount(0);
  await expect(page.getByTestId('deadlines-panel')).toBeVisible();
  await expectAccessible(page, 'review (registry down)');

  // The court day is typed with the keyboard and asked for again.
  await page.getByLabel('Court day').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Court day')).not.toHaveValue('2026-12-02');
  await expect(notice).toBeVisible();
});

test('a clerk sees that Review is for supervisors', async ({ page }) => {
  await signIn(page, 'clerk');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeFocused();
  await expect(page.getByText('Supervisors only.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download report (PDF)' })).toHaveCount(0);
  await expectAccessible(page, 'review (clerk)');
});
