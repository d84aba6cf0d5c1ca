import { describe, expect, it } from 'vitest';

import { ClerkIpcError } from '../../../../src/shared/ipc/envelope';
import { printerConfigSchema } from '../../../../src/shared/printing/printers';
import {
  emptyPrinterForm,
  formFromPrinter,
  printerFormErrors,
  printerFromForm,
  suggestPrinterId,
} from '../../../../src/renderer/features/print/devices/printerForm';
import {
  defaultRecipientRows,
  recipientsFromRows,
} from '../../../../src/renderer/features/print/queue/recipientRows';
import {
  describeService,
  placeServiceErrors,
  serviceFormDefaults,
  serviceFromForm,
} from '../../../../src/renderer/features/print/service/serviceForm';

describe('printer form', () => {
  it('sends only the chosen connection’s fields, trimmed, and the schema accepts them', () => {
    const ipp = printerFromForm({
      ...emptyPrinterForm,
      id: 'dept-3',
      name: ' Dept 3 — HP M404 ',
      courtroom: 'Dept 3',
      uri: ' ipp://10.1.2.3:631/ipp/print ',
      queue: 'left-over',
    });
    expect(ipp).toEqual({
      id: 'dept-3',
      name: 'Dept 3 — HP M404',
      courtroom: 'Dept 3',
      kind: 'ipp',
      uri: 'ipp://10.1.2.3:631/ipp/print',
      defaultMedia: 'na_letter_8.5x11in',
      defaultSides: 'one-sided',
    });
    expect(printerConfigSchema.safeParse(ipp).success).toBe(true);
    const cups = printerFromForm({
      ...emptyPrinterForm,
      id: 'a',
      name: 'A',
      courtroom: 'B',
      kind: 'cups',
      queue: 'Dept3',
      uri: 'x',
    });
    expect(cups).not.toHaveProperty('uri');
    expect(cups).not.toHaveProperty('cupsServer');
    expect(printerConfigSchema.safeParse(cups).success).toBe(true);
  });

  it('round-trips a saved printer through the form', () => {
    const saved = printerConfigSchema.parse({
      id: 'dept-9',
      name: 'Dept 9',
      courtroom: 'Dept 9',
      kind: 'cups',
      queue: 'dept9',
      cupsServer: 'localhost:8631',
      defaultSides: 'two-sided-long-edge',
    });
    expect(printerFromForm(formFromPrinter(saved))).toEqual(saved);
  });

  it('suggests a unique slug id from the name', () => {
    expect(suggestPrinterId('Dept 3 — HP M404', [])).toBe('dept-3-hp-m404');
    expect(suggestPrinterId('Dept 3', ['dept-3', 'dept-3-2'])).toBe('dept-3-3');
    expect(suggestPrinterId('——', [])).toBe('printer');
  });

  it('puts main’s issues on their fields, rewording zod’s generic ones', () => {
    const error = new ClerkIpcError('print:save-printer', {
      code: 'invalid-input',
      message: 'The request to print:save-printer was refused.',
      issues: [
        { path: 'uri', message: 'Give the printer address as ipp://host:port/path.' },
        { path: 'name', message: 'Too small: expected string to have >=1 characters' },
      ],
    });
    const { fields, summary } = printerFormErrors(error);
    expect(fields).toEqual({
      uri: 'Give the printer address as ipp://host:port/path.',
      name: 'Enter the printer name clerks will see (up to 80 characters).',
    });
    expect(summary).toBe('The printer was not saved: fix the 2 fields marked below.');
    const taken = printerFormErrors(
      new ClerkIpcError('print:save-printer', {
        code: 'conflict',
        message: 'Another printer is already called "Dept 3"; choose a different name.',
        issues: [{ path: 'name', message: 'This name is taken.' }],
      }),
    );
    expect(taken).toEqual({
      fields: { name: 'This name is taken.' },
      summary:
        'The printer was not saved. Another printer is already called "Dept 3"; choose a different name.',
    });
    const other = printerFormErrors(new Error('The printer settings file is damaged.'));
    expect(other).toEqual({
      fields: {},
      summary: 'The printer was not saved. The printer settings file is damaged.',
    });
  });
});

describe('recipients', () => {
  it('defaults to one copy each for the protected and the restrained person', () => {
    expect(recipientsFromRows(defaultRecipientRows)).toEqual({
      ok: true,
      packets: 2,
      recipients: [
        { recipient: { kind: 'protected-person' }, copies: 1 },
        { recipient: { kind: 'restrained-person' }, copies: 1 },
      ],
    });
  });

  it('names the agency and the other recipient, and checks copies', () => {
    const rows = defaultRecipientRows.map((r) =>
      r.kind === 'law-enforcement'
        ? { ...r, on: true, copies: '2', name: ' Sacramento County Sheriff ' }
        : r.kind === 'other'
          ? { ...r, on: true, name: '' }
          : r.kind === 'protected-person'
            ? { ...r, copies: '100' }
            : r,
    );
    const result = recipientsFromRows(rows);
    expect(result).toEqual({
      ok: false,
      errors: {
        'protected-person': 'Copies must be a whole number from 1 to 99.',
        other: 'Say who the other recipient is (a name or office).',
      },
    });
    const fixed = rows.map((r) =>
      r.kind === 'other'
        ? { ...r, name: 'Jane Roe, attorney' }
        : { ...r, copies: r.kind === 'protected-person' ? '3' : r.copies },
    );
    const ok = recipientsFromRows(fixed);
    expect(ok.ok && ok.recipients).toEqual([
      { recipient: { kind: 'protected-person' }, copies: 3 },
      { recipient: { kind: 'restrained-person' }, copies: 1 },
      { recipient: { kind: 'law-enforcement', name: 'Sacramento County Sheriff' }, copies: 2 },
      { recipient: { kind: 'other', name: 'Jane Roe, attorney' }, copies: 1 },
    ]);
  });

  it('asks for at least one recipient', () => {
    const none = defaultRecipientRows.map((r) => ({ ...r, on: false }));
    expect(recipientsFromRows(none)).toEqual({
      ok: false,
      errors: { all: 'Choose at least one recipient.' },
    });
  });
});

describe('service form', () => {
  it('defaults to now in court time', () => {
    const v = serviceFormDefaults(new Date('2026-12-02T17:05:00Z'));
    expect(v).toMatchObject({ method: 'in-court', date: '2026-12-02', time: '09:05' });
    // Late evening in California is already tomorrow in UTC.
    expect(serviceFormDefaults(new Date('2026-12-03T06:30:00Z')).date).toBe('2026-12-02');
  });

  it('stores court wall time with its offset, and the agency only when given', () => {
    expect(
      serviceFromForm({
        method: 'in-court',
        date: '2026-07-03',
        time: '14:30',
        servedBy: 'x',
        agency: 'y',
      }),
    ).toEqual({ ok: true, service: { method: 'in-court', at: '2026-07-03T14:30:00-07:00' } });
    expect(
      serviceFromForm({
        method: 'personal',
        date: '2026-12-02',
        time: '09:40',
        servedBy: 'Ana Ruiz',
        agency: ' ',
      }),
    ).toEqual({
      ok: true,
      service: { method: 'personal', at: '2026-12-02T09:40:00-08:00', servedBy: 'Ana Ruiz' },
    });
  });

  it('asks for a date and a time', () => {
    expect(
      serviceFromForm({ method: 'in-court', date: '', time: '', servedBy: '', agency: '' }),
    ).toEqual({
      ok: false,
      errors: {
        date: 'Enter the date of service.',
        time: 'Enter the time of service (hours and minutes).',
      },
    });
    const bad = serviceFromForm({
      method: 'in-court',
      date: '2026-02-30',
      time: '09:00',
      servedBy: '',
      agency: '',
    });
    expect(bad.ok).toBe(false);
  });

  it('places the validator’s errors on fields and keeps the rest for the summary', () => {
    expect(
      placeServiceErrors([
        { path: 'service.at', message: 'Service cannot be in the future.' },
        { path: 'service.servedBy', message: 'A protected person cannot serve the order.' },
        { path: 'issuedAt', message: 'Something else.' },
      ]),
    ).toEqual({
      fields: {
        date: 'Service cannot be in the future.',
        servedBy: 'A protected person cannot serve the order.',
      },
      other: ['Something else.'],
    });
  });

  it('describes each kind of service', () => {
    expect(describeService({ method: 'not-served' })).toBe('Not served');
    expect(
      describeService({
        method: 'personal',
        at: '2026-12-02T09:40:00-08:00',
        servedBy: 'Ana Ruiz',
        agency: 'Sheriff',
      }),
    ).toBe('Personal service by Ana Ruiz (Sheriff) 12/2/26, 9:40 AM');
  });
});
