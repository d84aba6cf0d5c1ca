/**
 * Fills a generated order form from a fixture using the keyboard only: Tab from field to
 * field in page order, type text, type-ahead and arrow keys in selects, Space for tick boxes.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

import type { FieldValue, Section } from '../../../src/renderer/features/intake/form/fieldTypes';
import { fieldKeys } from '../../../src/renderer/features/intake/form/formSpec';
import { fieldDomId } from '../../../src/renderer/features/intake/form/FormField';

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The ids of the tab stops in page order, and which one has focus. */
function tabStops(page: Page) {
  return page.evaluate(() => {
    const els = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex]',
      ),
    ].filter(
      (el) =>
        el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0,
    );
    return {
      ids: els.map((el) => el.id),
      active: els.indexOf(document.activeElement as HTMLElement),
    };
  });
}

/** Presses Tab (or Shift+Tab) as many times as the page's tab order says, then checks. */
async function pressTowards(page: Page, id: string, key: 'Tab' | 'Shift+Tab'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if ((await activeId(page)) === id) return;
    const { ids, active } = await tabStops(page);
    const target = ids.indexOf(id);
    if (target < 0) throw new Error(`#${id} is not a tab stop`);
    const steps = key === 'Tab' ? target - active : active - target;
    for (let i = 0; i < Math.max(1, steps); i += 1) await page.keyboard.press(key);
  }
  expect(await activeId(page), `focus should reach #${id}`).toBe(id);
}

/** Presses Tab until the element with `id` has focus. */
export function tabTo(page: Page, id: string): Promise<void> {
  return pressTowards(page, id, 'Tab');
}

/** Presses Shift+Tab until the element with `id` has focus. */
export function shiftTabTo(page: Page, id: string): Promise<void> {
  return pressTowards(page, id, 'Shift+Tab');
}

function fieldOf(sections: readonly Section[], key: string) {
  const generic = key.replace(/^protected\.\d+\./, 'protected.{i}.');
  for (const s of sections) for (const f of s.fields) if (f.key === generic) return f;
  return undefined;
}

async function chooseOption(
  page: Page,
  id: string,
  options: readonly { value: string; label: string }[],
  value: string,
) {
  const target = options.findIndex((o) => o.value === value);
  if (target < 0) throw new Error(`no option ${value} for #${id}`);
  // Type-ahead on the first word (a space would open the list), then arrow keys.
  await page.keyboard.type((options[target]?.label ?? '').split(' ')[0] ?? '');
  const select = page.locator(`#${id}`);
  for (let i = 0; i <= options.length; i += 1) {
    const now = await select.inputValue();
    if (now === value) break;
    const at = options.findIndex((o) => o.value === now);
    await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
  }
  await expect(select).toHaveValue(value);
}

/** Types every value into its field, in page order. */
export async function fillByKeyboard(
  page: Page,
  sections: readonly Section[],
  values: Readonly<Record<string, FieldValue>>,
  protectedCount: number,
): Promise<void> {
  for (const key of fieldKeys(sections, { 'protected.count': protectedCount })) {
    const value = values[key];
    const field = fieldOf(sections, key);
    if (value === undefined || !field || value === '' || value === false) continue;
    const id = fieldDomId(key);
    if (field.kind === 'checkboxes') {
      const wanted = value as readonly string[];
      const inPageOrder = (field.options ?? [])
        .map((o) => o.value)
        .filter((v) => wanted.includes(v));
      for (const option of inPageOrder) {
        await tabTo(page, `${id}-${option}`);
        await page.keyboard.press('Space');
      }
    } else if (field.kind === 'checkbox') {
      await tabTo(page, id);
      await page.keyboard.press('Space');
    } else if (field.kind === 'select') {
      await tabTo(page, id);
      await chooseOption(page, id, field.options ?? [], String(value));
    } else {
      await tabTo(page, id);
      await page.keyboard.type(String(value));
    }
  }
}

/** Adds protected persons with the keyboard until there are `count`, then returns to the top. */
export async function addProtectedPersons(page: Page, from: number, count: number): Promise<void> {
  if (count <= from) return;
  await tabTo(page, 'add-protected');
  for (let n = from; n < count; n += 1) await page.keyboard.press('Enter');
  await shiftTabTo(page, fieldDomId('caseNumber'));
}
