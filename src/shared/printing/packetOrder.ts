/**
 * `PacketOrder`: the only shape of an order the service-copy builder accepts.
 *
 * It is deliberately narrow: it names what a service copy may show and nothing else. The schema
 * is `.strict()`, so an object that carries anything more (a date of birth, a driver's licence
 * number, an address, any CLETS-001 field) is refused before a PDF is made; CLETS-001 data is
 * confidential and never goes on a service copy (CRC 1.51). The lead adapts the orders domain
 * model to this type.
 */
import { z } from 'zod';

/** Page bytes arrive as Uint8Array (Electron, host frames) or ArrayBuffer; we keep Uint8Array. */
export const pageBytesSchema = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
  .transform((b) => (b instanceof Uint8Array ? b : new Uint8Array(b)))
  .refine((b) => b.byteLength > 0, 'The page image is empty.');

/** Scanned page formats the builder passes through untouched (JPEG, CCITT G4 TIFF). */
export const pageMimeSchema = z.enum(['image/jpeg', 'image/tiff']);

/** One scanned page of the signed order, as stored at intake. */
export const packetPageSchema = z
  .object({
    mime: pageMimeSchema,
    bytes: pageBytesSchema,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    dpi: z.number().positive().max(2400),
  })
  .strict();

/** An ISO 8601 date-time with its zone offset (e.g. `2026-03-02T15:00:00-08:00`). */
export const zonedDateTimeSchema = z.iso.datetime({ offset: true });

const text = (max: number) => z.string().trim().min(1).max(max);

export const packetOrderSchema = z
  .object({
    id: text(100),
    caseNumber: text(40),
    orderType: z.object({ code: text(20), name: text(160) }).strict(),
    courtName: text(160),
    issuedAt: zonedDateTimeSchema,
    /** `'none'` for an order with no expiration written (e.g. a permanent renewal). */
    expiresAt: z.union([zonedDateTimeSchema, z.literal('none')]),
    restrainedName: text(160),
    protectedNames: z.array(text(160)).max(20),
    judicialOfficer: text(160),
    /** Empty when the order was keyed without images: a summary page is printed instead. */
    pages: z.array(packetPageSchema).max(200),
  })
  .strict();

export type PacketPage = z.output<typeof packetPageSchema>;
export type PacketOrder = z.output<typeof packetOrderSchema>;
/** What callers may pass (ArrayBuffer page bytes allowed). */
export type PacketOrderInput = z.input<typeof packetOrderSchema>;
