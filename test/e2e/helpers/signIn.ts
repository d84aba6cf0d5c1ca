/**
 * Signs the e2e host in as one of the seeded accounts (the host runs with CLERK_E2E=1, which
 * seeds clerk, courtroom, supervisor and admin; src/shared/auth/demoUsers.ts).
 *
 * The session lives in main and outlasts a page, so this always starts a fresh one (signing
 * out whoever is in), then leaves the page on about:blank: the spec's own `page.goto` then
 * loads the app fresh, already signed in.
 */
import { expect, test, type Page } from '@playwright/test';

import { demoUsers as e2eUsers } from '../../../src/shared/auth/demoUsers';
import type { Role } from '../../../src/shared/auth/roles';

export async function signIn(page: Page, role: Role = 'clerk'): Promise<void> {
  const user = e2eUsers.find((u) => u.username === role);
  if (!user) throw new Error(`no e2e account for ${role}`);
  await page.goto('/');
  const signInScreen = page.getByTestId('sign-in-screen');
  const inside = page.getByTestId('session-menu').or(page.getByTestId('lock-screen'));
  try {
    await expect(signInScreen.or(inside)).toBeVisible({ timeout: 20_000 });
  } catch (error) {
    // What the page showed instead (e.g. "The workstation did not answer: …").
    await test
      .info()
      .attach('page-at-sign-in', { body: await page.content(), contentType: 'text/html' });
    throw error;
  }
  if (await inside.isVisible()) {
    await page.evaluate(() => window.clerk.auth.signOut({}));
    await expect(signInScreen).toBeVisible();
  }
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-menu')).toBeVisible({ timeout: 20_000 });
  await page.goto('about:blank');
}
