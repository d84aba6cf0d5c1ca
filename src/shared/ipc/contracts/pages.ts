/**
 * Contract of the `pages` domain: scanned page images and the work main does on them.
 *
 * Pages are kept in the compact encoding they were delivered in (bilevel → CCITT G4 TIFF,
 * gray/colour → JPEG). Bytes cross IPC as Uint8Array (ArrayBuffer accepted on input), never
 * base64. The renderer stores a page as a Dexie row (`PageRow`): `meta` gives its columns,
 * `bytes`/`thumbnail`/`preview` its blobs. Reorder and delete are renderer list operations;
 * anything that decodes pixels (rotate, blank detection) runs in main through these channels.
 */
import { z } from 'zod';

/** Largest page image main accepts (a 600 dpi legal colour JPEG is well under this). */
export const maxPageBytes = 64 * 1024 * 1024;

/** Page bytes as input: Uint8Array (Electron, host frames) or ArrayBuffer; normalised to Uint8Array. */
export const pageBytesInputSchema = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
  .transform((b) => (b instanceof Uint8Array ? b : new Uint8Array(b)))
  .refine((b) => b.byteLength > 0, 'The page image is empty.')
  .refine((b) => b.byteLength <= maxPageBytes, 'The page image is larger than 64 MB.');

/** Page bytes as output: always a Uint8Array whose buffer holds exactly these bytes. */
export const pageBytesSchema = z.instanceof(Uint8Array);

/** Bilevel (1 bit), 8-bit gray, or 24-bit colour. */
export const colourModeSchema = z.enum(['bilevel', 'gray', 'color']);

/** The two stored encodings: G4 TIFF for bilevel, JPEG for gray and colour. */
export const pageMimeSchema = z.enum(['image/tiff', 'image/jpeg']);

/** Facts about one stored page image; the columns of the renderer's `PageRow`. */
export const pageMetaSchema = z.object({
  id: z.string().min(1).max(100),
  mime: pageMimeSchema,
  compression: z.enum(['ccitt-g4', 'jpeg']),
  colourMode: colourModeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  dpi: z.number().positive().max(2400),
  /** Size of `bytes` in bytes. */
  bytes: z.number().int().positive(),
  /** SHA-256 of `bytes`, lowercase hex: lets the outbox and registry check the image. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Result of the blank-page heuristic (docs/scanning.md): ink blocks over the page's centre. */
export const blankCheckSchema = z.object({
  blank: z.boolean(),
  /** Fraction of ~1/75-inch blocks in the centre of the page that hold ink (0–1). */
  inkRatio: z.number().min(0).max(1),
  /** The threshold used: `blank` is `inkRatio < threshold`. */
  threshold: z.number().min(0).max(1),
});

/** One page as main hands it to the renderer. */
export const pageImageSchema = z.object({
  meta: pageMetaSchema,
  bytes: pageBytesSchema,
  /** Small JPEG (fits 200 × 260) for page strips. */
  thumbnail: pageBytesSchema,
  /** Readable JPEG (about 150 dpi) for TIFF pages, which browsers cannot display; absent for JPEG. */
  preview: pageBytesSchema.optional(),
  /** Present when blank detection ran (duplex batches, or asked for). */
  blank: blankCheckSchema.optional(),
});

/** A stored page sent back to main: its bytes and what the renderer knows about them. */
export const pageInputSchema = z
  .object({
    /** Kept in the result so the renderer can replace its row in place. */
    id: z.string().min(1).max(100).optional(),
    mime: pageMimeSchema,
    bytes: pageBytesInputSchema,
    /** Used when the image itself does not say (most TIFF/JPEG pages do). */
    dpi: z.number().positive().max(2400).optional(),
  })
  .strict();

export const rotatePageInputSchema = z
  .object({
    page: pageInputSchema,
    degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]),
  })
  .strict();

export const detectBlankInputSchema = z
  .object({
    page: pageInputSchema,
    /** Override of the default ink threshold (docs/scanning.md), e.g. 0.0005. */
    threshold: z.number().positive().max(0.5).optional(),
  })
  .strict();

export const pagesContract = {
  /** Rotates clockwise; G4 pages stay pixel-exact, JPEG pages are re-encoded in main. */
  'pages:rotate-page': { input: rotatePageInputSchema, output: pageImageSchema },
  /** Runs the blank-page heuristic on a stored page. */
  'pages:detect-blank': { input: detectBlankInputSchema, output: blankCheckSchema },
} as const;

export const pagesEvents = {} as const;

export type ColourMode = z.infer<typeof colourModeSchema>;
export type PageMime = z.infer<typeof pageMimeSchema>;
export type PageMeta = z.infer<typeof pageMetaSchema>;
export type BlankCheck = z.infer<typeof blankCheckSchema>;
export type PageImage = z.infer<typeof pageImageSchema>;
export type PageInput = z.output<typeof pageInputSchema>;
