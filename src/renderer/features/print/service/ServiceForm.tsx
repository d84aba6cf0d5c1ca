import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { useAppSelector } from '../../../app/hooks';
import { database } from '../../../db/database';
import { recordService } from '../../../db/serviceRepo';
import { actorOfPrincipal } from '../../../../shared/review/actor';
import { selectActorSeal, selectPrincipal } from '../../auth/authSlice';
import { selectCourtRules } from '../../calendar/calendarSlice';
import { messageOf } from '../format';

import { placeServiceErrors, serviceFormDefaults, serviceFromForm } from './serviceForm';
import type { ServiceFormField, ServiceFormValues } from './serviceForm';

type Props = { readonly orderId: string; readonly caseNumber: string };

type Errors = { fields: Partial<Record<ServiceFormField, string>>; other: string[] };

/** Records "served in court" or personal service; saved with its registry outbox entry. */
export function ServiceForm({ orderId, caseNumber }: Props) {
  const actor = actorOfPrincipal(useAppSelector(selectPrincipal), useAppSelector(selectActorSeal));
  const rules = useAppSelector(selectCourtRules);
  const [values, setValues] = useState<ServiceFormValues>(() => serviceFormDefaults());
  const [errors, setErrors] = useState<Errors | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (field: keyof ServiceFormValues, value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const err = (f: ServiceFormField) => errors?.fields[f];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const built = serviceFromForm(values);
    if (!built.ok) {
      setErrors({ fields: built.errors, other: [] });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await recordService(database(), {
        orderId,
        service: built.service,
        actor,
        rules,
      });
      if (!result.ok) {
        setErrors(placeServiceErrors(result.errors));
        requestAnimationFrame(() => summary.current?.focus());
      } else {
        setErrors(null);
        setSaved(
          `${values.method === 'in-court' ? 'Service in court' : 'Personal service'} recorded for case ${caseNumber} and queued to the registry.`,
        );
        setValues((v) => ({ ...v, servedBy: '', agency: '' }));
      }
    } catch (error) {
      setErrors({ fields: {}, other: [`Service was not saved: ${messageOf(error)}`] });
    } finally {
      setBusy(false);
    }
  };

  const messages = errors ? [...Object.values(errors.fields), ...errors.other] : [];
  const personal = values.method === 'personal';
  const input = (f: 'date' | 'time' | 'servedBy' | 'agency', label: string, type: string) => (
    <div className={`field${err(f) ? ' has-error' : ''}`}>
      <label htmlFor={`service-${f}`}>{label}</label>
      <input
        id={`service-${f}`}
        type={type}
        value={values[f]}
        onChange={(e) => set(f, e.target.value)}
        aria-invalid={err(f) ? true : undefined}
        aria-describedby={err(f) ? `service-${f}-error` : undefined}
        autoComplete="off"
      />
      {err(f) && (
        <p className="field-error" id={`service-${f}-error`}>
          {err(f)}
        </p>
      )}
    </div>
  );

  return (
    <form className="service-form" onSubmit={submit} aria-labelledby="service-heading" noValidate>
      <h3 id="service-heading">Record service</h3>
      {messages.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>Service was not recorded:</p>
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="service-method">
        <legend>How the restrained person was served</legend>
        {(
          [
            ['in-court', 'Served in court (present at the hearing)'],
            ['personal', 'Personal service'],
          ] as const
        ).map(([method, label]) => (
          <span className="check-item" key={method}>
            <input
              type="radio"
              name="service-method"
              id={`service-method-${method}`}
              checked={values.method === method}
              onChange={() => set('method', method)}
            />
            <label htmlFor={`service-method-${method}`}>{label}</label>
          </span>
        ))}
      </fieldset>
      <div className="service-grid">
        {input('date', 'Date served', 'date')}
        {input('time', 'Time served', 'time')}
        {personal && input('servedBy', "Server's name", 'text')}
        {personal && input('agency', 'Agency (optional)', 'text')}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Record service'}
        </button>
      </div>
      <p role="status" className="service-saved" data-testid="service-saved">
        {saved}
      </p>
    </form>
  );
}
