import http from 'node:http';

import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';

import { expectAccessible } from './helpers/a11y';
import { saveScreen } from './helpers/screens';
import { signIn } from './helpers/signIn';

const port = Number(process.env.E2E_PORT ?? 4555);

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the shell renders a real round trip through the contract', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveText('Browser host (loopback)');
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+$/);
  await expect(page.getByTestId('app-data-dir')).toContainText('ccpor-e2e-');

  const status = page.getByTestId('status-bar');
  await expect(status).toContainText('Registry');
  await expect(status).not.toContainText('Checking');

  await expectAccessible(page, 'settings');
  await page.goto('/#/intake');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await expectAccessible(page, 'intake');
  await saveScreen(page, 'shell');

  // Nothing is loaded from outside the app.
  const outside = requests.filter((u) => !u.startsWith(`http://127.0.0.1:${port}/`));
  expect(outside).toEqual([]);
});

test('the keyboard reaches every area', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  const heading = page.getByRole('heading', { level: 1, name: 'Settings' });
  await expect(heading).toBeFocused();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeFocused();
  await expect(page.getByRole('link', { name: /Search/ })).toHaveAttribute('aria-current', 'page');
  // The skip link is the first tab stop.
  await page.goto('/#/orders');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
});

test('main refuses invalid input with a clear error', async ({ page }) => {
  await page.goto('/');
  const result = await page.evaluate(() =>
    (window.clerk.app.getInfo as (i: unknown) => Promise<unknown>)({ bogus: 1 }),
  );
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', message: expect.stringMatching(/app:get-info was refused/) },
  });
});

test('a WebSocket without the token is refused', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/__host/ws`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => reject(new Error('the socket opened without a token')));
    ws.once('error', () => {});
  });
  expect(status).toBe(401);
});

test('a request addressed to a non-loopback host is refused', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    http
      .get(
        { host: '127.0.0.1', port, path: '/', headers: { Host: `intranet.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
      .on('error', reject);
  });
  expect(status).toBe(403);
});
