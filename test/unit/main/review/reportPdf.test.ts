import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';

import { buildDailyPdf } from '../../../../src/main/review/reportPdf';
import { createReportHandlers } from '../../../../src/main/review/reportHandlers';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import { bigSummary, fixtureSummary, submission } from '../../shared/review/daySummaryFixture';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-report-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** The PDF's text as poppler's pdftotext reads it (a real reader, not pdf-lib itself). */
function textOf(bytes: Uint8Array): string {
  n += 1;
  const file = path.join(dir, `r${n}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the daily report PDF', () => {
  it('parses back, with the title, counts, late list and rejections', async () => {
    const bytes = await buildDailyPdf(fixtureSummary());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Daily review report - CA034999J - 2026-12-02');
    const text = textOf(bytes);
    expect(text).toContain('Daily review report - CA034999J - 2026-12-02');
    expect(text).toMatch(
      /By status: at_registry: 4\s+sent_to_clets: 1\s+acknowledged: 1\s+rejected: 1/,
    );
    expect(text).toContain('median 5 min');
    expect(text).toMatch(/OVERDUE: case 26FL000103/);
    expect(text).toMatch(/AT RISK: case 26FL000102/);
    expect(text).toMatch(/Case 26FL000104 \[E-DOB\]: =HYPERLINK/);
    expect(text).toContain('Field: restrained.dob');
    expect(text).toContain('Page 1 of 1');
  });

  it('draws names outside Windows-1252 without failing: accents dropped, others as ?', async () => {
    const text = textOf(await buildDailyPdf(fixtureSummary()));
    expect(text).toContain('NGUYEN, Thi');
    expect(text).toContain('?, ?');
  });

  it('runs the table across pages, header repeated, page x of y on each', async () => {
    const small = await PDFDocument.load(await buildDailyPdf(bigSummary(10)));
    const bytes = await buildDailyPdf(bigSummary(200));
    const big = await PDFDocument.load(bytes);
    expect(big.getPageCount()).toBeGreaterThan(small.getPageCount());
    const pages = big.getPageCount();
    const text = textOf(bytes);
    for (let p = 1; p <= pages; p += 1) expect(text).toContain(`Page ${p} of ${pages}`);
    const headers = text.match(/Case number\s+Type\s+Restrained person/g) ?? [];
    // The table starts on page 1 and repeats its header on every page after.
    expect(headers.length).toBe(pages);
    expect(text).toContain('26FL900199');
  });

  it('carries no confidential property that rides along on a row', async () => {
    const leaky = {
      ...submission({ orderId: 'o-leak', caseNumber: '26FL888' }),
      ssn: '555443333',
      protectedAddress: '12 Hidden Lane',
    };
    const text = textOf(await buildDailyPdf(fixtureSummary([leaky])));
    expect(text).toContain('26FL888');
    expect(text).not.toContain('555443333');
    expect(text).not.toContain('Hidden Lane');
  });
});

describe('the report:build-daily handler', () => {
  const handler = createReportHandlers()['report:build-daily'];
  const ctx = {
    shell: 'host' as const,
    origin: 'test',
    principal: {
      userId: 'u-super',
      username: 'supervisor',
      displayName: 'Sam',
      role: 'supervisor' as const,
      courtOri: 'CA034999J',
      courtroom: '',
    },
  };

  it('answers a CSV with a BOM and a PDF, each named by court and day', async () => {
    const csv = await handler({ summary: fixtureSummary(), format: 'csv' }, ctx);
    expect(csv.mime).toBe('text/csv');
    expect(csv.fileName).toBe('review-CA034999J-2026-12-02.csv');
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true })
        .decode(csv.bytes)
        .startsWith('\uFEFFCase number,'),
    ).toBe(true);
    const pdf = await handler({ summary: fixtureSummary(), format: 'pdf' }, ctx);
    expect(pdf.mime).toBe('application/pdf');
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.bytes.byteLength).toBe(pdf.bytes.buffer.byteLength);
  });

  it("refuses another court's day", async () => {
    const other = { ...fixtureSummary(), courtOri: 'CA019011J' };
    await expect(handler({ summary: other, format: 'csv' }, ctx)).rejects.toBeInstanceOf(
      ServiceError,
    );
  });
});
