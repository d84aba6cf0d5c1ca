/**
 * Keeps the renderer's view of the print queue: the list fetched on mount merged with the
 * `print:job-updated` events, by job id. An event may arrive before the list answers (we
 * subscribe first so nothing is missed), so the newer `updatedAt` wins either way.
 */
import type { PrintJob } from '../../../../shared/printing/jobs';

/** Newest first, as `print:list-jobs` returns them. */
function bySubmittedDesc(a: PrintJob, b: PrintJob): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

/** Applies `incoming` jobs to `current`; an older copy of a job never replaces a newer one. */
export function mergeJobs(current: readonly PrintJob[], incoming: readonly PrintJob[]): PrintJob[] {
  const byId = new Map(current.map((j) => [j.id, j]));
  for (const job of incoming) {
    const known = byId.get(job.id);
    if (!known || job.updatedAt >= known.updatedAt) byId.set(job.id, job);
  }
  return [...byId.values()].sort(bySubmittedDesc);
}

/** The most recent attempt at each packet: a retried job is hidden behind its retry. */
export function latestAttempts(jobs: readonly PrintJob[]): PrintJob[] {
  const retried = new Set(jobs.map((j) => j.retryOf).filter((id): id is string => id !== null));
  return jobs.filter((j) => !retried.has(j.id));
}
