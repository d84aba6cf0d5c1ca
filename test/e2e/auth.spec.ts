/**
 * Sign-in, the lock screen, the idle lock and account lockout through the host (issue 9 item 1;
 * docs/security-roles.md). Host-wide state (idle lock, accounts) is restored by each test.
 */
import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { demoUsers as e2eUsers } from '../../src/shared/auth/demoUsers';
import { fieldDomId } from '../../src/renderer/features/intake/form/FormField';

import { expectAccessible } from './helpers/a11y';
import { tabTo } from './helpers/keyboardFill';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const password = (role: string) => e2eUsers.find((u) => u.username === role)?.password ?? '';

/** The sign-in screen, with whoever was signed in signed out. */
async function signedOut(page: Page) {
  await page.goto('/');
  const screen = page.getByTestId('sign-in-screen');
  await expect(
    screen.or(page.getByTestId('session-menu')).or(page.getByTestId('lock-screen')),
  ).toBeVisible();
  if (!(await screen.isVisible())) await page.evaluate(() => window.clerk.auth.signOut({}));
  await expect(screen).toBeVisible();
}

async function typeSignIn(page: Page, username: string, pass: string) {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the sign-in screen shows the use notice and refuses a wrong password, saying how many tries are left', async ({
  page,
}) => {
  await signedOut(page);
  await expect(page.getByTestId('sign-in-screen')).toContainText('monitored and recorded');
  await expectAccessible(page, 'sign-in');
  await typeSignIn(page, 'clerk', 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    /Wrong user name or password\. 4 attempt\(s\) left/,
  );
  await expect(page.getByTestId('session-menu')).toHaveCount(0);
  await typeSignIn(page, 'clerk', password('clerk'));
  await expect(page.getByTestId('session-menu')).toContainText('Counter clerk');
});

test('locking hides every order detail until the password is typed again', async ({ page }) => {
  const name = `Zanzibarova${randomUUID().slice(0, 4)}`;
  await signIn(page, 'clerk');
  await page.goto('/#/intake');
  const picker = page.getByRole('combobox', { name: /Order type/ });
  await expect(picker).toBeFocused();
  await page.keyboard.type('DV-130');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^DV-130 ·/ })).toBeVisible();
  await tabTo(page, fieldDomId('restrained.name.last'));
  await page.keyboard.type(name);
  await expect(page.getByTestId('save-state')).toContainText('Draft saved');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  // Nothing of the app is in the page: not the name, not the form, not the navigation.
  expect(await page.content()).not.toContain(name);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await saveScreen(page, 'lock-screen');
  await expectAccessible(page, 'lock screen');

  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('attempt(s) left');
  expect(await page.content()).not.toContain(name);
  await page.getByLabel('Password').fill(password('clerk'));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator(`#${fieldDomId('restrained.name.last')}`)).toHaveValue(name);
});

test('a supervisor shortens the idle lock; the window then locks by itself', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'supervisor');
  await page.goto('/#/settings');
  await page.getByLabel(/^Minutes/).fill('1');
  await page.getByRole('button', { name: 'Save idle lock' }).click();
  await expect(page.getByTestId('idle-lock-minutes')).toHaveText(
    'Locks after 1 minutes without use',
  );
  await page.clock.runFor(59_000);
  await expect(page.getByTestId('security-settings')).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(page.getByTestId('lock-screen')).toContainText('Locked after a period without use');
  await page.getByLabel('Password').fill(password('supervisor'));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByLabel(/^Minutes/).fill('5');
  await page.getByRole('button', { name: 'Save idle lock' }).click();
  await expect(page.getByTestId('idle-lock-minutes')).toHaveText(
    'Locks after 5 minutes without use',
  );
});

test('an administrator adds an account; 5 wrong passwords lock it until the administrator releases it', async ({
  page,
}) => {
  const username = `temp.${randomUUID().slice(0, 6)}`;
  const first = 'first-password-1';
  await signIn(page, 'admin');
  await page.goto('/#/settings');
  const accounts = page.getByTestId('accounts');
  await accounts.getByLabel('User name', { exact: true }).fill(username);
  await accounts.getByLabel('Name', { exact: true }).fill('Temp Clerk');
  await accounts.getByLabel('First password').fill(first);
  await accounts.getByRole('button', { name: 'Add account' }).click();
  await expect(accounts).toContainText(`Account ${username} created.`);
  await expectAccessible(page, 'settings with accounts');

  await signedOut(page);
  const error = page.getByTestId('sign-in-error');
  for (let left = 4; left >= 1; left -= 1) {
    await typeSignIn(page, username, 'wrong-password');
    await expect(error).toContainText(`${left} attempt(s) left`);
  }
  await typeSignIn(page, username, 'wrong-password');
  await expect(error).toContainText('now locked for 10 minutes');
  await typeSignIn(page, username, first);
  await expect(error).toContainText('locked after 5 failed sign-ins');

  await typeSignIn(page, 'admin', password('admin'));
  await expect(page.getByTestId('session-menu')).toBeVisible();
  await page.goto('/#/settings');
  await page.getByRole('button', { name: `Release lock for ${username}` }).click();
  await expect(page.getByTestId('accounts')).toContainText(`${username} may sign in again.`);
  await signedOut(page);
  await typeSignIn(page, username, first);
  await expect(page.getByTestId('session-menu')).toContainText('Temp Clerk');
});
