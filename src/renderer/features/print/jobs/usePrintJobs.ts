/**
 * The live print queue for a screen: `print:list-jobs` on mount, then every
 * `print:job-updated` event applied by id. Jobs live in main; nothing here is durable.
 */
import { useCallback, useEffect, useState } from 'react';

import type { PrintJob } from '../../../../shared/printing/jobs';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { messageOf } from '../format';

import { mergeJobs } from './mergeJobs';

export type PrintJobsView = {
  readonly jobs: readonly PrintJob[];
  /** Set when the queue could not be read (the jobs shown may be incomplete). */
  readonly error: string | null;
  /** Adds jobs a call just returned, before their first event arrives. */
  readonly add: (jobs: readonly PrintJob[]) => void;
};

export function usePrintJobs(): PrintJobsView {
  const [jobs, setJobs] = useState<readonly PrintJob[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Subscribe before listing so a change between the two is not lost.
    const stop = clerkApi().subscribe('print:job-updated', (job) => {
      if (live) setJobs((current) => mergeJobs(current, [job]));
    });
    unwrap('print:list-jobs', clerkApi().print.listJobs({})).then(
      (listed) => {
        if (live) setJobs((current) => mergeJobs(current, listed));
      },
      (e: unknown) => {
        if (live) setError(messageOf(e));
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const add = useCallback(
    (added: readonly PrintJob[]) => setJobs((current) => mergeJobs(current, added)),
    [],
  );
  return { jobs, error, add };
}
