import type { JobState, PrintJob } from '../../../../shared/printing/jobs';
import { jobStateLabels } from '../../../../shared/printing/jobs';

/** Colour group of each state: green printed, amber in progress, red needs the clerk. */
export const jobStateTone: Readonly<Record<JobState, 'ok' | 'busy' | 'error' | 'muted'>> = {
  queued: 'busy',
  pending: 'busy',
  held: 'busy',
  processing: 'busy',
  stopped: 'error',
  completed: 'ok',
  aborted: 'error',
  canceled: 'muted',
  failed: 'error',
};

/** The job's state in the clerk's words ("Printed", "Failed", …). */
export function JobStatePill({ job }: { readonly job: Pick<PrintJob, 'state'> }) {
  return (
    <span className={`job-pill job-${jobStateTone[job.state]}`} data-state={job.state}>
      {jobStateLabels[job.state]}
    </span>
  );
}
