import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import {
  buildDailyCsv,
  courtIso,
  csvField,
  reportColumns,
  reportFileName,
} from '../../../../src/shared/review/reportCsv';

import { fixtureSummary, submission } from './daySummaryFixture';

/** A small RFC 4180 reader, to check the builder's output parses back to its cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
    i += 1;
  }
  return rows;
}

describe('the daily report CSV', () => {
  it('has a header row and one row per submission, CRLF line ends', () => {
    const summary = fixtureSummary();
    const text = buildDailyCsv(summary);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(reportColumns.map((c) => c.header));
    expect(rows).toHaveLength(summary.submissions.length + 1);
    for (const r of rows) expect(r).toHaveLength(reportColumns.length);
    expect(rows.map((r) => r[0])).toContain('26FL000104');
  });

  it('quotes commas, quotes and line breaks, and reads back the same text', () => {
    const summary = fixtureSummary([
      submission({
        orderId: 'o-q',
        caseNumber: '26FL777',
        restrainedName: 'SMITH, "Bo"\r\nJr',
      }),
    ]);
    const rows = parseCsv(buildDailyCsv(summary));
    const row = rows.find((r) => r[0] === '26FL777');
    expect(row?.[2]).toBe('SMITH, "Bo"\r\nJr');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tX', '\r=1']) {
      const field = csvField(bad);
      expect(field.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    const rows = parseCsv(buildDailyCsv(fixtureSummary()));
    const rejected = rows.find((r) => r[0] === '26FL000104');
    const reasonCol = reportColumns.findIndex((c) => c.header === 'Reject reason');
    expect(rejected?.[reasonCol]).toBe(
      '\'=HYPERLINK("http://x") date of birth is after the order date',
    );
    // Negative court hours are a number we wrote, not text a user typed.
    const overdue = rows.find((r) => r[0] === '26FL000103');
    const hoursCol = reportColumns.findIndex((c) => c.header === 'Court hours left');
    expect(overdue?.[hoursCol]).toBe('-3');
  });

  it('never leaves a formula start in any field (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = csvField(text);
        const inner = field.startsWith('"') ? field.slice(1) : field;
        return !/^[=+\-@\t\r]/.test(inner);
      }),
    );
  });

  it('writes times in court time with their offset (PST in December, PDT in July)', () => {
    expect(courtIso('2026-12-02T17:05:00Z')).toBe('2026-12-02T09:05:00-08:00');
    expect(courtIso('2026-07-03T05:00:00Z')).toBe('2026-07-02T22:00:00-07:00');
    expect(courtIso('2026-12-02T09:05:00-08:00')).toBe('2026-12-02T09:05:00-08:00');
    expect(courtIso(null)).toBe('');
    const rows = parseCsv(buildDailyCsv(fixtureSummary()));
    const receivedCol = reportColumns.findIndex((c) => c.header === 'Received');
    expect(rows[1]?.[receivedCol]).toBe('2026-12-02T09:05:00-08:00');
  });

  it('copies only its columns: a confidential property on a row never reaches the file', () => {
    const leaky = {
      ...submission({ orderId: 'o-leak', caseNumber: '26FL888' }),
      ssn: '555443333',
      protectedAddress: '12 Hidden Lane',
    };
    const summary = fixtureSummary([leaky]);
    const text = buildDailyCsv(summary);
    expect(text).toContain('26FL888');
    expect(text).not.toContain('555443333');
    expect(text).not.toContain('Hidden Lane');
  });

  it('names the file by court and day with safe characters only', () => {
    expect(reportFileName(fixtureSummary(), 'csv')).toBe('review-CA034999J-2026-12-02.csv');
    expect(reportFileName({ ...fixtureSummary(), courtOri: '../x' }, 'pdf')).toBe(
      'review-x-2026-12-02.pdf',
    );
  });
});
