/**
 * The one typed IPC contract: zod input and output schemas for every channel and a payload
 * schema for every event. Main, the host, the preload (types only) and the renderer use it.
 *
 * Each domain keeps its schemas in `contracts/<domain>.ts`; this module joins them, and the
 * `satisfies` clauses make a channel missing on either side (here or in channels.ts) a
 * compile error.
 */
import type { z } from 'zod';

import type { EventName, InvokeChannel } from './channels';
import { appContract, appEvents } from './contracts/app';
import { auditContract, auditEvents, authContract, authEvents } from './contracts/auth';
import { calendarContract, calendarEvents } from './contracts/calendar';
import { cletsContract, cletsEvents } from './contracts/clets';
import { licenceContract, licenceEvents } from './contracts/licence';
import { pagesContract, pagesEvents } from './contracts/pages';
import { printContract, printEvents } from './contracts/print';
import { reportContract, reportEvents } from './contracts/report';
import { reviewContract, reviewEvents } from './contracts/review';
import { scannerContract, scannerEvents } from './contracts/scanner';
import { searchContract, searchEvents } from './contracts/search';
import { syncContract, syncEvents } from './contracts/sync';

export const invokeContract = {
  ...appContract,
  ...authContract,
  ...auditContract,
  ...licenceContract,
  ...printContract,
  ...scannerContract,
  ...pagesContract,
  ...syncContract,
  ...cletsContract,
  ...reviewContract,
  ...reportContract,
  ...searchContract,
  ...calendarContract,
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  ...appEvents,
  ...authEvents,
  ...auditEvents,
  ...licenceEvents,
  ...printEvents,
  ...scannerEvents,
  ...pagesEvents,
  ...syncEvents,
  ...cletsEvents,
  ...reviewEvents,
  ...reportEvents,
  ...searchEvents,
  ...calendarEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type InvokeIn<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
export type InvokeOut<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export type { AppInfo, StatusItem, StatusSummary } from './contracts/app';
