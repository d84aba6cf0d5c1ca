/**
 * Test pages and orders for the print tests: scanned-looking pages made with sharp, in the
 * formats intake stores (gray or colour JPEG, bilevel CCITT G4 TIFF).
 */
import sharp from 'sharp';

import type { PacketOrderInput, PacketPage } from '../../../src/shared/printing/packetOrder';

export type PageSpec = {
  readonly text: string;
  /** Pixels per inch; a Letter page is 8.5 × dpi by 11 × dpi. Default 100 (fast tests). */
  readonly dpi?: number;
};

function svgPage(
  text: string,
  dpi: number,
  colour: boolean,
): { svg: Buffer; width: number; height: number } {
  const width = Math.round(8.5 * dpi);
  const height = Math.round(11 * dpi);
  const size = Math.round(dpi / 3);
  const lines = Array.from(
    { length: 14 },
    (_, i) =>
      `<text x="${dpi}" y="${dpi * 2 + i * size * 1.6}" font-size="${size * 0.6}" font-family="DejaVu Sans">Line ${i + 1} of the order text for ${text}</text>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="white"/>
    <text x="${dpi}" y="${dpi}" font-size="${size}" font-family="DejaVu Sans" font-weight="bold">${text}</text>
    ${lines}
    ${colour ? `<circle cx="${width - dpi * 2}" cy="${height - dpi * 2}" r="${dpi / 2}" fill="#1040c0"/>` : ''}
  </svg>`;
  return { svg: Buffer.from(svg), width, height };
}

/** A single-channel (DeviceGray) JPEG page. */
export async function grayJpegPage(spec: PageSpec): Promise<PacketPage> {
  const dpi = spec.dpi ?? 100;
  const { svg, width, height } = svgPage(spec.text, dpi, false);
  const bytes = await sharp(svg)
    .removeAlpha()
    .toColourspace('b-w')
    .jpeg({ quality: 75 })
    .toBuffer();
  return { mime: 'image/jpeg', bytes: new Uint8Array(bytes), width, height, dpi };
}

/** A three-channel colour JPEG page. */
export async function colourJpegPage(spec: PageSpec): Promise<PacketPage> {
  const dpi = spec.dpi ?? 100;
  const { svg, width, height } = svgPage(spec.text, dpi, true);
  const bytes = await sharp(svg).removeAlpha().jpeg({ quality: 75 }).toBuffer();
  return { mime: 'image/jpeg', bytes: new Uint8Array(bytes), width, height, dpi };
}

/**
 * A bilevel CCITT G4 TIFF page as libvips writes it (PhotometricInterpretation MinIsBlack).
 * `singleStrip` uses one strip for the whole page; otherwise libvips' default 256-row strips.
 */
export async function g4Page(
  spec: PageSpec & { readonly singleStrip?: boolean },
): Promise<PacketPage> {
  const dpi = spec.dpi ?? 100;
  const { svg, width, height } = svgPage(spec.text, dpi, false);
  const bytes = await sharp(svg)
    .removeAlpha()
    .threshold(160)
    .toColourspace('b-w')
    .tiff({
      compression: 'ccittfax4',
      bitdepth: 1,
      xres: dpi / 25.4,
      yres: dpi / 25.4,
      ...(spec.singleStrip === false ? {} : { tileHeight: 8192 }),
    })
    .toBuffer();
  return { mime: 'image/tiff', bytes: new Uint8Array(bytes), width, height, dpi };
}

/** A DV-110 with the given pages; every field is printable (no CLETS-001 data). */
export function sampleOrder(
  pages: PacketOrderInput['pages'],
  overrides: Partial<PacketOrderInput> = {},
): PacketOrderInput {
  return {
    id: 'order-0001',
    caseNumber: '25DV01234',
    orderType: { code: 'DV-110', name: 'Temporary Restraining Order' },
    courtName: 'Superior Court of California, County of Sacramento',
    issuedAt: '2026-03-02T15:00:00-08:00',
    expiresAt: '2026-03-23T17:00:00-07:00',
    restrainedName: 'John Q. Roe',
    protectedNames: ['Jane A. Doe'],
    judicialOfficer: 'Hon. Maria Alvarez',
    pages,
    ...overrides,
  };
}
