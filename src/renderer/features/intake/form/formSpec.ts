/**
 * Builds the order form for a catalog entry. There is no hand-written form per order type:
 * which sections, parties, terms, dates and service methods appear is read from the catalog.
 */
import type { OrderTypeEntry } from '../../../../shared/orders/catalog/schema';
import { petitionerRoles } from '../../../../shared/orders/catalog/parties';

import type { Field, Option, Section } from './fieldTypes';
import { protectedFields, restrainedFields } from './personFields';
import { termFields } from './termFields';

const dateTimeHint = 'MM/DD/YYYY HH:MM (24-hour) or YYYY-MM-DD HH:MM';

const serviceLabels: Record<string, string> = {
  'not-served': 'Not served yet',
  'in-court': 'Served in court (present at the hearing)',
  personal: 'Personal service',
  mail: 'Service by mail',
};

function expirationOptions(entry: OrderTypeEntry): Option[] {
  const options: Option[] = [
    { value: 'unspecified', label: 'None written — use the rule for this order type' },
    { value: 'at', label: 'Date and time written on the order' },
  ];
  if (entry.endOfDayIfNoTime) options.push({ value: 'date', label: 'Date written, no time' });
  if (entry.noExpirationAllowed)
    options.push({ value: 'none', label: 'No expiration (permanent)' });
  return options;
}

export function buildFormSpec(entry: OrderTypeEntry): Section[] {
  const sections: Section[] = [];
  sections.push({
    id: 'case',
    title: 'Court and case',
    fields: [
      {
        key: 'caseNumber',
        label: 'Case number',
        kind: 'code',
        required: true,
        hint: 'e.g. 26FL001234',
      },
      { key: 'court.ori', label: 'Court ORI', kind: 'code', required: true, width: 'narrow' },
      { key: 'court.name', label: 'Court', kind: 'text', required: true, width: 'wide' },
      { key: 'court.branch', label: 'Branch', kind: 'text' },
      { key: 'judicialOfficer', label: 'Judicial officer', kind: 'text', required: true },
      {
        key: 'meta.courtroom',
        label: 'Department / courtroom',
        kind: 'code',
        width: 'narrow',
        hint: 'For the courtroom print queue',
      },
      ...(entry.family === 'EPO' || entry.family === 'CPO'
        ? [{ key: 'agencyCaseNumber', label: 'Agency case number', kind: 'code' as const }]
        : []),
    ],
  });
  if (entry.petitioner.required) {
    sections.push({
      id: 'petitioner',
      title: 'Petitioner',
      fields: [
        {
          key: 'petitioner.role',
          label: 'Petitioner is',
          kind: 'select',
          required: true,
          options: petitionerRoles
            .filter((r) => entry.petitioner.roles.includes(r.code))
            .map((r) => ({ value: r.code, label: r.label })),
        },
        {
          key: 'petitioner.name',
          label: 'Petitioner name',
          kind: 'text',
          required: true,
          width: 'wide',
        },
      ],
    });
  }
  sections.push({ id: 'restrained', title: entry.restrainedLabel, fields: restrainedFields() });
  if (entry.protected.max !== 0) {
    sections.push({
      id: 'protected',
      title: 'Protected persons',
      fields: protectedFields(),
      repeat: {
        countKey: 'protected.count',
        itemLabel: 'Protected person',
        min: entry.protected.min,
        max: entry.protected.max,
      },
    });
  }
  sections.push({
    id: 'terms',
    title: 'Orders (conduct terms)',
    fields: entry.conductTerms.flatMap((kind) => termFields(kind)),
  });
  const dates: Field[] = [
    {
      key: 'issuedAt',
      label: 'Issued (date and time)',
      kind: 'datetime',
      required: true,
      hint: dateTimeHint,
    },
  ];
  if (entry.hearing.kind !== 'none') {
    dates.push({
      key: 'hearingAt',
      label: entry.hearing.kind === 'held' ? 'Hearing held' : 'Hearing set for',
      kind: 'datetime',
      hint: dateTimeHint,
    });
  }
  if (entry.hearing.kind === 'held') {
    dates.push({
      key: 'restrainedPresentAtHearing',
      label: 'Restrained person was at the hearing',
      kind: 'checkbox',
      width: 'wide',
    });
  }
  dates.push(
    {
      key: 'expiration.kind',
      label: 'Expiration',
      kind: 'select',
      required: true,
      width: 'wide',
      options: expirationOptions(entry),
    },
    {
      key: 'expiration.at',
      label: 'Expires (date and time)',
      kind: 'datetime',
      when: { key: 'expiration.kind', equals: 'at' },
    },
    {
      key: 'expiration.date',
      label: 'Expires (date)',
      kind: 'date',
      when: { key: 'expiration.kind', equals: 'date' },
    },
    {
      key: 'expirationReason',
      label: 'Why the expiry differs from the rule',
      kind: 'text',
      width: 'wide',
      hint: 'Required when you enter an expiry yourself, e.g. "written at item 13"',
    },
  );
  sections.push({ id: 'dates', title: 'Dates', fields: dates });
  const viaMail = { key: 'service.method', equals: 'mail' } as const;
  const served = { key: 'service.method', equals: ['in-court', 'personal', 'mail'] } as const;
  const byServer = { key: 'service.method', equals: ['personal', 'mail'] } as const;
  sections.push({
    id: 'service',
    title: 'Service',
    fields: [
      {
        key: 'service.method',
        label: 'Service',
        kind: 'select',
        required: true,
        width: 'wide',
        options: entry.serviceMethods.map((m) => ({ value: m, label: serviceLabels[m] ?? m })),
      },
      {
        key: 'service.at',
        label: 'Served (date and time)',
        kind: 'datetime',
        hint: dateTimeHint,
        when: served,
      },
      { key: 'service.servedBy', label: 'Served by', kind: 'text', when: byServer },
      { key: 'service.agency', label: 'Agency', kind: 'text', when: byServer },
      {
        key: 'service.troPersonallyServed',
        label: 'The TRO was personally served',
        kind: 'checkbox',
        when: viaMail,
      },
      {
        key: 'service.sameAsTroExceptExpiry',
        label: 'Same terms as the TRO except the expiry',
        kind: 'checkbox',
        when: viaMail,
      },
    ],
  });
  sections.push({
    id: 'brady',
    title: 'Firearms prohibition (Brady)',
    fields: [
      {
        key: 'bradyIndicator',
        label: 'Brady indicator',
        kind: 'select',
        options: [
          { value: 'Y', label: 'Y — prohibited' },
          { value: 'N', label: 'N — not prohibited' },
          { value: 'U', label: 'U — unknown' },
        ],
        hint: 'Leave empty to use the suggestion shown on review',
      },
    ],
  });
  if (entry.confidentialForm) {
    sections.push({
      id: 'confidential',
      title: `${entry.confidentialForm} confidential information`,
      confidential: true,
      note: 'For law enforcement only. Never printed and never placed in the court file.',
      fields: [
        {
          key: 'confidential.restrained.ssn',
          label: 'Social security number',
          kind: 'code',
          hint: '9 digits',
        },
        { key: 'confidential.restrained.phone', label: 'Phone', kind: 'text' },
        { key: 'confidential.restrained.employer', label: 'Employer', kind: 'text' },
        {
          key: 'confidential.restrained.identifyingMarks',
          label: 'Scars, marks and tattoos',
          kind: 'text',
          width: 'wide',
        },
        {
          key: 'confidential.restrained.firearmsDescription',
          label: 'Known firearms',
          kind: 'text',
          width: 'wide',
        },
      ],
    });
  }
  return sections;
}

/** Every concrete field key of a spec for given repeat counts (for error mapping and focus). */
export function fieldKeys(
  sections: readonly Section[],
  counts: Readonly<Record<string, number>>,
): string[] {
  return sections.flatMap((s) => {
    if (!s.repeat) return s.fields.map((f) => f.key);
    const n = counts[s.repeat.countKey] ?? 0;
    return Array.from({ length: n }, (_, i) =>
      s.fields.map((f) => f.key.replace('{i}', String(i))),
    ).flat();
  });
}
