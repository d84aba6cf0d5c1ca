/**
 * Contract of the `licence` domain: driver's-licence readers in main (HID POS, USB-serial),
 * parsing a payload the renderer captured (keyboard wedge), decoding a PDF417 from a scanned
 * image, and the event main pushes when a reader scans a card.
 */
import { z } from 'zod';

import { aamvaParseResultSchema } from '../../aamva/schema';
import { noInput } from './app';

/** A reader the clerk can choose. */
export const licenceReaderSchema = z.object({
  id: z.string(),
  kind: z.enum(['hid-pos', 'serial']),
  label: z.string(),
  path: z.string(),
  vendorId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
});

/** A listed reader with its state in main: open (scans are published) and what went wrong. */
export const licenceListedReaderSchema = licenceReaderSchema.extend({
  open: z.boolean(),
  /** Why an open reader stopped delivering scans (unplugged, device error), in clerk words. */
  problem: z.string().nullable(),
});

/** Readers found now, plus why a kind could not be listed (e.g. libusb missing). */
export const licenceReaderListSchema = z.object({
  readers: z.array(licenceListedReaderSchema),
  problems: z.array(z.string()),
});

const readerIdInput = z.object({ readerId: z.string().min(1).max(1024) }).strict();

/** Upper bound on an image sent for decoding (a 600-dpi colour page JPEG is far below it). */
export const MAX_LICENCE_IMAGE_BYTES = 40 * 1024 * 1024;

/** A decoded image: the parsed licence and which counter-rotation found the barcode. */
export const licenceImageResultSchema = z.object({
  result: aamvaParseResultSchema,
  rotationDegrees: z.number(),
  attempts: z.number().int().positive(),
});

/** One scan from a reader in main: the parsed licence, or why it could not be read. */
export const licenceScanSchema = z.object({
  /** Unique per scan, so a renderer can ignore a scan it has already applied. */
  scanId: z.string(),
  readerId: z.string(),
  at: z.string(),
  outcome: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), result: aamvaParseResultSchema }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
});

export const licenceContract = {
  'licence:list-readers': { input: noInput, output: licenceReaderListSchema },
  'licence:open-reader': { input: readerIdInput, output: licenceReaderSchema },
  'licence:close-reader': { input: readerIdInput, output: z.object({ closed: z.boolean() }) },
  'licence:parse-payload': {
    // Generous bound: the parser itself answers an over-long payload with a clerk message.
    input: z.object({ payload: z.string().max(65536) }).strict(),
    output: aamvaParseResultSchema,
  },
  'licence:decode-image': {
    input: z
      .object({
        // A stored page's bytes as the renderer reads them (ArrayBuffer) or as frames carry
        // them (Uint8Array); never base64. The handler always gets a Uint8Array.
        image: z
          .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
          .transform((b) => (b instanceof Uint8Array ? b : new Uint8Array(b)))
          .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_LICENCE_IMAGE_BYTES, {
            message: 'The image must be between 1 byte and 40 MB.',
          }),
      })
      .strict(),
    output: licenceImageResultSchema,
  },
} as const;

export const licenceEvents = {
  'licence:payload-scanned': licenceScanSchema,
} as const;

export type LicenceReader = z.infer<typeof licenceReaderSchema>;
export type LicenceListedReader = z.infer<typeof licenceListedReaderSchema>;
export type LicenceReaderList = z.infer<typeof licenceReaderListSchema>;
export type LicenceImageResult = z.infer<typeof licenceImageResultSchema>;
export type LicenceScan = z.infer<typeof licenceScanSchema>;
