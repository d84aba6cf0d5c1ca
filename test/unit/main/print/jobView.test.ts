import { describe, expect, it } from 'vitest';

import { faultsIn, viewJob } from '../../../../src/main/print/jobs/jobView';
import type { IppJobStatus, IppPrinterStatus } from '../../../../src/main/print/ipp/ippClient';
import {
  describeJobReasons,
  describePrinterReasons,
  printerReasonWords,
  splitReason,
} from '../../../../src/shared/printing/stateReasons';

const job = (
  state: IppJobStatus['state'],
  reasons: string[] = ['none'],
  message = '',
): IppJobStatus => ({
  state,
  reasons,
  message,
});
const printer = (
  reasons: string[],
  state: IppPrinterStatus['state'] = 'processing',
): IppPrinterStatus => ({
  state,
  reasons,
  message: '',
});

describe('printer-state-reasons in clerk words', () => {
  it('strips the severity suffix and keeps its weight', () => {
    expect(splitReason('media-jam-warning')).toEqual({ base: 'media-jam', severity: 'warning' });
    expect(splitReason('toner-low')).toEqual({ base: 'toner-low' });
    const [jam, empty, low] = describePrinterReasons([
      'media-jam-error',
      'media-empty',
      'toner-low-report',
    ]);
    expect(jam).toMatchObject({ words: 'Paper jam', severity: 'error' });
    expect(empty).toMatchObject({ words: 'Out of paper', severity: 'error' });
    expect(low).toMatchObject({ words: 'Toner low', severity: 'info' });
  });

  it('names the common faults', () => {
    const words = (k: string) => describePrinterReasons([k])[0]?.words;
    expect(words('media-needed-warning')).toBe('Paper needed');
    expect(words('door-open-error')).toBe('Printer door open');
    expect(words('offline-report')).toBe('Printer offline');
    expect(words('connecting-to-device')).toBe('Connecting to the printer');
    expect(words('toner-empty-error')).toBe('Out of toner');
  });

  it('drops "none" and humanizes unknown keywords instead of hiding them', () => {
    expect(describePrinterReasons(['none'])).toEqual([]);
    expect(describePrinterReasons(['cups-remote-flux-warning'])[0]).toMatchObject({
      words: 'Printer reports: Cups remote flux',
      severity: 'warning',
    });
  });

  it('gives every known reason words and an allowed severity', () => {
    for (const [keyword, row] of Object.entries(printerReasonWords)) {
      expect(row.words.length, keyword).toBeGreaterThan(0);
      expect(['info', 'warning', 'error']).toContain(row.severity);
    }
  });

  it('shows only job-state-reasons a clerk can act on', () => {
    expect(describeJobReasons(['job-printing', 'job-queued'])).toEqual([]);
    expect(describeJobReasons(['aborted-by-system'])[0]?.words).toBe('Stopped by the printer');
  });
});

describe('viewJob', () => {
  it('ends a jammed job as a "Paper jam" failure even when the jam is no longer reported', () => {
    const seen = faultsIn(['media-jam-warning']);
    const view = viewJob(
      job('aborted', ['aborted-by-system'], ' Paper jam in tray 1'),
      printer(['none'], 'idle'),
      seen,
    );
    expect(view.state).toBe('aborted');
    expect(view.message).toMatch(/^Paper jam\. Clear the jam/);
    expect(view.message).toContain('(Printer says: Paper jam in tray 1.)');
    expect(view.reasons[0]).toMatchObject({ words: 'Paper jam', severity: 'error' });
  });

  it('uses the -report a printer leaves behind when the job ends', () => {
    const view = viewJob(
      job('aborted', ['aborted-by-system']),
      printer(['media-jam-report'], 'idle'),
      [],
    );
    expect(view.message).toMatch(/^Paper jam\./);
  });

  it('does not count a stale -report as a fault seen while a job runs', () => {
    expect(faultsIn(['media-jam-report'])).toEqual([]);
    expect(faultsIn(['media-jam-report'], true)).toHaveLength(1);
    expect(faultsIn(['toner-low'])).toEqual([]);
  });

  it('falls back to the printer message when no fault was reported', () => {
    const view = viewJob(
      job('aborted', ['aborted-by-system'], 'Unable to print'),
      printer([], 'idle'),
      [],
    );
    expect(view.message).toBe(
      'Stopped by the printer. Fix the printer problem, then retry. (Printer says: Unable to print.)',
    );
  });

  it('shows a live fault while printing and stays quiet for info', () => {
    expect(
      viewJob(job('processing', ['job-printing']), printer(['media-empty-warning']), []).message,
    ).toBe('Printing — Out of paper. Load paper in the tray, then retry.');
    expect(
      viewJob(job('processing', ['job-printing']), printer(['toner-low-report']), []).message,
    ).toBe('Printing.');
    expect(viewJob(job('pending-held', ['job-hold-until-specified']), null, []).state).toBe('held');
  });

  it('reports completion and cancellation plainly', () => {
    expect(
      viewJob(job('completed', ['job-completed-successfully']), printer(['none'], 'idle'), []),
    ).toMatchObject({
      state: 'completed',
      message: 'Printed.',
    });
    expect(viewJob(job('canceled', ['job-canceled-by-user']), null, []).message).toBe('Cancelled.');
  });
});

describe('viewJob for jobs CUPS cancelled', () => {
  it('reports a job cancelled at the printer after a jam as a Paper jam failure', () => {
    const seen = faultsIn(['media-jam-warning', 'cups-waiting-for-job-completed']);
    const view = viewJob(
      job('canceled', ['job-canceled-at-device']),
      printer(['media-jam-report'], 'idle'),
      seen,
    );
    expect(view.state).toBe('aborted');
    expect(view.message).toMatch(/^Paper jam\./);
  });

  it('keeps a cancellation the clerk asked for as cancelled', () => {
    const seen = faultsIn(['media-jam-warning']);
    expect(viewJob(job('canceled', ['job-canceled-by-user']), null, seen, true).state).toBe(
      'canceled',
    );
  });
});
