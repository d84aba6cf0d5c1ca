/**
 * Courtroom printer configuration: which printer each courtroom uses and how to reach it.
 *
 * `ipp` talks IPP straight to the printer or a print server (`ipp://host:631/ipp/print`);
 * `cups` hands the PDF to the local CUPS with `lp` (Linux). Media and sides are IPP keywords,
 * which CUPS accepts too.
 */
import { z } from 'zod';

export const mediaKeywords = ['na_letter_8.5x11in', 'na_legal_8.5x14in'] as const;
export const mediaSchema = z.enum(mediaKeywords);
export type Media = z.infer<typeof mediaSchema>;

export const mediaLabels: Readonly<Record<Media, string>> = {
  'na_letter_8.5x11in': 'Letter (8.5 × 11 in)',
  'na_legal_8.5x14in': 'Legal (8.5 × 14 in)',
};

export const sidesKeywords = ['one-sided', 'two-sided-long-edge', 'two-sided-short-edge'] as const;
export const sidesSchema = z.enum(sidesKeywords);
export type Sides = z.infer<typeof sidesSchema>;

export const sidesLabels: Readonly<Record<Sides, string>> = {
  'one-sided': 'One-sided',
  'two-sided-long-edge': 'Two-sided (book)',
  'two-sided-short-edge': 'Two-sided (flip up)',
};

/** Printer ids are short slugs so they are safe in file names and logs. */
export const printerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lowercase letters, digits and dashes (e.g. "dept-3").');

const common = {
  id: printerIdSchema,
  /** What clerks see: "Dept 3 — HP M404". */
  name: z.string().trim().min(1).max(80),
  /** The courtroom or department it serves, e.g. "Dept 3". */
  courtroom: z.string().trim().min(1).max(80),
  defaultMedia: mediaSchema.default('na_letter_8.5x11in'),
  defaultSides: sidesSchema.default('one-sided'),
};

const ippUri = z
  .string()
  .trim()
  .regex(/^ipps?:\/\/[^\s/]+(\/\S*)?$/, 'Give the printer address as ipp://host:port/path.');

export const ippPrinterSchema = z
  .object({ ...common, kind: z.literal('ipp'), uri: ippUri })
  .strict();

export const cupsPrinterSchema = z
  .object({
    ...common,
    kind: z.literal('cups'),
    /** The CUPS queue name (as in `lp -d`). */
    queue: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,127}$/, 'A CUPS queue name has no spaces or slashes.'),
    /** host:port or a socket path; when absent, the CUPS_SERVER environment variable or CUPS' default. */
    cupsServer: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const printerConfigSchema = z.discriminatedUnion('kind', [
  ippPrinterSchema,
  cupsPrinterSchema,
]);

export type PrinterConfig = z.output<typeof printerConfigSchema>;
export type PrinterConfigInput = z.input<typeof printerConfigSchema>;
