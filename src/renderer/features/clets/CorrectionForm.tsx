import { useEffect, useRef, useState } from 'react';

import { useAppSelector } from '../../app/hooks';
import { database } from '../../db/database';
import { submitModification } from '../../db/ordersRepo';
import type { OrderRow } from '../../db/rows';

import { actorOfPrincipal } from '../../../shared/review/actor';
import { selectActorSeal, selectPrincipal } from '../auth/authSlice';
import { editableParts, rejectedFieldOf, valueAt, withCorrection } from './rejectedField';

type Props = { readonly order: OrderRow; readonly reason: string; readonly onDone: () => void };

const partLabel = (label: string, part: string) => (part ? `${label} — ${part}` : label);

/**
 * Corrects the field CLETS refused, in place, and sends the order again as a modification. The
 * refused field is focused first; the clerk sees the relay's reason above it.
 */
export function CorrectionForm({ order, reason, onDone }: Props) {
  const actor = actorOfPrincipal(useAppSelector(selectPrincipal), useAppSelector(selectActorSeal));
  const field = rejectedFieldOf(reason);
  const record = (order.order ?? {}) as Record<string, unknown>;
  const [parts, setParts] = useState(() =>
    field ? editableParts(valueAt(record, field.path)) : {},
  );
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement | null>(null);
  useEffect(() => first.current?.focus(), []);

  if (!field) {
    return (
      <p role="alert" data-testid="clets-fix-unknown">
        The reason does not name a field this screen can correct. Open the order and ask a
        supervisor.
      </p>
    );
  }
  const send = async () => {
    setError(null);
    try {
      const corrected = withCorrection(record, field.path, parts) as OrderRow['order'] & {
        id: string;
        caseNumber: string;
      };
      await submitModification(database(), { order: corrected, actor });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      data-testid="clets-fix-form"
      aria-label={`Correct the ${field.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {Object.entries(parts).map(([part, value], i) => {
        const id = `clets-fix-${order.id}-${part || 'value'}`;
        return (
          <div key={part} className="field field-invalid">
            <label htmlFor={id}>{partLabel(field.label, part)}</label>
            <input
              id={id}
              ref={i === 0 ? first : undefined}
              aria-invalid="true"
              aria-describedby={`clets-reason-${order.id}`}
              value={value}
              onChange={(e) => setParts((p) => ({ ...p, [part]: e.target.value }))}
            />
          </div>
        );
      })}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit">Send correction</button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
