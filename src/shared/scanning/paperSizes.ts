/**
 * Paper sizes a clerk can choose for a scan, in millimetres (SANE geometry is in mm; eSCL uses
 * 1/300 inch, converted by the adapter). Data, not code: add a size here and every adapter
 * understands it.
 */
export const paperSizes = {
  letter: { label: 'Letter (8.5 × 11 in)', widthMm: 215.9, heightMm: 279.4 },
  legal: { label: 'Legal (8.5 × 14 in)', widthMm: 215.9, heightMm: 355.6 },
  a4: { label: 'A4 (210 × 297 mm)', widthMm: 210, heightMm: 297 },
} as const;

/** A paper size key, e.g. `letter`. */
export type PaperSize = keyof typeof paperSizes;

/** The keys as a tuple, for zod enums. */
export const paperSizeKeys = Object.keys(paperSizes) as [PaperSize, ...PaperSize[]];

/** Millimetres to eSCL's unit (1/300 inch), rounded down so the region never exceeds the paper. */
export function mmToThreeHundredths(mm: number): number {
  return Math.floor((mm / 25.4) * 300);
}
