import { useEffect, useMemo, useRef, useState } from 'react';

import type { OrderTypeEntry } from '../../../shared/orders';
import { codeLabel, raceCodes, sexCodes } from '../../../shared/orders';
import { courtDateTime } from '../../app/courtTime';
import { useAppSelector } from '../../app/hooks';
import { navigate } from '../../app/useHashPath';
import { database } from '../../db/database';
import { submitOrder } from '../../db/ordersRepo';
import type { DraftRow } from '../../db/rows';
import { actorOfPrincipal } from '../../../shared/review/actor';
import { selectActorSeal, selectPrincipal } from '../auth/authSlice';
import { selectCourtRules } from '../calendar/calendarSlice';

import type { ConflictReport } from './conflicts';
import { findConflicts } from './conflicts';
import { buildFormSpec, fieldKeys } from './form/formSpec';
import type { FormValues } from './form/fieldTypes';
import { textOf } from './form/fieldTypes';
import { CLONED_FROM_LABEL } from './form/cloneSource';
import { checkForm } from './form/validateForm';

type Props = { readonly draft: DraftRow; readonly entry: OrderTypeEntry; readonly owner: string };

/** Read-only summary with the derived values, conflicts and the attestation; then submit. */
export function Review({ draft, entry, owner }: Props) {
  const actor = actorOfPrincipal(useAppSelector(selectPrincipal), useAppSelector(selectActorSeal));
  // The court's closures and close of business: expiry and CLETS due-by count them.
  const rules = useAppSelector(selectCourtRules);
  const values = useMemo(() => (draft.values ?? {}) as FormValues, [draft.values]);
  const sections = useMemo(() => buildFormSpec(entry), [entry]);
  // One array per set of keys: a new array each render would re-run the check, and with it
  // the conflict search, after every render (each search result renders again).
  const keysKey = fieldKeys(sections, {
    'protected.count': Number(textOf(values, 'protected.count') || '0'),
  }).join('|');
  const keys = useMemo(() => keysKey.split('|'), [keysKey]);
  const check = useMemo(
    () => checkForm(entry, values, draft.id, keys, undefined, rules),
    [entry, values, draft.id, keys, rules],
  );
  const [conflicts, setConflicts] = useState<ConflictReport | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [attested, setAttested] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (!check.result.order) return;
    let live = true;
    void findConflicts(database(), check.result.order, draft.id, rules).then(
      (r) => live && setConflicts(r),
    );
    return () => {
      live = false;
    };
  }, [check.result.order, draft.id, rules]);

  if (
    !check.result.ok ||
    !check.result.order ||
    !check.result.derived ||
    check.summary.length > 0
  ) {
    return (
      <div className="error-summary" role="alert">
        <h2>This order still has problems</h2>
        <p>Go back to the form to fix them.</p>
        <button type="button" onClick={() => navigate(`intake/draft/${draft.id}`)}>
          Back to the form
        </button>
      </div>
    );
  }
  const order = check.result.order;
  const d = check.result.derived;
  const needsAck = (conflicts?.matches.length ?? 0) > 0;
  const canSubmit = attested && (!needsAck || acknowledged) && conflicts !== null && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await submitOrder(database(), {
        draftId: draft.id,
        order: order as unknown as Parameters<typeof submitOrder>[1]['order'],
        confidential: check.built.confidential,
        actor,
        meta: {
          submittedBy: owner,
          courtroom: textOf(values, 'meta.courtroom').trim() || null,
          expirationReason: textOf(values, 'expirationReason') || null,
          conflictsAcknowledged: conflicts?.matches.map((m) => m.id) ?? [],
          bradySuggestion: d.brady,
        },
      });
      navigate(`intake/submitted/${order.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const person = (p: (typeof order)['restrained']) =>
    `${p.name.last}, ${p.name.first}${p.name.middle ? ` ${p.name.middle}` : ''} · ${codeLabel(sexCodes, p.sex) ?? p.sex} · ${codeLabel(raceCodes, p.race) ?? p.race} · ${p.dob ?? `about ${p.estimatedAge ?? '?'} years`}`;

  return (
    <section className="review" aria-labelledby="review-heading">
      <h2 id="review-heading" ref={headingRef} tabIndex={-1}>
        Review {entry.code} · case {order.caseNumber}
      </h2>
      <div className="review-grid">
        <section className="panel" aria-labelledby="rv-parties">
          <h3 id="rv-parties">Parties</h3>
          <dl className="facts">
            <dt>{entry.restrainedLabel}</dt>
            <dd data-testid="review-restrained">{person(order.restrained)}</dd>
            {order.protected.map((p, i) => (
              <FactPair key={i} term={`Protected person ${i + 1}`} value={person(p)} />
            ))}
            <dt>Court</dt>
            <dd>
              {order.court.name} ({order.court.ori}) · {order.judicialOfficer}
            </dd>
            {order.replaces && (
              <FactPair
                term="Replaces"
                value={textOf(values, CLONED_FROM_LABEL) || 'an earlier order'}
              />
            )}
          </dl>
        </section>
        <section className="panel" aria-labelledby="rv-derived">
          <h3 id="rv-derived">Derived values</h3>
          <dl className="facts" data-testid="review-derived">
            <dt>Issued</dt>
            <dd>{courtDateTime(order.issuedAt)}</dd>
            <dt>Expires</dt>
            <dd>
              {d.expiresAt ? courtDateTime(d.expiresAt) : 'No expiration'}
              <div className="hint">{d.expiryExplanation}</div>
            </dd>
            <dt>CLETS due by</dt>
            <dd data-testid="review-clets-due">
              {d.cletsDueBy ? courtDateTime(d.cletsDueBy) : 'Not sent to CLETS'}
            </dd>
            <dt>PCO codes</dt>
            <dd>
              {d.pco.length ? d.pco.join(', ') : '—'}
              {d.mis.length ? ` · MIS: ${d.mis.join('; ')}` : ''}
            </dd>
            <dt>Brady</dt>
            <dd>
              {order.bradyIndicator ?? d.brady.value}{' '}
              {order.bradyIndicator ? '(entered)' : '(suggested)'}
              <div className="hint">{d.brady.reason}</div>
            </dd>
            <dt>Terms</dt>
            <dd>{order.terms.map((t) => t.kind.replace(/-/g, ' ')).join(', ') || '—'}</dd>
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="rv-conflicts" data-testid="conflicts">
        <h3 id="rv-conflicts">Other orders for these people</h3>
        {conflicts === null ? (
          <p aria-live="polite">
            Checking this workstation&apos;s orders, drafts and the court&apos;s orders from the
            registry…
          </p>
        ) : conflicts.matches.length === 0 ? (
          <p>
            No other order or draft (here or in the court&apos;s registry copy) names these people
            or this case.
          </p>
        ) : (
          <>
            <table className="data-table">
              <caption className="visually-hidden">Possible conflicting orders</caption>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Case</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                  <th scope="col">Why it matched</th>
                </tr>
              </thead>
              <tbody>
                {conflicts.matches.map((m) => (
                  <tr key={m.id}>
                    <td>{m.orderType}</td>
                    <td>{m.caseNumber}</td>
                    <td>{courtDateTime(m.issuedAt)}</td>
                    <td>{m.noExpiration ? 'No expiration' : courtDateTime(m.expiresAt)}</td>
                    <td>{m.status}</td>
                    <td>{m.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {conflicts.priority && (
              <p className="priority" data-testid="priority">
                Enforcement priority: {conflicts.priority.explanation}
              </p>
            )}
            <div className="field-check">
              <input
                id="ack-conflicts"
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
              />
              <label htmlFor="ack-conflicts">I have reviewed these orders</label>
            </div>
          </>
        )}
      </section>
      <div className="field-check attest">
        <input
          id="attest"
          type="checkbox"
          checked={attested}
          onChange={(e) => setAttested(e.target.checked)}
        />
        <label htmlFor="attest">I have checked that these entries match the signed order</label>
      </div>
      {error && (
        <p role="alert" className="error-text">
          Not submitted: {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!canSubmit}
          onClick={() => void submit()}
        >
          Submit to registry
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => navigate(`intake/draft/${draft.id}`)}
        >
          Back to the form
        </button>
      </div>
    </section>
  );
}

function FactPair({ term, value }: { readonly term: string; readonly value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
