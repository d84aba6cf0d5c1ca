/**
 * Contract of the `app` and `status` domains: workstation identity and the status bar.
 */
import { z } from 'zod';

export const noInput = z.object({}).strict();

export const shellKindSchema = z.enum(['electron', 'host']);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: shellKindSchema,
  dataDir: z.string(),
  platform: z.string(),
  startedAt: z.string(),
  /** The operating-system account at this workstation, until sign-in replaces it. */
  workstationUser: z.string(),
});

/** One indicator of the status bar. `not-configured` is an honest "nothing to report yet". */
export const statusItemSchema = z.object({
  state: z.enum(['not-configured', 'ok', 'warning', 'error']),
  label: z.string(),
  detail: z.string().optional(),
});

export const statusSummarySchema = z.object({
  connectivity: statusItemSchema,
  outbox: statusItemSchema,
  devices: statusItemSchema,
});

export const appContract = {
  'app:get-info': { input: noInput, output: appInfoSchema },
  'status:get-summary': { input: noInput, output: statusSummarySchema },
} as const;

export const appEvents = {
  'status:summary-changed': statusSummarySchema,
} as const;

export type AppInfo = z.infer<typeof appInfoSchema>;
export type StatusSummary = z.infer<typeof statusSummarySchema>;
export type StatusItem = z.infer<typeof statusItemSchema>;
