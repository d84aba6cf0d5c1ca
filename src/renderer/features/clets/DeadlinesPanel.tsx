import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';

import type { ListDeadlinesResult } from '../../../shared/ipc/contracts/clets';
import { useAppSelector } from '../../app/hooks';
import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { selectCourtRules } from '../calendar/calendarSlice';

import { useDeadlines } from './deadlinesLoader';
import {
  atRiskText,
  courtTime,
  deadlineRowsAt,
  effectiveNow,
  eventLabel,
  overdueText,
  stateLabel,
  type AtRiskRow,
  type DeadlineRows,
  type OverdueRow,
} from './deadlinesView';

/** Panel options: `compact` drops the explanation (for the supervisor's Review page). */
export type DeadlinesPanelProps = {
  readonly compact?: boolean;
  /** Level of the panel's heading (its two lists get the next level). Default 2. */
  readonly headingLevel?: 2 | 3;
};

type Known = { readonly orderType: string; readonly local: boolean };

/** Order type (and whether the order is in this workstation's outbox) per order id. */
function useKnownOrders(ids: readonly string[]): ReadonlyMap<string, Known> {
  const key = [...new Set(ids)].sort().join(',');
  const found = useLiveQuery(async () => {
    const unique = key === '' ? [] : key.split(',');
    const db = database();
    const [local, cached] = await Promise.all([
      db.orders.bulkGet(unique),
      db.registryOrders.bulkGet(unique),
    ]);
    const map = new Map<string, Known>();
    unique.forEach((id, i) => {
      const l = local[i];
      const c = cached[i];
      if (l) map.set(id, { orderType: l.orderType, local: true });
      else if (c) map.set(id, { orderType: c.orderType, local: false });
    });
    return map;
  }, [key]);
  return found ?? new Map();
}

/**
 * The court's CLETS deadlines: "Overdue" (counted in court days and court hours) and "At risk"
 * (a countdown of court time left), refreshed every minute and when the registry link changes.
 * Says plainly when the registry cannot be reached and from when the lists shown are, and
 * never shows "nothing at risk" unless the registry said so.
 */
export function DeadlinesPanel({ compact = false, headingLevel = 2 }: DeadlinesPanelProps) {
  const id = useId();
  const { result, receivedAtMs, error, nowMs } = useDeadlines();
  const lists = result?.lists ?? null;
  // The court's closures: the countdown between two fetches skips them as the registry does.
  const { closures } = useAppSelector(selectCourtRules);
  const rows = lists
    ? deadlineRowsAt(lists, effectiveNow(lists, receivedAtMs, nowMs), closures)
    : null;
  const known = useKnownOrders(rows ? [...rows.overdue, ...rows.atRisk].map((r) => r.orderId) : []);
  const H = `h${headingLevel}` as const;
  return (
    <section
      className="panel"
      aria-labelledby={`${id}-heading`}
      data-testid="deadlines-panel"
      aria-busy={result === null && error === null}
    >
      <H id={`${id}-heading`}>CLETS deadlines</H>
      {!compact && (
        <p className="hint">
          Every order and proof of service must reach CLETS by the end of the next court day. Court
          time counts 8 AM–5 PM Pacific on court days only.
        </p>
      )}
      <Status result={result} error={error} rows={rows} />
      {rows && (rows.overdue.length > 0 || rows.atRisk.length > 0) && (
        <>
          <DeadlineTable
            id={`${id}-overdue`}
            level={headingLevel + 1}
            title="Overdue"
            kind="overdue"
            rows={rows.overdue}
            known={known}
          />
          <DeadlineTable
            id={`${id}-risk`}
            level={headingLevel + 1}
            title="At risk"
            kind="at-risk"
            rows={rows.atRisk}
            known={known}
          />
        </>
      )}
    </section>
  );
}

function Status(props: {
  result: ListDeadlinesResult | null;
  error: string | null;
  rows: DeadlineRows | null;
}) {
  const { result, error, rows } = props;
  const empty = rows !== null && rows.overdue.length === 0 && rows.atRisk.length === 0;
  let text: string;
  let warn = false;
  if (error !== null) {
    warn = true;
    text = `The CLETS deadlines cannot be shown: ${error}`;
  } else if (result === null) {
    text = 'Checking the CLETS deadlines with the registry…';
  } else if (!result.reached) {
    warn = true;
    const why = result.message ? ` ${result.message}` : '';
    text = result.lists
      ? `The registry was not reached; deadlines shown are from ${courtTime(result.lists.asOf)}, with the court time since counted here.${empty ? ' Then, no CLETS transaction was at risk or overdue.' : ''}${why}`
      : `The registry was not reached, so the CLETS deadlines are not known.${why}`;
  } else if (empty) {
    text = 'No CLETS transaction is at risk or overdue.';
  } else {
    text = `As of ${courtTime(rows?.at ?? result.lists?.asOf ?? '')}.`;
  }
  return (
    <p
      role="status"
      className={warn ? 'notice notice-warn' : empty ? 'empty-state' : 'hint'}
      data-testid="deadlines-status"
    >
      {text}
    </p>
  );
}

type TableProps = {
  readonly id: string;
  readonly level: number;
  readonly title: string;
  readonly kind: 'overdue' | 'at-risk';
  readonly rows: readonly (OverdueRow | AtRiskRow)[];
  readonly known: ReadonlyMap<string, Known>;
};

function DeadlineTable({ id, level, title, kind, rows, known }: TableProps) {
  const H = `h${Math.min(level, 6)}` as 'h3';
  return (
    <div data-testid={`deadlines-${kind}`}>
      <H id={id}>
        {title} ({rows.length})
      </H>
      {rows.length === 0 ? (
        <p className="hint">{kind === 'overdue' ? 'Nothing is overdue.' : 'Nothing is at risk.'}</p>
      ) : (
        <table className="data-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Order type</th>
              <th scope="col">Event</th>
              <th scope="col">Due by (court time)</th>
              <th scope="col">{kind === 'overdue' ? 'How late' : 'Court time left'}</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const k = known.get(r.orderId);
              return (
                <tr key={r.transactionId} data-testid="deadline-row">
                  <td>
                    {k?.local ? (
                      <a
                        href={`#/intake/submitted/${r.orderId}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`intake/submitted/${r.orderId}`);
                        }}
                      >
                        {r.caseNumber}
                      </a>
                    ) : (
                      r.caseNumber
                    )}
                  </td>
                  <td>{k?.orderType ?? 'Not on this workstation'}</td>
                  <td>{eventLabel(r.event)}</td>
                  <td>
                    <time dateTime={r.dueBy}>{courtTime(r.dueBy)}</time>
                  </td>
                  <td>
                    <span
                      className={`status-pill ${kind === 'overdue' ? 'status-rejected' : 'status-queued'}`}
                    >
                      {kind === 'overdue' ? 'Overdue' : 'At risk'}
                    </span>{' '}
                    {'courtDaysOverdue' in r ? overdueText(r) : atRiskText(r)}
                  </td>
                  <td>{stateLabel(r.state)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
