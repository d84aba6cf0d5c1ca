/**
 * Service copies end to end through the host: a real ippeveprinter set up on the Devices page,
 * the courtroom print queue printing several orders for two recipients, a paper jam retried,
 * and personal service recorded into the order and its registry outbox.
 */
import { expect, test } from '@playwright/test';

import { startIppPrinter } from '../peers/print/ippPrinterPeer';
import type { IppPrinterPeer } from '../peers/print/ippPrinterPeer';

import { expectAccessible } from './helpers/a11y';
import { orderFixture, outboxOf, seedOrders, signInAs } from './helpers/printPeer';
import { saveScreen } from './helpers/screens';

test.describe.configure({ mode: 'serial' });

// The order fixtures are valid as of this moment (test/fixtures/orders/README.md).
const now = new Date('2026-12-02T10:00:00-08:00');
const printerName = 'Dept 12 — Courtroom printer';
const printerId = 'dept-12-courtroom-printer';
let printer: IppPrinterPeer;

test.beforeAll(async () => {
  printer = await startIppPrinter({ name: 'ccpor-e2e' });
});
test.afterAll(async () => {
  await printer?.stop();
});

const serviceCopies = () =>
  printer.captured().filter((c) => (c.attrs.IPP_JOB_NAME ?? '').includes('service copy'));

test('Devices: a courtroom printer is added, checked, test-printed and edited; a spare is deleted', async ({
  page,
}) => {
  await page.clock.setFixedTime(now);
  await page.goto('/#/devices');
  // Setting printers up is a supervisor's job.
  await signInAs(page, 'supervisor');
  const section = page.getByRole('region', { name: 'Printers' });
  await expect(section.getByText('No printers are set up')).toBeVisible();
  await expectAccessible(page, 'Devices, no printers');

  // Keyed by keyboard: name, courtroom, (id follows the name), connection, address.
  await section.getByRole('button', { name: 'Add printer' }).click();
  await expect(page.getByLabel('Printer name')).toBeFocused();
  await page.keyboard.type(printerName);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dept 12');
  await expect(page.getByLabel('Printer id')).toHaveValue(printerId);
  await page.getByLabel('Printer address').focus();
  await page.keyboard.type('http://10.1.2.3/ipp/print');
  await page.keyboard.press('Enter');
  // Main refuses it; its message is shown on the field.
  const summary = page.getByRole('alert').filter({ hasText: 'The printer was not saved' });
  await expect(summary).toContainText('Give the printer address as ipp://host:port/path.');
  await expect(page.getByLabel('Printer address')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'printer form with an error');

  await page.getByLabel('Printer address').fill(printer.uri);
  await page.keyboard.press('Enter');
  const row = page.getByTestId(`printer-row-${printerId}`);
  await expect(row).toContainText(printerName);
  await expect(row).toContainText('Dept 12');
  await expect(row).toContainText(printer.uri);
  await expect(section.getByRole('button', { name: 'Add printer' })).toBeFocused();

  await row.getByRole('button', { name: `Check ${printerName}` }).click();
  await expect(page.getByTestId(`printer-check-${printerId}`)).toHaveText('Ready.');

  await row.getByRole('button', { name: `Print a test page on ${printerName}` }).click();
  await expect(page.getByTestId(`test-page-${printerId}`)).toContainText('Printed', {
    timeout: 30_000,
  });
  expect(printer.captured().map((c) => c.attrs.IPP_JOB_NAME)).toEqual([`Test page ${printerName}`]);

  // Service copies for this courtroom print on both sides from now on.
  await row.getByRole('button', { name: `Edit ${printerName}` }).click();
  await expect(page.getByLabel('Printer id')).toHaveAttribute('readonly', '');
  await page.getByLabel('Sides').selectOption('two-sided-long-edge');
  await page.getByRole('button', { name: 'Save printer' }).click();
  await expect(row).toContainText('Two-sided (book)');

  // A second printer may not take the same name; a spare CUPS queue is added, then deleted.
  await section.getByRole('button', { name: 'Add printer' }).click();
  await page.keyboard.type(printerName);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dept 4');
  await page.getByLabel('Connection').selectOption('cups');
  await page.getByLabel('CUPS queue').fill('spare');
  await page.getByRole('button', { name: 'Save printer' }).click();
  await expect(page.locator('#printer-name-error')).toHaveText('This name is taken.');
  await expect(page.getByRole('alert')).toContainText(
    `Another printer is already called "${printerName}"; choose a different name.`,
  );
  await page.getByLabel('Printer name').fill('Spare printer');
  await page.getByLabel('Printer id').fill('spare');
  await page.getByRole('button', { name: 'Save printer' }).click();
  const spare = page.getByTestId('printer-row-spare');
  await expect(spare).toContainText('CUPS');
  await spare.getByRole('button', { name: 'Delete Spare printer' }).click();
  await expect(spare.getByRole('button', { name: 'Keep' })).toBeFocused();
  await spare.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(spare).toHaveCount(0);
  await expect(row).toBeVisible();
  await expectAccessible(page, 'Devices with a printer');
  await saveScreen(page, 'devices-printers');
});

test('Print queue: two orders for two recipients, a paper jam retried, personal service recorded', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(now);
  await page.goto('/#/print');
  await signInAs(page, 'courtroom');
  await expect(page.getByTestId('queue-empty')).toBeVisible();

  const tro = orderFixture('DV-110');
  const [dv110, ch110, cr160, ea110] = await seedOrders(page, [
    {
      code: 'DV-110',
      courtroom: 'Dept 12',
      submittedAt: '2026-12-02T16:50:00.000Z',
      pages: 2,
      changes: {
        issuedAt: '2026-12-02T08:45:00-08:00',
        hearingAt: '2026-12-22T08:30:00-08:00',
        service: { method: 'not-served' },
      },
    },
    { code: 'CH-110', courtroom: 'Dept 12', submittedAt: '2026-12-02T17:20:00.000Z' },
    { code: 'CR-160', courtroom: 'Dept 4', submittedAt: '2026-12-02T17:05:00.000Z' },
    { code: 'EA-110', courtroom: 'Dept 12', submittedAt: '2026-12-01T22:00:00.000Z' },
  ]);
  if (!dv110 || !ch110 || !cr160 || !ea110) throw new Error('seeding failed');
  expect(dv110.caseNumber).toBe(tro.caseNumber);
  await page.reload();

  // Today's orders by default; yesterday's are one date change away.
  const table = page.getByTestId('queue-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId(`queue-row-${ea110.caseNumber}`)).toHaveCount(0);
  await page.getByLabel('Submitted on').fill('2026-12-01');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`queue-row-${ea110.caseNumber}`)).toBeVisible();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // Department 12's orders, all ticked with the keyboard; its printer is chosen by default.
  await page.getByLabel('Department').selectOption('Dept 12');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.getByLabel('Select all orders shown').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('print-summary')).toHaveText('2 orders × 2 recipients = 4 packets');
  await expect(page.getByLabel('Printer', { exact: true })).toHaveValue(printerId);
  await expect(page.getByLabel('Cover sheet naming each recipient')).toBeChecked();
  await expectAccessible(page, 'print queue, orders chosen');

  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('print-outcome')).toHaveText(
    `Sent 4 packets for 2 orders to ${printerName}.`,
  );
  const jobs = page.getByTestId('job-row');
  await expect(jobs).toHaveCount(4);
  await expect(jobs.and(page.locator('[data-state="completed"]'))).toHaveCount(4, {
    timeout: 90_000,
  });
  await expect(page.getByTestId('job-announcer')).toContainText('Printed');

  // What the printer received: one PDF per recipient per order, both sides, named without parties.
  const copies = serviceCopies();
  expect(copies.map((c) => c.attrs.IPP_JOB_NAME).sort()).toEqual(
    [
      `${ch110.caseNumber} CH-110 service copy (Protected person)`,
      `${ch110.caseNumber} CH-110 service copy (Restrained person)`,
      `${dv110.caseNumber} DV-110 service copy (Protected person)`,
      `${dv110.caseNumber} DV-110 service copy (Restrained person)`,
    ].sort(),
  );
  for (const c of copies) {
    expect(c.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(c.attrs.IPP_SIDES).toBe('two-sided-long-edge');
  }
  await page.locator('main').evaluate((el) => el.scrollTo(0, 0));
  await saveScreen(page, 'print-queue');

  // A jam on the next packet: the clerk sees it in plain words, retries, and it prints.
  printer.injectFault('media-jam', 'Paper jam in tray 1', 2);
  await page.getByLabel(`Print case ${ch110.caseNumber}`).uncheck();
  await page.getByRole('checkbox', { name: 'Restrained person', exact: true }).uncheck();
  await expect(page.getByTestId('print-summary')).toHaveText('1 order × 1 recipient = 1 packet');
  await page.getByRole('button', { name: /^Print all/ }).click();
  const jammed = jobs.and(page.locator('[data-state="aborted"]'));
  await expect(jammed).toHaveCount(1, { timeout: 60_000 });
  await expect(jammed).toContainText('Failed');
  await expect(jammed).toContainText('Paper jam');
  await expect(page.getByTestId('job-announcer')).toContainText('Failed');
  await expectAccessible(page, 'print queue with a failed job');
  await jammed
    .getByRole('button', { name: `Retry case ${dv110.caseNumber} for Protected person` })
    .click();
  await expect(jammed).toHaveCount(0);
  await expect(jobs.and(page.locator('[data-state="completed"]'))).toHaveCount(5, {
    timeout: 60_000,
  });
  await expect(jobs.first()).toContainText('Retry of a failed print.');
  expect(serviceCopies()).toHaveLength(6);

  // The order's print records: every print, the jam included.
  await page
    .getByRole('button', { name: `Service and print records for case ${dv110.caseNumber}` })
    .click();
  await expect(page.locator('#order-detail-heading')).toBeFocused();
  const records = page.getByTestId('print-records').locator('tbody tr');
  await expect(records).toHaveCount(4, { timeout: 15_000 });
  await expect(records.and(page.locator('[data-outcome="completed"]'))).toHaveCount(3);
  await expect(records.and(page.locator('[data-outcome="aborted"]'))).toContainText('Paper jam');
  await expect(page.getByTestId('current-service')).toHaveText('Not served');

  // Personal service: a time in the future is refused by the shared rules, then recorded.
  await page.getByLabel('Personal service').check();
  await expect(page.getByLabel('Date served')).toHaveValue('2026-12-02');
  await page.getByLabel('Time served').fill('10:30');
  await page.getByLabel("Server's name").fill('Deputy Rosa Alvarez');
  await page.getByLabel('Agency (optional)').fill("Sacramento County Sheriff's Office");
  await page.getByRole('button', { name: 'Record service' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not recorded' })).toContainText(
    'Service cannot be in the future.',
  );
  expect(await outboxOf(page, dv110.id)).toEqual([]);
  await page.getByLabel('Time served').fill('09:40');
  await page.getByRole('button', { name: 'Record service' }).click();
  await expect(page.getByTestId('service-saved')).toHaveText(
    `Personal service recorded for case ${dv110.caseNumber} and queued to the registry.`,
  );
  await expect(page.getByTestId('current-service')).toHaveText(
    "Personal service by Deputy Rosa Alvarez (Sacramento County Sheriff's Office) 12/2/26, 9:40 AM",
  );
  await expect(page.getByTestId(`queue-row-${dv110.caseNumber}`)).toContainText(
    'Personal 12/2/26, 9:40 AM',
  );
  const outboxRow = page.getByTestId('order-outbox').locator('tbody tr');
  await expect(outboxRow).toHaveCount(1);
  await expect(outboxRow).toContainText('Service recorded');
  await expect(outboxRow).toContainText(`service.record:${dv110.id}:1`);

  const outbox = await outboxOf(page, dv110.id);
  expect(outbox).toHaveLength(1);
  // Written 'pending'; the sync worker may already have picked it up.
  expect(['pending', 'in-flight', 'needs-attention']).toContain(outbox[0]?.state);
  expect(outbox[0]).toMatchObject({
    idempotencyKey: `service.record:${dv110.id}:1`,
    orderId: dv110.id,
    kind: 'service.record',
    createdAt: '2026-12-02T18:00:00.000Z',
    // The registry's proof-of-service shape: a record with a stable id carrying the service.
    payload: {
      orderId: dv110.id,
      record: {
        id: `${dv110.id}:service:1`,
        service: {
          method: 'personal',
          at: '2026-12-02T09:40:00-08:00',
          servedBy: 'Deputy Rosa Alvarez',
          agency: "Sacramento County Sheriff's Office",
        },
      },
    },
  });
  await expectAccessible(page, 'print queue with the order detail');
  await saveScreen(page, 'print-service');

  // A packet sent by mistake is cancelled while the printer works on it.
  printer.setPrintSeconds(20);
  await page.getByRole('button', { name: /^Print all/ }).click();
  const cancel = page.getByRole('button', {
    name: `Cancel case ${dv110.caseNumber} for Protected person`,
  });
  await cancel.click();
  await expect(jobs.and(page.locator('[data-state="canceled"]'))).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(jobs.and(page.locator('[data-state="canceled"]'))).toContainText('Cancelled');
  printer.setPrintSeconds(0);
});
