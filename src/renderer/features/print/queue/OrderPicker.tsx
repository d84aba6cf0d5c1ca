import type { OrderRow } from '../../../db/rows';
import type { Service } from '../../../../shared/orders';
import { courtClock, listName } from '../format';
import { describeServiceShort } from '../service/serviceForm';

import { noCourtroom } from './queueOrders';

type Props = {
  readonly rows: readonly OrderRow[] | undefined;
  readonly date: string;
  readonly onDate: (date: string) => void;
  readonly today: string;
  readonly courtroom: string;
  readonly courtrooms: readonly string[];
  readonly onCourtroom: (courtroom: string) => void;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onToggleAll: (on: boolean) => void;
  readonly activeId: string | null;
  readonly onOpen: (id: string) => void;
  /** Packets printed per order in this session, for the "Printed" column. */
  readonly printedCount: ReadonlyMap<string, number>;
};

type Shown = {
  restrained?: { name?: { last: string; first: string } };
  service?: Service;
};

/** The day's orders with tick boxes: which ones to print. */
export function OrderPicker(props: Props) {
  const { rows, selected } = props;
  const all = rows !== undefined && rows.length > 0 && rows.every((r) => selected.has(r.id));
  const some = rows?.some((r) => selected.has(r.id)) ?? false;
  return (
    <section className="panel queue-orders" aria-labelledby="queue-orders-heading">
      <div className="section-head">
        <h2 id="queue-orders-heading">Orders</h2>
        <div className="queue-filters" role="group" aria-label="Which orders">
          <label htmlFor="queue-date">Submitted on</label>
          <input
            id="queue-date"
            type="date"
            value={props.date}
            onChange={(e) => props.onDate(e.target.value)}
          />
          {props.date !== props.today && (
            <button type="button" onClick={() => props.onDate(props.today)}>
              Today
            </button>
          )}
          <label htmlFor="queue-courtroom">Department</label>
          <select
            id="queue-courtroom"
            value={props.courtroom}
            onChange={(e) => props.onCourtroom(e.target.value)}
          >
            <option value="">All departments</option>
            {props.courtrooms.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value={noCourtroom}>Not recorded</option>
          </select>
        </div>
      </div>
      {rows === undefined && <p aria-live="polite">Loading orders…</p>}
      {rows && rows.length === 0 && (
        <p className="empty-note" data-testid="queue-empty">
          No orders{props.date ? ` submitted on ${props.date}` : ''}
          {props.courtroom ? ' in this department' : ''}.
        </p>
      )}
      {rows && rows.length > 0 && (
        <table className="data-table queue-table" data-testid="queue-table">
          <caption className="visually-hidden">
            Orders to print; tick the ones to include in Print all
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-check">
                <input
                  type="checkbox"
                  aria-label="Select all orders shown"
                  checked={all}
                  ref={(el) => {
                    if (el) el.indeterminate = some && !all;
                  }}
                  onChange={(e) => props.onToggleAll(e.target.checked)}
                />
              </th>
              <th scope="col">Case</th>
              <th scope="col">Type</th>
              <th scope="col">Restrained person</th>
              <th scope="col">Dept</th>
              <th scope="col">Submitted</th>
              <th scope="col">Service</th>
              <th scope="col">Printed</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const o = r.order as Shown;
              const printed = props.printedCount.get(r.id) ?? 0;
              return (
                <tr
                  key={r.id}
                  className={`${selected.has(r.id) ? 'is-selected' : ''}${props.activeId === r.id ? ' is-active' : ''}`}
                  data-testid={`queue-row-${r.caseNumber}`}
                >
                  <td className="col-check">
                    <input
                      type="checkbox"
                      id={`pick-${r.id}`}
                      checked={selected.has(r.id)}
                      onChange={() => props.onToggle(r.id)}
                      aria-label={`Print case ${r.caseNumber}`}
                    />
                  </td>
                  <td className="mono">{r.caseNumber}</td>
                  <td>{r.orderType}</td>
                  <td className="wrap">{listName(o.restrained?.name)}</td>
                  <td>{r.courtroom || <span className="muted-text">—</span>}</td>
                  <td>{courtClock(r.submittedAt)}</td>
                  <td className={o.service?.method === 'not-served' ? 'muted-text' : ''}>
                    {describeServiceShort(o.service)}
                  </td>
                  <td>{printed > 0 ? `${printed} packet${printed === 1 ? '' : 's'}` : ''}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => props.onOpen(r.id)}
                      aria-label={`Service and print records for case ${r.caseNumber}`}
                      aria-expanded={props.activeId === r.id}
                    >
                      Service &amp; records
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
