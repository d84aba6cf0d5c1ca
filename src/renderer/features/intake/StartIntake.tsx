import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';

import type { OrderTypeEntry } from '../../../shared/orders';
import { navigate, useHashPath } from '../../app/useHashPath';
import { ActionsTableHead } from '../../components/ActionsTableHead';
import { database } from '../../db/database';
import { createDraft, discardDraft, listDrafts } from '../../db/draftsRepo';
import { listRecentOrders } from '../../db/ordersRepo';
import type { OrderRow } from '../../db/rows';
import { ScanIntake } from '../scanning/ScanIntake';
import { ScanOrderStart } from '../scanning/ScanOrderStart';

import { currentEntries } from './currentEntries';
import { cloneLink } from './form/cloneSource';
import { orderToValues } from './form/toOrder';
import { TypePicker } from './TypePicker';

type Props = { readonly owner: string };

/** First values of a new draft of this type: one protected person where the type has any. */
export function newDraftValues(entry: OrderTypeEntry): Record<string, unknown> {
  return {
    'protected.count': String(Math.max(entry.protected.min, entry.protected.max === 0 ? 0 : 1)),
  };
}

/**
 * The parts of an order a related order shares: the parties, the court and the case; plus the
 * link to the source and a suggested (visible, changeable) "replaces" for the new type.
 */
export function cloneValues(row: OrderRow, next: OrderTypeEntry): Record<string, unknown> {
  const o = row.order as Record<string, unknown>;
  const values = orderToValues({
    caseNumber: o.caseNumber,
    court: o.court,
    restrained: o.restrained,
    protected: o.protected,
    petitioner: o.petitioner,
  });
  const sourceEntry = currentEntries().find((e) => e.code === row.orderType);
  return { ...values, ...cloneLink(row, sourceEntry, next) };
}

const age = (iso: string) => {
  const mins = Math.round((Date.now() - Date.parse(iso)) / 60000);
  return mins < 60
    ? `${mins} min`
    : mins < 48 * 60
      ? `${Math.round(mins / 60)} h`
      : `${Math.round(mins / 1440)} days`;
};

/** Start an order: type a form number or name, resume a draft, or clone a related order. */
export function StartIntake({ owner }: Props) {
  const entries = useMemo(() => currentEntries(), []);
  const drafts = useLiveQuery(() => listDrafts(database()), []);
  const recent = useLiveQuery(() => listRecentOrders(database(), 10), []);
  const [cloneFrom, setCloneFrom] = useState<OrderRow | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [, mode, scanId] = useHashPath();
  if (mode === 'scan' && scanId) {
    return <ScanIntake owner={owner} scanId={scanId} initialValues={newDraftValues} />;
  }

  const start = async (entry: OrderTypeEntry) => {
    const initial = cloneFrom ? cloneValues(cloneFrom, entry) : newDraftValues(entry);
    const draft = await createDraft(database(), entry.code, owner, initial);
    navigate(`intake/draft/${draft.id}`);
  };

  return (
    <div className="start-intake">
      <section className="panel" aria-labelledby="start-heading">
        <h2 id="start-heading">
          {cloneFrom
            ? `New order for the parties of ${cloneFrom.orderType} · ${cloneFrom.caseNumber}`
            : 'Start a new order'}
        </h2>
        {cloneFrom && (
          <p>
            The restrained and protected persons, the court and the case are copied.{' '}
            <button type="button" className="link-button" onClick={() => setCloneFrom(null)}>
              Cancel clone
            </button>
          </p>
        )}
        <TypePicker entries={entries} onPick={(e) => void start(e)} />
        {!cloneFrom && <ScanOrderStart />}
      </section>
      <section className="panel" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Drafts</h2>
        {!drafts || drafts.length === 0 ? (
          <p>No drafts on this workstation.</p>
        ) : (
          <table className="data-table" data-testid="drafts">
            <ActionsTableHead columns={['Order type', 'Owner', 'Last change']} />
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id}>
                  <td>{d.orderType}</td>
                  <td>{d.owner}</td>
                  <td>{age(d.updatedAt)} ago</td>
                  <td className="actions">
                    <button type="button" onClick={() => navigate(`intake/draft/${d.id}`)}>
                      Resume
                    </button>
                    {confirming === d.id ? (
                      <span role="alert" className="confirm">
                        Discard this draft and its pages?{' '}
                        <button
                          type="button"
                          className="danger"
                          onClick={() =>
                            void discardDraft(database(), d.id).then(() => setConfirming(null))
                          }
                        >
                          Discard
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setConfirming(d.id)}
                      >
                        Discard…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {recent && recent.length > 0 && (
        <section className="panel" aria-labelledby="clone-heading">
          <h2 id="clone-heading">Clone from an existing order</h2>
          <table className="data-table">
            <ActionsTableHead columns={['Order type', 'Case', 'Status']} />
            <tbody>
              {recent.map((o) => (
                <tr key={o.id}>
                  <td>{o.orderType}</td>
                  <td>{o.caseNumber}</td>
                  <td>{o.status}</td>
                  <td>
                    <button type="button" onClick={() => setCloneFrom(o)}>
                      Clone parties
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
