/**
 * Form values ⇄ the order model. The form keeps what the clerk typed (strings, ticks); this
 * turns it into an order input for the shared schema and back (for clone and fixtures).
 * Nothing is "fixed" here: a bad value is passed through so the schema names the problem.
 */
import type { OrderTypeEntry, TermKind } from '../../../../shared/orders/catalog/schema';
import { zonedDateOf, toZonedIso, parseInstant, zonedDateTimeToIso } from '../../../../shared/time';

import type { FieldValue, FormValues } from './fieldTypes';
import { flagOf, listOf, textOf } from './fieldTypes';

type Obj = Record<string, unknown>;

const emptyToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

function num(s: string): number | string | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * A date as clerks type it: `MM/DD/YYYY` (US order forms) or `YYYY-MM-DD`. Normalised to
 * `YYYY-MM-DD` (a documented normalisation); anything else passes through for the schema to
 * reject with its message.
 */
export function dateText(s: string): string | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}`;
  return t;
}

/** A date and 24-hour time typed in Pacific time → ISO with offset; odd input passes through. */
export function localToIso(local: string): string | undefined {
  const t = local.trim();
  if (t === '') return undefined;
  const m = /^(\S+)[ T](\d{1,2}:\d{2}(?::\d{2})?)$/.exec(t);
  const date = m?.[1] ? dateText(m[1]) : undefined;
  if (!m?.[2] || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return t;
  try {
    return zonedDateTimeToIso(date, m[2].padStart(5, '0'));
  } catch {
    return t;
  }
}

/** ISO with offset → `YYYY-MM-DD HH:MM` wall time in Pacific, for the form. */
export function isoToLocal(iso: string): string {
  try {
    return toZonedIso(parseInstant(iso)).slice(0, 16).replace('T', ' ');
  } catch {
    return iso;
  }
}

function nameFrom(values: FormValues, p: string): Obj {
  const name: Obj = {
    last: textOf(values, `${p}.name.last`).trim(),
    first: textOf(values, `${p}.name.first`).trim(),
  };
  const middle = emptyToUndefined(textOf(values, `${p}.name.middle`));
  const suffix = emptyToUndefined(textOf(values, `${p}.name.suffix`));
  if (middle) name.middle = middle;
  if (suffix) name.suffix = suffix;
  return name;
}

function parseAliases(text: string): Obj[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [last = '', rest = ''] = line.split(',').map((s) => s.trim());
      const [first = '', ...middle] = rest.split(/\s+/).filter(Boolean);
      return middle.length ? { last, first, middle: middle.join(' ') } : { last, first };
    });
}

function personFrom(values: FormValues, p: string): Obj {
  const person: Obj = {
    name: nameFrom(values, p),
    aliases: parseAliases(textOf(values, `${p}.aliases`)),
  };
  const put = (key: string, v: unknown) => {
    if (v !== undefined) person[key] = v;
  };
  put('sex', emptyToUndefined(textOf(values, `${p}.sex`)));
  put('race', emptyToUndefined(textOf(values, `${p}.race`)));
  put('dob', dateText(textOf(values, `${p}.dob`)));
  put('estimatedAge', num(textOf(values, `${p}.estimatedAge`)));
  const feet = num(textOf(values, `${p}.height.feet`));
  const inches = num(textOf(values, `${p}.height.inches`));
  if (feet !== undefined || inches !== undefined) person.height = { feet, inches: inches ?? 0 };
  put('weight', num(textOf(values, `${p}.weight`)));
  put('hair', emptyToUndefined(textOf(values, `${p}.hair`)));
  put('eye', emptyToUndefined(textOf(values, `${p}.eye`)));
  put('skin', emptyToUndefined(textOf(values, `${p}.skin`)));
  const address: Obj = {};
  for (const k of ['street', 'city', 'state', 'postalCode']) {
    const v = emptyToUndefined(textOf(values, `${p}.address.${k}`));
    if (v !== undefined) address[k] = v;
  }
  if (Object.keys(address).length) person.address = address;
  const number = emptyToUndefined(textOf(values, `${p}.licence.number`));
  const state = emptyToUndefined(textOf(values, `${p}.licence.state`));
  if (number || state) person.licence = { number, state };
  put('relationship', emptyToUndefined(textOf(values, `${p}.relationship`)));
  return person;
}

function termFrom(values: FormValues, kind: TermKind): Obj {
  const p = `terms.${kind}`;
  const t = (k: string) => textOf(values, `${p}.${k}`);
  const term: Obj = { id: kind, kind };
  switch (kind) {
    case 'personal-conduct':
      return {
        ...term,
        acts: listOf(values, `${p}.acts`),
        includesHousehold: flagOf(values, `${p}.includesHousehold`),
      };
    case 'no-contact':
      return { ...term, exceptions: listOf(values, `${p}.exceptions`) };
    case 'stay-away': {
      const other = emptyToUndefined(t('otherPlaces'));
      return {
        ...term,
        yards: num(t('yards')),
        places: listOf(values, `${p}.places`),
        ...(other ? { otherPlaces: other } : {}),
      };
    }
    case 'move-out':
      return { ...term, address: t('address') };
    case 'firearms':
      return {
        ...term,
        firearms: flagOf(values, `${p}.firearms`),
        ammunition: flagOf(values, `${p}.ammunition`),
        bodyArmour: flagOf(values, `${p}.bodyArmour`),
        relinquishWithinHours: num(t('relinquishWithinHours')) ?? null,
        proofWithinHours: num(t('proofWithinHours')) ?? null,
      };
    case 'animals':
      return {
        ...term,
        animals: t('animals')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((line) => {
            const [name, description] = line.split(/\s+[—-]\s+/, 2);
            return description ? { name, description } : { description: line };
          }),
      };
    case 'custody':
      return {
        ...term,
        reference: t('reference'),
        temporaryCustodyTo: emptyToUndefined(t('temporaryCustodyTo')),
        restrainedVisitation: flagOf(values, `${p}.restrainedVisitation`),
      };
    case 'electronic-monitoring': {
      const agency = emptyToUndefined(t('agency'));
      return { ...term, months: num(t('months')), ...(agency ? { agency } : {}) };
    }
    case 'other':
      return { ...term, text: t('text') };
  }
}

export type BuiltOrder = {
  /** Input for `checkOrder` / `orderSchema`. */
  readonly order: Obj;
  /** The CLETS-001/002 block, kept apart from the order (null when empty or not used). */
  readonly confidential: Obj | null;
  /** `terms.N` in schema errors → the term kind, so errors land on the right fields. */
  readonly termKinds: readonly TermKind[];
};

export function valuesToOrder(entry: OrderTypeEntry, values: FormValues, id: string): BuiltOrder {
  const order: Obj = { id, orderType: entry.code, status: 'active' };
  for (const key of ['caseNumber', 'judicialOfficer', 'agencyCaseNumber']) {
    const v = emptyToUndefined(textOf(values, key));
    if (v !== undefined) order[key] = v;
  }
  const court: Obj = {};
  for (const k of ['ori', 'name', 'branch']) {
    const v = emptyToUndefined(textOf(values, `court.${k}`));
    if (v !== undefined) court[k] = v;
  }
  order.court = court;
  if (entry.petitioner.required) {
    order.petitioner = {
      role: emptyToUndefined(textOf(values, 'petitioner.role')),
      name: textOf(values, 'petitioner.name'),
    };
  }
  order.restrained = personFrom(values, 'restrained');
  const count = Number(textOf(values, 'protected.count') || '0');
  const termKinds = entry.conductTerms.filter((k) => flagOf(values, `terms.${k}.on`));
  order.terms = termKinds.map((k) => termFrom(values, k));
  order.protected = Array.from({ length: entry.protected.max === 0 ? 0 : count }, (_, i) => ({
    ...personFrom(values, `protected.${i}`),
    coveredBy: termKinds,
  }));
  const issued = localToIso(textOf(values, 'issuedAt'));
  if (issued) order.issuedAt = issued;
  const hearing = localToIso(textOf(values, 'hearingAt'));
  if (hearing) order.hearingAt = hearing;
  if (values.restrainedPresentAtHearing !== undefined)
    order.restrainedPresentAtHearing = flagOf(values, 'restrainedPresentAtHearing');
  const kind = textOf(values, 'expiration.kind') || 'unspecified';
  order.expiration =
    kind === 'at'
      ? { kind, at: localToIso(textOf(values, 'expiration.at')) }
      : kind === 'date'
        ? { kind, date: dateText(textOf(values, 'expiration.date')) }
        : { kind };
  const method = textOf(values, 'service.method') || 'not-served';
  const service: Obj = { method };
  if (method !== 'not-served') service.at = localToIso(textOf(values, 'service.at'));
  if (method === 'personal' || method === 'mail') {
    service.servedBy = textOf(values, 'service.servedBy');
    const agency = emptyToUndefined(textOf(values, 'service.agency'));
    if (agency) service.agency = agency;
  }
  if (method === 'mail') {
    service.troPersonallyServed = flagOf(values, 'service.troPersonallyServed');
    service.sameAsTroExceptExpiry = flagOf(values, 'service.sameAsTroExceptExpiry');
  }
  order.service = service;
  const brady = emptyToUndefined(textOf(values, 'bradyIndicator'));
  if (brady) order.bradyIndicator = brady;
  const replaces = emptyToUndefined(textOf(values, 'replaces'));
  if (replaces) order.replaces = replaces;

  let confidential: Obj | null = null;
  if (entry.confidentialForm) {
    const restrained: Obj = {};
    for (const k of ['ssn', 'phone', 'employer', 'identifyingMarks', 'firearmsDescription']) {
      const v = emptyToUndefined(textOf(values, `confidential.restrained.${k}`));
      if (v !== undefined) restrained[k] = v;
    }
    if (Object.keys(restrained).length) {
      confidential = {
        orderId: id,
        form: entry.confidentialForm,
        filedAt: order.issuedAt,
        restrained,
        protected: [],
      };
    }
  }
  return { order, confidential, termKinds };
}

/** Writes an order's values into form fields (clone and fixtures); returns the form values. */
export function orderToValues(order: Obj): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const walk = (value: unknown, path: string) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value) || typeof value !== 'object') {
      out[path] = Array.isArray(value)
        ? value.map(String)
        : typeof value === 'boolean'
          ? value
          : String(value);
      return;
    }
    for (const [k, v] of Object.entries(value as Obj)) walk(v, path ? `${path}.${k}` : k);
  };
  const {
    terms,
    protected: prot,
    restrained,
    issuedAt,
    hearingAt,
    expiration,
    service,
    ...rest
  } = order;
  walk(rest, '');
  const person = (p: Obj, prefix: string) => {
    const { aliases, coveredBy: _c, ...fields } = p;
    walk(fields, prefix);
    const list = (aliases as Obj[] | undefined) ?? [];
    if (list.length)
      out[`${prefix}.aliases`] = list
        .map((a) => `${String(a.last)}, ${[a.first, a.middle].filter(Boolean).join(' ')}`)
        .join('\n');
  };
  if (restrained) person(restrained as Obj, 'restrained');
  const protectedList = (prot as Obj[] | undefined) ?? [];
  out['protected.count'] = String(protectedList.length);
  protectedList.forEach((p, i) => person(p, `protected.${i}`));
  for (const term of (terms as Obj[] | undefined) ?? []) {
    const { id: _id, kind, ...fields } = term;
    const p = `terms.${String(kind)}`;
    out[`${p}.on`] = true;
    if (kind === 'animals') {
      out[`${p}.animals`] = ((fields.animals as Obj[]) ?? [])
        .map((a) =>
          a.name ? `${String(a.name)} — ${String(a.description)}` : String(a.description),
        )
        .join('\n');
    } else walk(fields, p);
  }
  if (typeof issuedAt === 'string') out.issuedAt = isoToLocal(issuedAt);
  if (typeof hearingAt === 'string') out.hearingAt = isoToLocal(hearingAt);
  const exp = expiration as Obj | undefined;
  if (exp) {
    out['expiration.kind'] = String(exp.kind);
    if (typeof exp.at === 'string') out['expiration.at'] = isoToLocal(exp.at);
    if (typeof exp.date === 'string') out['expiration.date'] = exp.date;
  }
  const svc = service as Obj | undefined;
  if (svc) {
    const { at, ...fields } = svc;
    walk(fields, 'service');
    if (typeof at === 'string') out['service.at'] = isoToLocal(at);
  }
  return out;
}

/** The Pacific date of an ISO instant, for display. */
export const courtDate = zonedDateOf;
