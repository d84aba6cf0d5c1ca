// @vitest-environment happy-dom
/**
 * "Print again" in an order's print records, against a fake `window.clerk.print` (main's
 * answers) and a real Dexie (fake-indexeddb): offered only for a print that did not print and
 * was not printed again; it rebuilds the packet from the stored pages with the record's
 * recipient, copies, cover sheet, sides and paper, and sends it with `retryOf`.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import { PrintRecords } from '../../../../src/renderer/features/print/service/PrintRecords';
import type { PrintPacketsInput } from '../../../../src/shared/ipc/contracts/print';
import type { PrintJob, PrintRecordView } from '../../../../src/shared/printing/jobs';

const order = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../fixtures/orders/DV-110.valid.json'), 'utf8'),
) as Record<string, unknown> & { id: string; caseNumber: string };

const row: OrderRow = {
  id: order.id,
  orderType: 'DV-110',
  caseNumber: order.caseNumber,
  status: 'at-registry',
  updatedAt: '2026-12-02T17:00:00.000Z',
  courtroom: 'Dept 3',
  submittedAt: '2026-12-02T17:00:00.000Z',
  order,
};
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 0xff, 0xd9]);

const base: PrintRecordView = {
  jobId: 'jam-1',
  kind: 'service-copy',
  at: '2026-12-02T17:10:00.000Z',
  printedBy: 'ct.lee',
  orderId: order.id,
  caseNumber: order.caseNumber,
  orderTypeCode: 'DV-110',
  recipient: { kind: 'law-enforcement', name: 'Sacramento County Sheriff' },
  copies: 3,
  pageCount: 2,
  printerId: 'dept-3',
  printerName: 'Dept 3 printer',
  printerJobId: 12,
  outcome: 'aborted',
  endedAt: '2026-12-02T17:11:00.000Z',
  detail: 'Paper jam. Clear the jam, then retry.',
  retryOf: null,
  coverSheet: false,
  sides: 'two-sided-long-edge',
  media: 'na_legal_8.5x14in',
  retriedBy: null,
};

let records: PrintRecordView[];
let sent: PrintPacketsInput[];
const jobs: (readonly PrintJob[])[] = [];

function fakePrint() {
  return {
    listRecords: () => Promise.resolve({ ok: true, value: records }),
    printPackets: (input: PrintPacketsInput) => {
      sent.push(input);
      const job = { id: 'again-1', retryOf: input.retryOf ?? null } as PrintJob;
      // Main now links the two records.
      records = [
        { ...base, jobId: 'again-1', outcome: 'requested', retryOf: 'jam-1', endedAt: null },
        ...records.map((r) => (r.jobId === 'jam-1' ? { ...r, retriedBy: 'again-1' } : r)),
      ];
      return Promise.resolve({ ok: true, value: { jobs: [job] } });
    },
  };
}

const db = new ClerkDb('print-again-ui');
beforeAll(async () => {
  await db.orders.put(row);
  await db.pages.put({
    id: 'p0',
    ownerId: order.id,
    position: 0,
    mime: 'image/jpeg',
    // fake-indexeddb clones with Node's structuredClone, which keeps only Node Blobs whole
    // (as Chromium's IndexedDB keeps its own).
    bytes: new NodeBlob([jpeg]) as unknown as Blob,
    width: 850,
    height: 1100,
    dpi: 100,
    sha256: '',
  });
  useDatabaseForTests(db);
});
afterAll(async () => {
  db.close();
  await db.delete();
});
beforeEach(() => {
  sent = [];
  jobs.length = 0;
  (window as unknown as { clerk: unknown }).clerk = { print: fakePrint() };
});
afterEach(cleanup);

const show = () => render(<PrintRecords row={row} refreshKey="" onJobs={(j) => jobs.push(j)} />);

describe('Print again in the print records', () => {
  it('is offered only for prints that did not print and were not printed again', async () => {
    records = [
      { ...base, jobId: 'ok', outcome: 'completed' },
      { ...base, jobId: 'running', outcome: 'submitted' },
      { ...base, jobId: 'done-again', outcome: 'failed', retriedBy: 'x' },
      { ...base, jobId: 'test', kind: 'test-page', recipient: null, outcome: 'failed' },
      { ...base, jobId: 'lost', outcome: 'unknown' },
      base,
    ];
    show();
    const table = await screen.findByTestId('print-records');
    const buttons = within(table).getAllByRole('button', { name: /^Print again/ });
    expect(buttons.map((b) => b.closest('tr')?.getAttribute('data-job'))).toEqual([
      'lost',
      'jam-1',
    ]);
    const doneAgain = table.querySelector('tr[data-job="done-again"]');
    expect(doneAgain?.textContent).toContain('Printed again');
  });

  it('rebuilds the packet from the stored pages as recorded and links it to the failed print', async () => {
    records = [base];
    show();
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Print again for Law enforcement — Sacramento County Sheriff, 3 copies',
      }),
    );
    await screen.findByText(
      'Sent again to Dept 3 printer for Law enforcement — Sacramento County Sheriff.',
    );
    expect(sent).toHaveLength(1);
    const input = sent[0];
    expect(input).toMatchObject({
      printerId: 'dept-3',
      recipients: [{ recipient: base.recipient, copies: 3 }],
      coverSheet: false,
      sides: 'two-sided-long-edge',
      media: 'na_legal_8.5x14in',
      retryOf: 'jam-1',
      order: { id: order.id, caseNumber: order.caseNumber },
    });
    // The order's stored page, as raw bytes (never base64).
    const page = input?.order.pages[0];
    expect(new Uint8Array(page?.bytes as ArrayBuffer)).toEqual(jpeg);
    expect(jobs).toEqual([[{ id: 'again-1', retryOf: 'jam-1' }]]);
    // The records are read again: the failed one says it was printed again, with no button.
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Print again/ })).toBeNull());
    const old = screen.getByTestId('print-records').querySelector('tr[data-job="jam-1"]');
    expect(old?.textContent).toContain('Printed again');
  });

  it('uses the queue’s defaults for a record from before cover sheet, sides and paper were kept', async () => {
    const { coverSheet: _c, sides: _s, media: _m, ...old } = base;
    records = [old];
    show();
    fireEvent.click(await screen.findByRole('button', { name: /^Print again/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.coverSheet).toBe(true);
    expect(sent[0]).not.toHaveProperty('sides');
    expect(sent[0]).not.toHaveProperty('media');
  });

  it('shows main’s refusal and keeps the record as it was', async () => {
    records = [base];
    (window as unknown as { clerk: unknown }).clerk = {
      print: {
        ...fakePrint(),
        printPackets: () =>
          Promise.resolve({
            ok: false,
            error: { code: 'conflict', message: 'This print was already printed again.' },
          }),
      },
    };
    show();
    fireEvent.click(await screen.findByRole('button', { name: /^Print again/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not sent again: This print was already printed again.',
    );
    expect(jobs).toEqual([]);
    expect(screen.getByRole('button', { name: /^Print again/ })).toBeTruthy();
  });
});
