/**
 * Contract of the `scanner` domain: configured scanners, per-workstation defaults, discovery on
 * request, test scans, and scan batches whose pages stream to the renderer as events.
 *
 * Flow of a batch: `scanner:start-batch` returns a job id at once; then, in order,
 * `scanner:page-arrived` per page (bytes + thumbnail + metadata), `scanner:batch-progress`
 * while the scanner works, and exactly one of `scanner:batch-finished` or
 * `scanner:batch-failed`. A failed or cancelled batch keeps the pages already delivered.
 */
import { z } from 'zod';

import { scanErrorCodes } from '../../scanning/errors';
import { paperSizeKeys } from '../../scanning/paperSizes';

import { colourModeSchema, pageImageSchema, pageMetaSchema, pageBytesSchema } from './pages';

/** Where the paper is: the glass, the feeder (one side), or the feeder scanning both sides. */
export const scanSourceSchema = z.enum(['flatbed', 'feeder', 'duplex']);

export const scanSettingsSchema = z
  .object({
    source: scanSourceSchema,
    colourMode: colourModeSchema,
    dpi: z.number().int().min(75).max(1200),
    paperSize: z.enum(paperSizeKeys),
    /** Flag blank pages (`page.blank`); defaults to on for duplex, off otherwise. */
    detectBlank: z.boolean().optional(),
  })
  .strict();

/** The workstation's out-of-the-box scan: feeder, bilevel, 300 dpi, letter. */
export const defaultScanSettings: z.infer<typeof scanSettingsSchema> = {
  source: 'feeder',
  colourMode: 'bilevel',
  dpi: 300,
  paperSize: 'letter',
};

const id = z.string().trim().min(1).max(80);
const name = z.string().trim().min(1).max(80);

/** Options the SANE adapter sets itself, so a configured extra option may not override them. */
export const adapterOwnedSaneOptions = [
  'device-name',
  'format',
  'output-file',
  'batch',
  'batch-start',
  'batch-count',
  'batch-increment',
  'batch-double',
  'batch-prompt',
  'batch-print',
  'progress',
  'list-devices',
  'formatted-device-list',
  'help',
  'test',
  'all-options',
  'dont-scan',
  'icc-profile',
  'buffer-size',
  'accept-md5-only',
  'mode',
  'source',
  'resolution',
  'depth',
  'version',
] as const;

/** One extra backend option, `--name=value` (e.g. the test backend's `--test-picture=Grid`). */
export const saneExtraOptionSchema = z
  .string()
  .regex(/^--[a-z0-9][a-z0-9-]*(=[^\0\n]{0,200})?$/, 'Write options as --name=value.')
  .refine(
    (o) => !(adapterOwnedSaneOptions as readonly string[]).includes(o.slice(2).split('=')[0] ?? ''),
    'This option is set by the workstation from the scan settings.',
  );

export const saneScannerSchema = z
  .object({
    kind: z.literal('sane'),
    id,
    name,
    /** As `scanimage -L` prints it, e.g. `fujitsu:fi-7160:12345` or `net:10.0.0.5:test:0`. */
    device: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^-\s][^\0\n]*$/, 'A SANE device name cannot start with "-".'),
    options: z.array(saneExtraOptionSchema).max(20).default([]),
  })
  .strict();

export const esclScannerSchema = z
  .object({
    kind: z.literal('escl'),
    id,
    name,
    /** The eSCL root, e.g. `http://10.0.0.7/eSCL` (from the MFP's web page or its label). */
    url: z
      .url({ protocol: /^https?$/, message: 'Enter the scanner address as http://…/eSCL.' })
      .max(300),
  })
  .strict();

export const naps2ScannerSchema = z
  .object({
    kind: z.literal('naps2'),
    id,
    name,
    /** Full path of NAPS2.Console.exe. */
    consolePath: z.string().trim().min(1).max(300),
    driver: z.enum(['twain', 'wia', 'escl']),
    /** Device name as NAPS2 lists it (may be inexact). */
    device: z.string().trim().min(1).max(200),
    /** A NAPS2 profile name; when set, NAPS2's profile supplies what our settings do not. */
    profile: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const scannerConfigSchema = z.discriminatedUnion('kind', [
  saneScannerSchema,
  esclScannerSchema,
  naps2ScannerSchema,
]);

/** The workstation's private SANE configuration (never /etc/sane.d; see docs/scanning.md). */
export const saneSetupSchema = z
  .object({
    /** Backends written to the private dll.conf, e.g. `fujitsu`, `net`, `test`. */
    backends: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/, 'A backend name is lower-case letters.'))
      .max(20),
    /** Hosts for the `net` backend's net.conf (saned servers). */
    netHosts: z.array(z.string().regex(/^[A-Za-z0-9.:[\]-]{1,100}$/)).max(10),
  })
  .strict();

export const scannerDefaultsSchema = z
  .object({ scannerId: id.nullable(), settings: scanSettingsSchema })
  .strict();

export const scannerSetupSchema = z.object({
  scanners: z.array(scannerConfigSchema),
  defaults: scannerDefaultsSchema,
  sane: saneSetupSchema,
  /** The private SANE_CONFIG_DIR scanimage runs with. */
  saneConfigDir: z.string(),
});

export const scanErrorSchema = z.object({
  code: z.enum(scanErrorCodes),
  message: z.string(),
  /** The device's own words (stderr line, HTTP status), for IT. */
  detail: z.string().optional(),
});

export const scannerCapabilitiesSchema = z.object({
  scannerId: id,
  model: z.string().optional(),
  sources: z.array(scanSourceSchema),
  colourModes: z.array(colourModeSchema),
  /** Resolutions offered (a range is reported as its common steps). */
  resolutions: z.array(z.number().int().positive()),
  maxWidthMm: z.number().positive().optional(),
  maxHeightMm: z.number().positive().optional(),
});

export const discoveredScannerSchema = z.object({
  kind: z.enum(['sane', 'naps2']),
  device: z.string(),
  description: z.string(),
});

export const batchStateSchema = z.enum(['scanning', 'cancelling', 'finished', 'failed']);

export const batchSummarySchema = z.object({
  jobId: z.string(),
  scannerId: id,
  settings: scanSettingsSchema,
  state: batchStateSchema,
  pagesDelivered: z.number().int().nonnegative(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  error: scanErrorSchema.optional(),
});

export const testScanResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    meta: pageMetaSchema,
    thumbnail: pageBytesSchema,
    elapsedMs: z.number().nonnegative(),
  }),
  z.object({ ok: z.literal(false), error: scanErrorSchema }),
]);

const byScanner = z.object({ id }).strict();
const byJob = z.object({ jobId: z.string().min(1).max(100) }).strict();
const setupOut = scannerSetupSchema;

export const scannerContract = {
  'scanner:list-scanners': { input: z.object({}).strict(), output: setupOut },
  /** Adds (no id or a new id) or replaces a scanner; names are unique. */
  'scanner:save-scanner': {
    input: z.discriminatedUnion('kind', [
      saneScannerSchema.extend({ id: id.optional() }),
      esclScannerSchema.extend({ id: id.optional() }),
      naps2ScannerSchema.extend({ id: id.optional() }),
    ]),
    output: setupOut,
  },
  'scanner:delete-scanner': { input: byScanner, output: setupOut },
  'scanner:save-defaults': { input: scannerDefaultsSchema, output: setupOut },
  /** Rewrites the private SANE_CONFIG_DIR from this setup. */
  'scanner:save-sane-setup': { input: saneSetupSchema, output: setupOut },
  /** Asks the device what it can do (opens it; a second or two on real scanners). */
  'scanner:get-capabilities': { input: byScanner, output: scannerCapabilitiesSchema },
  /** Only on the clerk's request: SANE runs `scanimage -L` with the private config only. */
  'scanner:discover-scanners': {
    input: z
      .object({ kind: z.enum(['sane', 'naps2']), naps2: naps2ScannerSchema.optional() })
      .strict(),
    output: z.array(discoveredScannerSchema),
  },
  /** One page at the scanner's defaults (or given settings); returns its thumbnail. */
  'scanner:test-scan': {
    input: z.object({ id, settings: scanSettingsSchema.optional() }).strict(),
    output: testScanResultSchema,
  },
  /** Starts a batch on the given (or default) scanner; pages arrive as events. */
  'scanner:start-batch': {
    input: z
      .object({ scannerId: id.optional(), settings: scanSettingsSchema.partial().optional() })
      .strict(),
    output: batchSummarySchema,
  },
  'scanner:cancel-batch': { input: byJob, output: batchSummarySchema },
  'scanner:get-batch': { input: byJob, output: batchSummarySchema },
} as const;

export const pageArrivedSchema = z.object({
  jobId: z.string(),
  /** 1-based position in the batch, in scanner order (front, back, front, … for duplex). */
  sequence: z.number().int().positive(),
  side: z.enum(['front', 'back']).nullable(),
  page: pageImageSchema,
});

export const batchProgressSchema = z.object({
  jobId: z.string(),
  pagesDelivered: z.number().int().nonnegative(),
  /** 1-based number of the page being scanned, when known. */
  scanningPage: z.number().int().positive().nullable(),
  /** Progress of that page 0–100, when the scanner reports it (SANE does). */
  pagePercent: z.number().min(0).max(100).nullable(),
});

export const batchFinishedSchema = z.object({
  jobId: z.string(),
  pagesDelivered: z.number().int().nonnegative(),
});

export const batchFailedSchema = z.object({
  jobId: z.string(),
  pagesDelivered: z.number().int().nonnegative(),
  error: scanErrorSchema,
});

export const scannerEvents = {
  'scanner:page-arrived': pageArrivedSchema,
  'scanner:batch-progress': batchProgressSchema,
  'scanner:batch-finished': batchFinishedSchema,
  /** Also sent for a cancelled batch (`error.code` is `cancelled`). */
  'scanner:batch-failed': batchFailedSchema,
} as const;

export type ScanSource = z.infer<typeof scanSourceSchema>;
export type ScanSettings = z.infer<typeof scanSettingsSchema>;
export type ScannerConfig = z.infer<typeof scannerConfigSchema>;
export type SaneScanner = z.infer<typeof saneScannerSchema>;
export type EsclScanner = z.infer<typeof esclScannerSchema>;
export type Naps2Scanner = z.infer<typeof naps2ScannerSchema>;
export type SaneSetup = z.infer<typeof saneSetupSchema>;
export type ScannerDefaults = z.infer<typeof scannerDefaultsSchema>;
export type ScannerSetup = z.infer<typeof scannerSetupSchema>;
export type ScanError = z.infer<typeof scanErrorSchema>;
export type ScannerCapabilities = z.infer<typeof scannerCapabilitiesSchema>;
export type DiscoveredScanner = z.infer<typeof discoveredScannerSchema>;
export type BatchSummary = z.infer<typeof batchSummarySchema>;
export type TestScanResult = z.infer<typeof testScanResultSchema>;
export type PageArrived = z.infer<typeof pageArrivedSchema>;
export type BatchProgress = z.infer<typeof batchProgressSchema>;
