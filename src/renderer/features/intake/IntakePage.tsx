import { useLiveQuery } from 'dexie-react-hooks';
import type { RefObject } from 'react';

import { useAppSelector } from '../../app/hooks';
import { useHashPath } from '../../app/useHashPath';
import { database } from '../../db/database';
import { selectCourtRules } from '../calendar/calendarSlice';
import { selectAppInfo } from '../session/sessionSlice';

import { entryFor } from './currentEntries';
import { OrderEntry } from './OrderEntry';
import { Review } from './Review';
import { StartIntake } from './StartIntake';
import { Submitted } from './Submitted';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

/** Intake: start → key the order (autosaved draft) → review → submitted. Routed by the hash. */
export function IntakePage({ headingRef }: Props) {
  const [, mode, id, sub] = useHashPath();
  const owner = useAppSelector(selectAppInfo)?.workstationUser ?? 'clerk';
  const rules = useAppSelector(selectCourtRules);
  const draft = useLiveQuery(
    async () => (mode === 'draft' && id ? ((await database().drafts.get(id)) ?? null) : null),
    [mode, id],
  );
  let body;
  if (mode === 'submitted' && id) body = <Submitted orderId={id} />;
  else if (mode === 'draft' && id) {
    const entry = draft ? entryFor(draft.orderType) : undefined;
    if (draft === undefined) body = <p aria-live="polite">Opening the draft…</p>;
    else if (draft === null || !entry)
      body = <p role="alert">This draft no longer exists (it was submitted or discarded).</p>;
    else if (sub === 'review')
      body = <Review key={draft.id} draft={draft} entry={entry} owner={owner} />;
    else body = <OrderEntry key={draft.id} draft={draft} entry={entry} rules={rules} />;
  } else body = <StartIntake owner={owner} />;
  return (
    <section aria-labelledby="area-heading" className="page page-wide">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Intake
      </h1>
      {body}
    </section>
  );
}
