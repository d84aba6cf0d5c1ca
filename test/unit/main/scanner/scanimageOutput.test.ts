import { describe, expect, it } from 'vitest';

import {
  interpretScanimageRun,
  parseStderrLine,
} from '../../../../src/main/devices/scanner/sane/scanimageOutput';
import type { ScanimageRun } from '../../../../src/main/devices/scanner/sane/scanimageOutput';

const run = (over: Partial<ScanimageRun>): ScanimageRun => ({
  exitCode: 0,
  signal: null,
  statuses: [],
  pagesDelivered: 0,
  cancelRequested: false,
  ...over,
});

describe('parseStderrLine', () => {
  it('reads progress and page boundaries', () => {
    expect(parseStderrLine('Progress: 45.3%')).toEqual({ kind: 'progress', percent: 45.3 });
    expect(parseStderrLine('Scanning page 4')).toEqual({ kind: 'page-start', page: 4 });
    expect(parseStderrLine('Scanned page 3. (scanner status = 5)')).toEqual({
      kind: 'page-end',
      page: 3,
      status: 5,
    });
    expect(parseStderrLine('   ')).toBeNull();
  });

  it.each([
    ['scanimage: sane_start: Document feeder jammed', 'paper-jam'],
    ['scanimage: sane_read: Document feeder out of documents', 'feeder-empty'],
    ['scanimage: sane_read: Scanner cover is open', 'cover-open'],
    ['scanimage: sane_start: Device busy', 'busy'],
    ['scanimage: sane_read: Access to resource has been denied', 'access-denied'],
    ['scanimage: sane_read: Error during device I/O', 'communication'],
    ['scanimage: sane_start: Operation was cancelled', 'cancelled'],
    ['scanimage: open of device fujitsu:x failed: Invalid argument', 'offline'],
    ['scanimage: open of device fujitsu:x failed: Device busy', 'busy'],
    ['scanimage: setting of option --mode failed (Invalid argument)', 'unsupported-setting'],
  ])('maps %s to %s', (line, code) => {
    expect(parseStderrLine(line)).toMatchObject({ kind: 'status', code });
  });

  it('reads the batch summary as the end of the batch', () => {
    expect(parseStderrLine('Batch terminated, 8 pages scanned')).toEqual({
      kind: 'batch-end',
      pages: 8,
    });
    expect(parseStderrLine('Batch terminated, 1 page scanned')).toEqual({
      kind: 'batch-end',
      pages: 1,
    });
  });

  it('treats signal notes as plain text', () => {
    expect(parseStderrLine('scanimage: received signal 2')).toMatchObject({ kind: 'other' });
  });
});

describe('interpretScanimageRun', () => {
  const jam = { code: 'paper-jam' as const, text: 'scanimage: sane_start: Document feeder jammed' };
  const empty = {
    code: 'feeder-empty' as const,
    text: 'scanimage: sane_start: Document feeder out of documents',
  };

  it('reports a jam on a later sheet even though scanimage exited 0', () => {
    const error = interpretScanimageRun(run({ exitCode: 0, statuses: [jam], pagesDelivered: 3 }));
    expect(error?.code).toBe('paper-jam');
    expect(error?.detail).toBe('sane_start: Document feeder jammed');
  });

  it('takes "out of documents" after pages as the normal end of a feeder batch', () => {
    expect(interpretScanimageRun(run({ statuses: [empty], pagesDelivered: 10 }))).toBeNull();
  });

  it('reports an empty feeder when not one page came', () => {
    expect(interpretScanimageRun(run({ statuses: [empty] }))?.code).toBe('feeder-empty');
    expect(interpretScanimageRun(run({}))?.code).toBe('feeder-empty');
  });

  it('reports a cancel as cancelled whatever scanimage printed', () => {
    const error = interpretScanimageRun(
      run({ exitCode: 9, cancelRequested: true, statuses: [jam], pagesDelivered: 2 }),
    );
    expect(error?.code).toBe('cancelled');
  });

  it('maps an unexplained exit status through SANE_Status', () => {
    expect(interpretScanimageRun(run({ exitCode: 6, pagesDelivered: 1 }))?.code).toBe('paper-jam');
    expect(interpretScanimageRun(run({ exitCode: 11 }))?.code).toBe('access-denied');
    expect(interpretScanimageRun(run({ exitCode: 7, pagesDelivered: 2 }))).toBeNull();
    expect(interpretScanimageRun(run({ exitCode: 42 }))?.code).toBe('failed');
    expect(interpretScanimageRun(run({ exitCode: null, signal: 'SIGKILL' }))?.code).toBe(
      'communication',
    );
  });

  it('accepts a clean batch', () => {
    expect(interpretScanimageRun(run({ pagesDelivered: 1 }))).toBeNull();
  });
});
