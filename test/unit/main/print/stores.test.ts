import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  mkdirSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PrintLog } from '../../../../src/main/print/store/printLog';
import { PrinterStore } from '../../../../src/main/print/store/printerStore';
import type { PrintRecord } from '../../../../src/shared/printing/jobs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-print-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dept3 = {
  id: 'dept-3',
  name: 'Dept 3 — HP M404',
  courtroom: 'Dept 3',
  kind: 'ipp' as const,
  uri: 'ipp://10.1.2.3:631/ipp/print',
};

describe('PrinterStore', () => {
  it('saves printers per courtroom with defaults and reads them back from disk', async () => {
    await new PrinterStore(dir).save(dept3);
    await new PrinterStore(dir).save({
      id: 'dept-4',
      name: 'Dept 4 CUPS',
      courtroom: 'Dept 4',
      kind: 'cups',
      queue: 'dept4',
      defaultSides: 'two-sided-long-edge',
    });
    const list = await new PrinterStore(dir).list();
    expect(list).toEqual([
      { ...dept3, defaultMedia: 'na_letter_8.5x11in', defaultSides: 'one-sided' },
      expect.objectContaining({
        id: 'dept-4',
        queue: 'dept4',
        defaultSides: 'two-sided-long-edge',
      }),
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'print', 'printers.json'), 'utf8')).version).toBe(
      1,
    );
  });

  it('replaces a printer by id and refuses a duplicate name', async () => {
    const store = new PrinterStore(dir);
    await store.save(dept3);
    await store.save({ ...dept3, uri: 'ipp://10.1.2.4/ipp/print' });
    expect((await store.list()).map((p) => (p.kind === 'ipp' ? p.uri : ''))).toEqual([
      'ipp://10.1.2.4/ipp/print',
    ]);
    await expect(store.save({ ...dept3, id: 'other' })).rejects.toThrow(
      /already called "Dept 3 — HP M404"/,
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses bad settings with a clear message and keeps the file as it was', async () => {
    const store = new PrinterStore(dir);
    await store.save(dept3);
    await expect(store.save({ ...dept3, id: 'x', name: 'X', uri: 'http://nope' })).rejects.toThrow(
      /ipp:\/\/host:port\/path/,
    );
    expect(await new PrinterStore(dir).list()).toHaveLength(1);
  });

  it('deletes printers and says so when one is missing', async () => {
    const store = new PrinterStore(dir);
    await store.save(dept3);
    expect(await store.remove('dept-3')).toEqual([]);
    await expect(store.remove('dept-3')).rejects.toThrow(/There is no printer "dept-3"/);
    await expect(store.get('dept-9')).rejects.toThrow(/choose one from the printer list/);
  });

  it('reports a damaged settings file instead of treating it as empty', async () => {
    mkdirSync(path.join(dir, 'print'));
    writeFileSync(path.join(dir, 'print', 'printers.json'), '{"version":1,"printers":[{"id":');
    await expect(new PrinterStore(dir).list()).rejects.toThrow(/is damaged/);
  });
});

const record = (
  jobId: string,
  outcome: PrintRecord['outcome'],
  at: string,
  orderId = 'o1',
): PrintRecord => ({
  jobId,
  kind: 'service-copy',
  at,
  printedBy: 'clerk1',
  orderId,
  caseNumber: '25DV01234',
  orderTypeCode: 'DV-110',
  recipient: { kind: 'protected-person' },
  copies: 2,
  pageCount: 3,
  printerId: 'dept-3',
  printerName: 'Dept 3',
  printerJobId: outcome === 'requested' ? null : 7,
  outcome,
  endedAt: null,
  detail: '',
  retryOf: null,
});

describe('PrintLog', () => {
  it('appends JSON lines and lists one record per job with its latest outcome, newest first', async () => {
    const log = new PrintLog(dir);
    await log.append(record('a', 'requested', '2026-03-02T10:00:00.000Z'));
    await log.append(record('b', 'requested', '2026-03-02T11:00:00.000Z', 'o2'));
    await log.append(record('a', 'submitted', '2026-03-02T10:00:00.000Z'));
    await log.append(record('a', 'completed', '2026-03-02T10:00:00.000Z'));
    const lines = readFileSync(log.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    const list = await new PrintLog(dir).list();
    expect(list.map((r) => [r.jobId, r.outcome])).toEqual([
      ['b', 'requested'],
      ['a', 'completed'],
    ]);
    expect((await log.list({ orderId: 'o2' })).map((r) => r.jobId)).toEqual(['b']);
    expect(await log.list({ limit: 1 })).toHaveLength(1);
  });

  it('skips a torn last line after a crash', async () => {
    const log = new PrintLog(dir);
    await log.append(record('a', 'requested', '2026-03-02T10:00:00.000Z'));
    appendFileSync(log.file, '{"jobId":"b","kind":"serv');
    expect((await log.list()).map((r) => r.jobId)).toEqual(['a']);
  });

  it('keeps lines whole when appends race', async () => {
    const log = new PrintLog(dir);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        log.append(record(`j${i}`, 'requested', '2026-03-02T10:00:00.000Z')),
      ),
    );
    expect(await log.list()).toHaveLength(40);
  });

  it('links a record to the first print that names it in retryOf, and finds unfinished ones', async () => {
    const log = new PrintLog(dir);
    await log.append(record('a', 'requested', '2026-03-02T10:00:00.000Z'));
    await log.append(record('a', 'failed', '2026-03-02T10:00:00.000Z'));
    await log.append({ ...record('b', 'requested', '2026-03-02T11:00:00.000Z'), retryOf: 'a' });
    await log.append(record('c', 'submitted', '2026-03-02T12:00:00.000Z'));
    expect(await log.get('a')).toMatchObject({ outcome: 'failed', retriedBy: 'b' });
    expect(await log.get('b')).toMatchObject({ retryOf: 'a', retriedBy: null });
    expect(await log.get('zz')).toBeNull();
    expect((await log.unfinished()).map((r) => r.jobId).sort()).toEqual(['b', 'c']);
  });

  it('lists nothing before the first print', async () => {
    expect(await new PrintLog(dir).list()).toEqual([]);
  });
});
