/**
 * The proof-of-service form: served in court, or personal service by a named server. The date
 * and time are court wall time (America/Los_Angeles) and stored with their offset.
 */
import type { FieldError, Service } from '../../../../shared/orders';
import { zonedDateOf, zonedDateTimeToIso } from '../../../../shared/time';
import { courtTime } from '../format';

export type ServiceMethodChoice = 'in-court' | 'personal';

export type ServiceFormValues = {
  readonly method: ServiceMethodChoice;
  /** YYYY-MM-DD, court date. */
  readonly date: string;
  /** HH:MM, court time. */
  readonly time: string;
  readonly servedBy: string;
  readonly agency: string;
};

export type ServiceFormField = 'method' | 'date' | 'time' | 'servedBy' | 'agency';

/** Now, in court wall time, as the form's default. */
export function serviceFormDefaults(now: Date = new Date()): ServiceFormValues {
  const iso = now.toISOString();
  const wall = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Los_Angeles',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return { method: 'in-court', date: zonedDateOf(iso), time: wall, servedBy: '', agency: '' };
}

export type ServiceFromForm =
  | { readonly ok: true; readonly service: Service }
  | { readonly ok: false; readonly errors: Partial<Record<ServiceFormField, string>> };

/** The `service` value of the order, or what to fix before it can be checked. */
export function serviceFromForm(v: ServiceFormValues): ServiceFromForm {
  const errors: Partial<Record<ServiceFormField, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'Enter the date of service.';
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = 'Enter the time of service (hours and minutes).';
  let at = '';
  if (!errors.date && !errors.time) {
    try {
      at = zonedDateTimeToIso(v.date, v.time);
    } catch {
      errors.date = 'Enter a real date and time of service.';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (v.method === 'in-court') return { ok: true, service: { method: 'in-court', at } };
  const agency = v.agency.trim();
  return {
    ok: true,
    service: {
      method: 'personal',
      at,
      servedBy: v.servedBy,
      ...(agency ? { agency } : {}),
    },
  };
}

/** Places the shared validator's errors on the form's fields; the rest go to the summary. */
export function placeServiceErrors(errors: readonly FieldError[]): {
  fields: Partial<Record<ServiceFormField, string>>;
  other: string[];
} {
  const fields: Partial<Record<ServiceFormField, string>> = {};
  const other: string[] = [];
  const at: Record<string, ServiceFormField> = {
    'service.at': 'date',
    'service.servedBy': 'servedBy',
    'service.agency': 'agency',
    'service.method': 'method',
  };
  for (const e of errors) {
    const field = at[e.path];
    if (field && !fields[field]) fields[field] = e.message;
    else other.push(e.message);
  }
  return { fields, other };
}

/** "Not served", "Served in court 12/2/26, 8:45 AM", "Personal service by … (agency) …". */
export function describeService(service: Service | undefined): string {
  if (!service || service.method === 'not-served') return 'Not served';
  const when = courtTime(service.at);
  if (service.method === 'in-court') return `Served in court ${when}`;
  const agency = service.agency ? ` (${service.agency})` : '';
  const how = service.method === 'mail' ? 'Served by mail' : 'Personal service';
  return `${how} by ${service.servedBy}${agency} ${when}`;
}

/** For the queue table: "Not served", "In court 12/2/26, 8:45 AM", "Personal 12/2/26, 9:40 AM". */
export function describeServiceShort(service: Service | undefined): string {
  if (!service || service.method === 'not-served') return 'Not served';
  const label = { 'in-court': 'In court', personal: 'Personal', mail: 'By mail' }[service.method];
  return `${label} ${courtTime(service.at)}`;
}
