import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { OrderTypeEntry } from '../../../shared/orders';
import { courtClockTime } from '../../app/courtTime';
import { navigate } from '../../app/useHashPath';
import type { DraftRow } from '../../db/rows';
import type { CourtRules } from '../../../shared/ipc/contracts/calendar';

import { ExpiryNote } from './form/ExpiryNote';
import { expiryPreview } from './form/expiryPreview';
import { fieldKeys, buildFormSpec } from './form/formSpec';
import type { FieldValue, FormValues } from './form/fieldTypes';
import { textOf } from './form/fieldTypes';
import { fieldDomId } from './form/FormField';
import { OrderForm } from './form/OrderForm';
import { ReplacesChoice } from './form/ReplacesChoice';
import { checkForm } from './form/validateForm';
import { PagesPanel } from './PagesPanel';
import { useAutosave } from './useAutosave';
import { useLicenceWedge } from './useLicenceWedge';

type Props = {
  readonly draft: DraftRow;
  readonly entry: OrderTypeEntry;
  /** The court's closures and close of business (the shown expiry counts them); default none. */
  readonly rules?: CourtRules;
};

/** Moves focus to a field (or its section) by key. */
export function focusField(key: string): void {
  const el = document.getElementById(fieldDomId(key)) ?? document.getElementById(`section-${key}`);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

/** Keying an order: the generated form, autosave, inline validation, page images beside it. */
export function OrderEntry({ draft, entry, rules }: Props) {
  const [values, setValues] = useState<FormValues>(() => (draft.values ?? {}) as FormValues);
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useAutosave(draft.id, values, dirty);
  const sections = useMemo(() => buildFormSpec(entry), [entry]);
  const counts = { 'protected.count': Number(textOf(values, 'protected.count') || '0') };
  const keys = fieldKeys(sections, counts);
  const keysKey = keys.join('|');
  // Keys change only when protected persons are added or removed; keysKey captures that.
  const check = useMemo(
    () => checkForm(entry, values, draft.id, keysKey.split('|'), undefined, rules),
    [entry, values, draft.id, keysKey, rules],
  );

  const onChange = useCallback((key: string, value: FieldValue) => {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  }, []);
  const onBlur = useCallback(
    (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key))),
    [],
  );
  const licence = useLicenceWedge((filled) => {
    setValues((v) => ({ ...v, ...filled }));
    setDirty(true);
  });

  const visibleErrors = Object.fromEntries(
    Object.entries(check.errors).filter(([k]) => showAll || touched.has(k)),
  );

  const review = useCallback(() => {
    setShowAll(true);
    if (check.summary.length > 0) {
      setSummaryOpen(true);
      const first = check.summary[0];
      if (first) requestAnimationFrame(() => focusField(first.key));
      return;
    }
    navigate(`intake/draft/${draft.id}/review`);
  }, [check.summary, draft.id]);

  useEffect(() => {
    // Keying starts in the first field: no reaching for the mouse.
    document.querySelector<HTMLElement>('.order-form input, .order-form select')?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'r' || e.key === 'R')) {
        e.preventDefault();
        review();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [review]);

  return (
    <div className="entry-layout">
      <section className="entry-form" aria-labelledby="entry-heading">
        <div className="entry-head">
          <h2 id="entry-heading">
            {entry.code} · {entry.name}
          </h2>
          <span className={`save-state save-${save.state}`} role="status" data-testid="save-state">
            {save.state === 'pending'
              ? 'Saving…'
              : save.state === 'failed'
                ? `Not saved: ${save.error ?? ''}`
                : save.at
                  ? `Draft saved ${courtClockTime(save.at)}`
                  : 'Draft'}
          </span>
        </div>
        {licence.message && (
          <div
            className={`notice ${licence.unmapped.length ? 'notice-warn' : 'notice-ok'}`}
            role="status"
            data-testid="licence-result"
          >
            <p>{licence.message}</p>
            {licence.unmapped.length > 0 && (
              <ul>
                {licence.unmapped.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {summaryOpen && check.summary.length > 0 && (
          <div className="error-summary" role="alert" ref={summaryRef} data-testid="error-summary">
            <h3>
              {check.summary.length} problem{check.summary.length === 1 ? '' : 's'} to fix before
              review
            </h3>
            <ul>
              {check.summary.slice(0, 12).map((e, i) => (
                <li key={`${e.key}-${i}`}>
                  <a
                    href={`#${fieldDomId(e.key)}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      focusField(e.key);
                    }}
                  >
                    {e.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ReplacesChoice values={values} onChange={onChange} />
        <OrderForm
          sections={sections}
          values={values}
          errors={visibleErrors}
          onChange={onChange}
          onBlur={onBlur}
          notes={{ dates: <ExpiryNote preview={expiryPreview(check.built.order, rules)} /> }}
        />
        <div className="form-actions">
          <button type="button" className="primary" onClick={review} aria-keyshortcuts="Alt+R">
            Review <kbd>Alt+R</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => navigate('intake')}>
            Save and close
          </button>
        </div>
      </section>
      <PagesPanel ownerId={draft.id} onLicence={licence.apply} />
    </div>
  );
}
