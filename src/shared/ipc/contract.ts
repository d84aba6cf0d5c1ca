/**
 * The one typed IPC contract: zod input and output schemas for every channel and a payload
 * schema for every event. Main, the host, the preload (types only) and the renderer use it.
 */
import { z } from 'zod';

import type { EventName, InvokeChannel } from './channels';

const noInput = z.object({}).strict();

export const shellKindSchema = z.enum(['electron', 'host']);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: shellKindSchema,
  dataDir: z.string(),
  platform: z.string(),
  startedAt: z.string(),
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

/** Channel → schemas. `satisfies` makes a channel missing from either side a compile error. */
export const invokeContract = {
  'app:get-info': { input: noInput, output: appInfoSchema },
  'status:get-summary': { input: noInput, output: statusSummarySchema },
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  'status:summary-changed': statusSummarySchema,
} as const satisfies Record<EventName, z.ZodType>;

export type InvokeIn<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
export type InvokeOut<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
export type AppInfo = z.infer<typeof appInfoSchema>;
export type StatusSummary = z.infer<typeof statusSummarySchema>;
export type StatusItem = z.infer<typeof statusItemSchema>;
