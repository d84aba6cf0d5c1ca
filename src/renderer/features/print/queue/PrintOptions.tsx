import { useEffect, useState } from 'react';

import type { PrintJob } from '../../../../shared/printing/jobs';
import type { PrinterConfig } from '../../../../shared/printing/printers';
import { recipientKindLabels } from '../../../../shared/printing/recipients';
import { useAppSelector } from '../../../app/hooks';
import { database } from '../../../db/database';
import type { OrderRow } from '../../../db/rows';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { selectCourtRules } from '../../calendar/calendarSlice';
import { messageOf } from '../format';
import { loadPacketOrder } from '../packet/loadPacketOrder';

import { defaultRecipientRows, recipientsFromRows } from './recipientRows';
import type { RecipientRow, RecipientsResult } from './recipientRows';

type Props = {
  /** The ticked orders, in table order. */
  readonly orders: readonly OrderRow[];
  readonly printers: readonly PrinterConfig[] | null;
  readonly printersError: string | null;
  /** The department filter, to choose its printer by default. */
  readonly courtroom: string;
  readonly onJobs: (jobs: readonly PrintJob[]) => void;
};

type Outcome = { readonly sent: string; readonly failures: readonly string[] };

/** The printer for these orders: the filter's department, else the orders' shared one. */
function defaultPrinter(
  printers: readonly PrinterConfig[],
  courtroom: string,
  orders: readonly OrderRow[],
): string {
  const rooms = new Set(orders.map((o) => o.courtroom));
  const room = courtroom || (rooms.size === 1 ? [...rooms][0] : '');
  return (printers.find((p) => p.courtroom === room) ?? printers[0])?.id ?? '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Recipients, copies, cover sheet and printer; "Print all" sends a packet per recipient per order. */
export function PrintOptions({ orders, printers, printersError, courtroom, onJobs }: Props) {
  const [rows, setRows] = useState<readonly RecipientRow[]>(defaultRecipientRows);
  // The court's closures and close of business: the packet shows the same expiry as Review.
  const rules = useAppSelector(selectCourtRules);
  const [coverSheet, setCoverSheet] = useState(true);
  const [chosenPrinter, setChosenPrinter] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<Exclude<RecipientsResult, { ok: true }>['errors']>({});

  const list = printers ?? [];
  const printerId =
    chosenPrinter && list.some((p) => p.id === chosenPrinter)
      ? chosenPrinter
      : defaultPrinter(list, courtroom, orders);
  const printer = list.find((p) => p.id === printerId);
  const choice = recipientsFromRows(rows);
  const packets = choice.ok ? choice.packets * orders.length : 0;

  const setRow = (i: number, change: Partial<RecipientRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const printAll = async () => {
    const checked = recipientsFromRows(rows);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!printer || orders.length === 0) return;
    setBusy(true);
    setOutcome(null);
    const failures: string[] = [];
    let sent = 0;
    // One order at a time: each call reads that order's page images only.
    for (const row of orders) {
      try {
        const order = await loadPacketOrder(database(), row, rules);
        const { jobs } = await unwrap(
          'print:print-packets',
          clerkApi().print.printPackets({
            order,
            printerId: printer.id,
            recipients: checked.recipients,
            coverSheet,
          }),
        );
        onJobs(jobs);
        sent += jobs.length;
      } catch (e) {
        failures.push(`Case ${row.caseNumber}: ${messageOf(e)}`);
      }
    }
    setBusy(false);
    setOutcome({
      sent:
        sent > 0
          ? `Sent ${plural(sent, 'packet')} for ${plural(orders.length - failures.length, 'order')} to ${printer.name}.`
          : '',
      failures,
    });
  };

  // Alt+P prints from anywhere on the page, as the button says.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        document.getElementById('print-all')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="panel print-options" aria-labelledby="print-options-heading">
      <h2 id="print-options-heading">Service copies</h2>
      <fieldset className="recipients">
        <legend>Recipients and copies</legend>
        {errors.all && <p className="field-error">{errors.all}</p>}
        {rows.map((r, i) => {
          const id = `rcpt-${r.kind}`;
          const needsName = r.kind === 'law-enforcement' || r.kind === 'other';
          return (
            <div key={r.kind} className={`recipient-row${errors[r.kind] ? ' has-error' : ''}`}>
              <span className="check-item">
                <input
                  type="checkbox"
                  id={id}
                  checked={r.on}
                  onChange={(e) => setRow(i, { on: e.target.checked })}
                />
                <label htmlFor={id}>{recipientKindLabels[r.kind]}</label>
              </span>
              <input
                type="number"
                className="copies"
                id={`${id}-copies`}
                min={1}
                max={99}
                value={r.copies}
                disabled={!r.on}
                onChange={(e) => setRow(i, { copies: e.target.value })}
                aria-label={`Copies for ${recipientKindLabels[r.kind]}`}
                aria-invalid={errors[r.kind] ? true : undefined}
              />
              {needsName ? (
                <input
                  type="text"
                  className="recipient-name"
                  id={`${id}-name`}
                  value={r.name}
                  disabled={!r.on}
                  placeholder={r.kind === 'other' ? 'Name or office' : 'Agency (optional)'}
                  onChange={(e) => setRow(i, { name: e.target.value })}
                  aria-label={
                    r.kind === 'other'
                      ? 'Other recipient: name or office'
                      : 'Law enforcement agency'
                  }
                  aria-invalid={errors[r.kind] ? true : undefined}
                />
              ) : null}
              {errors[r.kind] && <p className="field-error recipient-error">{errors[r.kind]}</p>}
            </div>
          );
        })}
      </fieldset>
      <div className="check-item cover-sheet">
        <input
          type="checkbox"
          id="cover-sheet"
          checked={coverSheet}
          onChange={(e) => setCoverSheet(e.target.checked)}
        />
        <label htmlFor="cover-sheet">Cover sheet naming each recipient</label>
      </div>
      <div className="field print-printer">
        <label htmlFor="print-printer">Printer</label>
        <select
          id="print-printer"
          value={printerId}
          onChange={(e) => setChosenPrinter(e.target.value)}
          disabled={list.length === 0}
        >
          {list.length === 0 && <option value="">No printers set up</option>}
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name.includes(p.courtroom) ? p.name : `${p.name} · ${p.courtroom}`}
            </option>
          ))}
        </select>
        {printersError && <p className="field-error">{printersError}</p>}
        {printers && list.length === 0 && (
          <p className="field-hint">
            Set up a printer on the <a href="#/devices">Devices</a> page.
          </p>
        )}
      </div>
      <p className="print-summary" data-testid="print-summary">
        {orders.length === 0
          ? 'Tick the orders to print.'
          : `${plural(orders.length, 'order')} × ${choice.ok ? plural(choice.packets, 'recipient') : '…'} = ${plural(packets, 'packet')}`}
      </p>
      <button
        type="button"
        id="print-all"
        className="primary print-all"
        onClick={() => void printAll()}
        disabled={busy || orders.length === 0 || !printer}
        aria-keyshortcuts="Alt+P"
      >
        {busy ? 'Sending…' : `Print all (${plural(orders.length, 'order')})`}
        <kbd aria-hidden="true">Alt+P</kbd>
      </button>
      <div role="status" className="print-outcome" data-testid="print-outcome">
        {outcome?.sent}
      </div>
      {outcome && outcome.failures.length > 0 && (
        <div className="error-summary" role="alert">
          <p>Not sent:</p>
          <ul>
            {outcome.failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
