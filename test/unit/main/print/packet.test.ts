import { beforeAll, describe, expect, it } from 'vitest';

import { buildPacket } from '../../../../src/main/print/packet/buildPacket';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import type { PacketOrderInput, PacketPage } from '../../../../src/shared/printing/packetOrder';
import { recipientKinds } from '../../../../src/shared/printing/recipients';
import { colourJpegPage, g4Page, grayJpegPage, sampleOrder } from '../../../peers/print/fixtures';

import { containsBytes, inspectPdf } from './pdfInspect';

let gray: PacketPage;
let colour: PacketPage;
let g4Single: PacketPage;
let g4Strips: PacketPage;

beforeAll(async () => {
  gray = await grayJpegPage({ text: 'PAGE ONE' });
  colour = await colourJpegPage({ text: 'PAGE TWO' });
  g4Single = await g4Page({ text: 'PAGE THREE' });
  g4Strips = await g4Page({ text: 'PAGE FOUR', singleStrip: false });
});

describe('buildPacket', () => {
  it('passes JPEG pages through byte for byte as DCT images', async () => {
    const packet = await buildPacket(sampleOrder([gray, colour]));
    const pdf = await inspectPdf(packet.pdf);
    expect(packet.pageCount).toBe(2);
    expect(pdf.images.map((i) => i.filter)).toEqual(['/DCTDecode', '/DCTDecode']);
    expect(containsBytes(packet.pdf, gray.bytes)).toBe(true);
    expect(containsBytes(packet.pdf, colour.bytes)).toBe(true);
  });

  it('passes G4 strips through untouched as CCITT images with BlackIs1 for MinIsBlack', async () => {
    const packet = await buildPacket(sampleOrder([g4Single, g4Strips]));
    const pdf = await inspectPdf(packet.pdf);
    const ccitt = pdf.images.filter((i) => i.filter === '/CCITTFaxDecode');
    // One image for the single-strip page, one per 256-row strip for the other (1100 rows → 5).
    expect(ccitt).toHaveLength(1 + Math.ceil(g4Strips.height / 256));
    expect(pdf.images).toHaveLength(ccitt.length);
    for (const img of ccitt) {
      expect(img.width).toBe(850);
      expect(img.decodeParms).toMatch(/\/K -1/);
      expect(img.decodeParms).toMatch(/\/BlackIs1 true/);
      expect(img.decodeParms).toContain(`/Rows ${img.height}`);
      expect(containsBytes(img === ccitt[0] ? g4Single.bytes : g4Strips.bytes, img.bytes)).toBe(
        true,
      );
    }
    expect(ccitt.slice(1).reduce((n, i) => n + i.height, 0)).toBe(g4Strips.height);
  });

  it('puts every page on Letter with the stamp and a page x of y footer', async () => {
    const packet = await buildPacket(sampleOrder([gray, g4Single, colour]), {
      recipient: { kind: 'protected-person' },
    });
    const pdf = await inspectPdf(packet.pdf);
    expect(packet.pageCount).toBe(4);
    expect(packet.orderPageCount).toBe(3);
    expect(pdf.pageSizes).toEqual(Array(4).fill([612, 792]));
    for (let i = 1; i <= 4; i += 1) expect(pdf.text).toContain(`Page ${i} of 4`);
    expect(pdf.text).toContain('SERVICE COPY');
    expect(pdf.text).toContain('Case 25DV01234 · DV-110 Temporary Restraining Order');
  });

  it('writes a cover sheet naming each kind of recipient', async () => {
    for (const kind of recipientKinds) {
      const recipient = kind === 'other' ? { kind, name: 'Counsel for petitioner' } : { kind };
      const pdf = await inspectPdf((await buildPacket(sampleOrder([gray]), { recipient })).pdf);
      expect(pdf.pageSizes).toHaveLength(2);
      expect(pdf.text).toContain('Cover sheet');
      const expected = {
        'protected-person': 'Jane A. Doe',
        'restrained-person': 'John Q. Roe',
        'law-enforcement': 'Law enforcement agency',
        other: 'Counsel for petitioner',
      }[kind];
      expect(pdf.text).toContain(expected);
    }
  });

  it('leaves out the cover sheet when asked', async () => {
    const packet = await buildPacket(sampleOrder([gray]), {
      recipient: { kind: 'law-enforcement', name: 'Sacramento County Sheriff' },
      coverSheet: false,
    });
    expect(packet.pageCount).toBe(1);
  });

  it('prints a summary marked NOT THE SIGNED ORDER for an order keyed without images', async () => {
    const packet = await buildPacket(sampleOrder([], { expiresAt: 'none' }));
    const pdf = await inspectPdf(packet.pdf);
    expect(packet.pageCount).toBe(1);
    expect(packet.orderPageCount).toBe(0);
    expect(pdf.images).toHaveLength(0);
    expect(pdf.text).toContain('NOT THE SIGNED ORDER');
    expect(pdf.text).toContain('No expiration date');
    expect(pdf.text).toContain('Page 1 of 1');
  });

  it('shows court times in Pacific time', async () => {
    const pdf = await inspectPdf((await buildPacket(sampleOrder([]))).pdf);
    expect(pdf.text).toContain('03/02/2026 3:00 PM PST');
    expect(pdf.text).toContain('03/23/2026 5:00 PM PDT');
  });

  it('prints names outside the standard font without failing', async () => {
    const order = sampleOrder([], { protectedNames: ['Ana Nguyễn', '王小明'] });
    const pdf = await inspectPdf((await buildPacket(order)).pdf);
    expect(pdf.text).toContain('Ana Nguyen');
    expect(pdf.text).toContain('???');
  });
});

describe('buildPacket never prints CLETS-001 data', () => {
  const confidential = {
    dateOfBirth: '1984-07-19',
    driversLicense: 'D7654321',
    ssn: '521-44-9876',
    protectedAddress: '4410 Quail Run Lane, Elk Grove',
    vehiclePlate: '8XYZ221',
  };

  it('refuses an order that carries confidential fields, naming them', async () => {
    const withSecrets = { ...sampleOrder([]), ...confidential };
    const attempt = buildPacket(withSecrets as PacketOrderInput);
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toThrow(
      /dateOfBirth, driversLicense, ssn, protectedAddress, vehiclePlate/,
    );
    // The type refuses it too: a literal with an extra field does not compile.
    // @ts-expect-error dateOfBirth is not a PacketOrder field
    const literal: PacketOrderInput = { ...sampleOrder([]), dateOfBirth: '1984-07-19' };
    expect(literal).toBeDefined();
  });

  it('refuses confidential fields hidden in nested objects and pages', async () => {
    const order = sampleOrder([gray]);
    await expect(
      buildPacket({ ...order, orderType: { ...order.orderType, ssn: 'x' } } as PacketOrderInput),
    ).rejects.toThrow(/ssn/);
    await expect(
      buildPacket({
        ...order,
        pages: [{ ...gray, note: confidential.dateOfBirth }],
      } as unknown as PacketOrderInput),
    ).rejects.toThrow(/note/);
  });

  it('builds packets for every recipient and the summary page with no confidential string anywhere', async () => {
    const record = { ...sampleOrder([gray, g4Single]), ...confidential };
    const {
      dateOfBirth: _a,
      driversLicense: _b,
      ssn: _c,
      protectedAddress: _d,
      vehiclePlate: _e,
      ...printable
    } = record;
    const packets = [
      ...(await Promise.all(
        recipientKinds.map((kind) => buildPacket(printable, { recipient: { kind, name: 'X' } })),
      )),
      await buildPacket({ ...printable, pages: [] }, { recipient: { kind: 'restrained-person' } }),
    ];
    for (const packet of packets) {
      const pdf = await inspectPdf(packet.pdf);
      const raw = Buffer.from(packet.pdf).toString('latin1');
      expect(pdf.text).toContain('25DV01234'); // the inspection does see the drawn text
      for (const secret of Object.values(confidential)) {
        expect(pdf.text).not.toContain(secret);
        expect(raw).not.toContain(secret);
      }
    }
  });
});

describe('buildPacket refuses bad pages clearly', () => {
  it('rejects a JPEG whose bytes are not a JPEG', async () => {
    const bad = { ...gray, bytes: new Uint8Array([1, 2, 3, 4]) };
    await expect(buildPacket(sampleOrder([bad]))).rejects.toThrow(
      /Page 1 is marked JPEG but is not a JPEG/,
    );
  });

  it('rejects a page whose stored size differs from the order record', async () => {
    await expect(buildPacket(sampleOrder([gray, { ...g4Single, width: 851 }]))).rejects.toThrow(
      /Page 2's image is 850×1100 pixels but the order says 851×1100/,
    );
  });

  it('rejects a TIFF that is not G4', async () => {
    const sharp = (await import('sharp')).default;
    const lzw = await sharp(Buffer.from(gray.bytes)).tiff({ compression: 'lzw' }).toBuffer();
    const page = { ...gray, mime: 'image/tiff' as const, bytes: new Uint8Array(lzw) };
    await expect(buildPacket(sampleOrder([page]))).rejects.toThrow(/not CCITT Group 4/);
  });

  it('accepts page bytes given as an ArrayBuffer', async () => {
    const ab = gray.bytes.slice().buffer;
    const packet = await buildPacket(sampleOrder([{ ...gray, bytes: ab }]));
    expect(containsBytes(packet.pdf, gray.bytes)).toBe(true);
  });
});
