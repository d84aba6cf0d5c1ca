import { describe, expect, it } from 'vitest';

import { latestAttempts, mergeJobs } from '../../../../src/renderer/features/print/jobs/mergeJobs';
import type { PrintJob } from '../../../../src/shared/printing/jobs';

const job = (id: string, over: Partial<PrintJob> = {}): PrintJob => ({
  id,
  kind: 'service-copy',
  printerId: 'dept-3',
  printerName: 'Dept 3',
  orderId: 'o1',
  caseNumber: '26FL1',
  recipient: { kind: 'protected-person' },
  copies: 1,
  sides: 'one-sided',
  media: 'na_letter_8.5x11in',
  title: 't',
  printedBy: 'clerk',
  state: 'queued',
  reasons: [],
  message: '',
  printerJobId: null,
  submittedAt: '2026-12-02T17:00:00.000Z',
  updatedAt: '2026-12-02T17:00:00.000Z',
  retryOf: null,
  canRetry: false,
  canCancel: true,
  ...over,
});

describe('mergeJobs', () => {
  it('keeps the newer copy of a job whichever arrives first', () => {
    const done = job('a', { state: 'completed', updatedAt: '2026-12-02T17:00:05.000Z' });
    const stale = job('a', { state: 'processing', updatedAt: '2026-12-02T17:00:02.000Z' });
    expect(mergeJobs([done], [stale])[0]?.state).toBe('completed');
    expect(mergeJobs([stale], [done])[0]?.state).toBe('completed');
  });

  it('adds new jobs and lists newest first', () => {
    const older = job('a', { submittedAt: '2026-12-02T17:00:00.000Z' });
    const newer = job('b', { submittedAt: '2026-12-02T17:01:00.000Z' });
    expect(mergeJobs([older], [newer]).map((j) => j.id)).toEqual(['b', 'a']);
  });
});

describe('latestAttempts', () => {
  it('hides a job once it has been retried', () => {
    const failed = job('a', { state: 'aborted' });
    const retry = job('b', { retryOf: 'a', submittedAt: '2026-12-02T17:02:00.000Z' });
    expect(latestAttempts([retry, failed]).map((j) => j.id)).toEqual(['b']);
  });
});
