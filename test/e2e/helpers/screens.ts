import path from 'node:path';

import type { Page } from '@playwright/test';

/** Screenshots kept for people to look at: test-results/screens/<name>.png. */
export async function saveScreen(page: Page, name: string): Promise<string> {
  const file = path.join('test-results', 'screens', `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
