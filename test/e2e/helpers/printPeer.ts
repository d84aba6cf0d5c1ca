/**
 * Print e2e helpers: orders seeded into the renderer's IndexedDB (the same 'ccpor-clerk'
 * database the app uses) with real scanned-looking page images, and reads of the outbox.
 * The printer itself is the real ippeveprinter from test/peers/print.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { grayJpegPage } from '../../peers/print/fixtures';

export type SeedOrder = {
  readonly code: string;
  readonly courtroom: string;
  /** UTC ISO, as intake stores it. */
  readonly submittedAt: string;
  /** Changes to the fixture (dates, service). */
  readonly changes?: Record<string, unknown>;
  /** Number of gray JPEG pages to attach. */
  readonly pages?: number;
};

type Order = Record<string, unknown> & { id: string; caseNumber: string };

/** The valid fixture of an order type (test/fixtures/orders). */
export function orderFixture(code: string): Order {
  const file = path.resolve(__dirname, `../../fixtures/orders/${code}.valid.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Order;
}

/**
 * Writes orders (and their pages) into the app's database. The page must already show a screen
 * that opened the database (so its schema exists); reload afterwards, as Dexie's live queries
 * do not see writes made outside Dexie.
 */
export async function seedOrders(page: Page, seeds: readonly SeedOrder[]): Promise<Order[]> {
  const orders: Order[] = [];
  const rows = [];
  for (const s of seeds) {
    const order = { ...orderFixture(s.code), ...(s.changes ?? {}) };
    orders.push(order);
    const pages = [];
    for (let i = 0; i < (s.pages ?? 0); i += 1) {
      const p = await grayJpegPage({ text: `${s.code} signed order page ${i + 1}`, dpi: 50 });
      pages.push({
        id: `${order.id}-p${i}`,
        ownerId: order.id,
        position: i,
        mime: p.mime,
        bytes: [...p.bytes],
        width: p.width,
        height: p.height,
        dpi: p.dpi,
        sha256: '',
      });
    }
    rows.push({
      row: {
        id: order.id,
        orderType: s.code,
        caseNumber: order.caseNumber,
        status: 'queued',
        updatedAt: s.submittedAt,
        courtroom: s.courtroom,
        submittedAt: s.submittedAt,
        order,
      },
      pages,
    });
  }
  await page.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ccpor-clerk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['orders', 'pages'], 'readwrite');
    for (const { row, pages } of items) {
      tx.objectStore('orders').put(row);
      for (const p of pages) {
        const bytes = new Blob([new Uint8Array(p.bytes)], { type: p.mime });
        tx.objectStore('pages').put({ ...p, bytes });
      }
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
  return orders;
}

/** The outbox rows of one order, straight from IndexedDB. */
export function outboxOf(page: Page, orderId: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ccpor-clerk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').index('orderId').getAll(id);
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all;
  }, orderId);
}

/**
 * Signs the workstation in as one of the e2e accounts the host seeds with CLERK_E2E=1
 * (src/shared/auth/demoUsers.ts: user name = role), through the same `window.clerk` the app uses,
 * then reloads so the app starts signed in. A build without sign-in is left as it is.
 */
export async function signInAs(
  page: Page,
  role: 'clerk' | 'courtroom' | 'supervisor' | 'admin',
): Promise<void> {
  const outcome = await page.evaluate(
    async ([username, password]) => {
      const api = (window as unknown as { clerk: Record<string, Record<string, unknown>> }).clerk;
      const signIn = api.auth?.signIn as
        ((input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>) | undefined;
      if (!signIn) return 'no sign-in in this build';
      const result = await signIn({ username, password });
      return result.ok ? 'signed in' : (result.error?.message ?? 'refused');
    },
    [role, `${role}-e2e-pass`] as const,
  );
  if (outcome !== 'signed in' && outcome !== 'no sign-in in this build') {
    throw new Error(`Signing in as ${role} failed: ${outcome}`);
  }
  await page.reload();
}
