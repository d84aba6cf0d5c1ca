/**
 * `report:build-daily` through a real workstation's dispatcher and access gate: a signed-in
 * supervisor gets a CSV and a PDF that read back, each export is in the audit journal
 * (recorded by the gate, as `report.export` is audited on success), a clerk is refused and
 * that refusal is audited, and bad input or another court's day builds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWorkstation, type Workstation } from '../../../src/main/workstation';
import { MAX_REPORT_ROWS } from '../../../src/shared/ipc/contracts/report';
import type { IpcResult } from '../../../src/shared/ipc/envelope';
import { signInAs, TEST_KDF } from '../../helpers/auth';
import { bigSummary, fixtureSummary } from '../../unit/shared/review/daySummaryFixture';

const ctx = { shell: 'host', origin: 'http://127.0.0.1:1' } as const;
type File = { fileName: string; mime: string; bytes: Uint8Array };

let dataDir = '';
let ws: Workstation;

const build = (input: unknown) =>
  ws.dispatcher.dispatch('report:build-daily', input, ctx) as Promise<IpcResult<File>>;
const newestSeq = async () => (await ws.auth.journal.list(1))[0]?.seq ?? 0;
const eventsSince = async (seq: number) =>
  (await ws.auth.journal.list(20)).filter((e) => e.seq > seq);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-report-'));
  ws = createWorkstation({
    shell: 'host',
    dataDir,
    version: 'test',
    env: {},
    auth: { kdf: TEST_KDF },
  });
  await ws.auth.ready;
});

afterAll(async () => {
  await ws?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('report:build-daily', () => {
  it('gives a supervisor the CSV and the PDF, each export audited', async () => {
    await signInAs(ws, 'supervisor');
    const before = await newestSeq();
    const csv = await build({ summary: fixtureSummary(), format: 'csv' });
    if (!csv.ok) throw new Error(JSON.stringify(csv.error));
    expect(csv.value.bytes).toBeInstanceOf(Uint8Array);
    expect(csv.value.fileName).toBe('review-CA034999J-2026-12-02.csv');
    const text = new TextDecoder().decode(csv.value.bytes);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(8);

    const pdf = await build({ summary: bigSummary(120), format: 'pdf' });
    if (!pdf.ok) throw new Error(JSON.stringify(pdf.error));
    expect(pdf.value.mime).toBe('application/pdf');
    const doc = await PDFDocument.load(pdf.value.bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);

    const events = await eventsSince(before);
    const exports = events.filter(
      (e) => e.action === 'report.export' && e.where.channel === 'report:build-daily',
    );
    expect(exports.map((e) => e.outcome)).toEqual(['success', 'success']);
    expect(exports[0]?.actor?.role).toBe('supervisor');
  });

  it('refuses a clerk, builds nothing, and audits the refusal', async () => {
    await signInAs(ws, 'clerk');
    const before = await newestSeq();
    const result = await build({ summary: fixtureSummary(), format: 'csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
    const denied = (await eventsSince(before)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.action)).toEqual(['report.export']);
  });

  it('refuses bad input and another court, with clear messages', async () => {
    await signInAs(ws, 'supervisor');
    const wrongFormat = await build({ summary: fixtureSummary(), format: 'docx' });
    expect(!wrongFormat.ok && wrongFormat.error.code).toBe('invalid-input');

    const tooBig = await build({ summary: bigSummary(MAX_REPORT_ROWS), format: 'csv' });
    expect(!tooBig.ok && tooBig.error.code).toBe('invalid-input');

    const before = await newestSeq();
    const other = await build({
      summary: { ...fixtureSummary(), courtOri: 'CA019011J' },
      format: 'pdf',
    });
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.error.code).toBe('forbidden');
      expect(other.error.message).toContain('you can report only on CA034999J');
    }
    // The gate let it through (the role may export) and records the handler's refusal.
    const failed = (await eventsSince(before)).filter((e) => e.action === 'report.export');
    expect(failed.map((e) => e.outcome)).toEqual(['failure']);
  });
});
