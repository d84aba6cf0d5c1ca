/**
 * Names on service copies: the packet's standard fonts cover Windows-1252 only, so every other
 * character must be replaced predictably, and no name may ever stop a packet from printing.
 */
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildPacket } from '../../../../src/main/print/packet/buildPacket';
import { fitToFont } from '../../../../src/main/print/packet/text';
import { sampleOrder } from '../../../peers/print/fixtures';

import { inspectPdf } from './pdfInspect';

let font: PDFFont;
let charset: Set<number>;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  font = await doc.embedFont(StandardFonts.Helvetica);
  charset = new Set(font.getCharacterSet());
});

/** Any text, including lone surrogates, controls, emoji sequences and combining marks. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('fitToFont', () => {
  it('keeps Spanish names exactly, whether typed composed or decomposed', () => {
    expect(fitToFont(font, 'José Núñez')).toBe('José Núñez');
    // "José Núñez" as macOS and some scanners' OCR write it: base letters plus combining marks.
    expect(fitToFont(font, 'Jose\u0301 Nu\u0301n\u0303ez')).toBe('José Núñez');
    expect(fitToFont(font, 'Œuvre Čapek €5')).toBe('Œuvre Capek €5');
  });

  it('replaces what the font lacks by fixed rules', () => {
    expect(fitToFont(font, 'Nguyễn Thị Ánh')).toBe('Nguyen Thi Ánh');
    expect(fitToFont(font, 'Łukasz Żółć')).toBe('Lukasz Zólc'); // Ł has no accent to strip
    expect(fitToFont(font, 'Ştefan Đorđević')).toBe('Stefan Dordevic');
    expect(fitToFont(font, '王小明')).toBe('???'); // one '?' per character
    expect(fitToFont(font, 'Ана')).toBe('???');
    expect(fitToFont(font, 'Zoë 👩‍⚖️ Ortiz')).toBe('Zoë ? Ortiz'); // one emoji, one '?'
    expect(fitToFont(font, 'Ana\u200b María\u0000')).toBe('Ana María'); // invisible: dropped
    expect(fitToFont(font, 'Line\r\none\tend')).toBe('Line one end');
    expect(fitToFont(font, 'bad\ud800half')).toBe('bad?half');
  });

  it('never throws and always returns text the font can encode', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = fitToFont(font, text);
        for (const ch of out) expect(charset.has(ch.codePointAt(0) ?? -1)).toBe(true);
        expect(() => font.encodeText(out)).not.toThrow();
        expect(fitToFont(font, out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildPacket with names from anywhere', () => {
  it('prints José Núñez as typed on the cover sheet, summary page and footer', async () => {
    const order = sampleOrder([], {
      restrainedName: 'José Núñez',
      protectedNames: ['Mari\u0301a Pen\u0303a'],
      orderType: { code: 'DV-110', name: 'Orden de restricción' },
    });
    const packet = await buildPacket(order, {
      recipient: { kind: 'other', name: 'Oficina Núñez' },
    });
    const { text } = await inspectPdf(packet.pdf);
    for (const s of ['José Núñez', 'María Peña', 'Oficina Núñez', 'DV-110 Orden de restricción'])
      expect(text).toContain(s);
    expect(text).not.toMatch(/Jos\?|N\?/);
  });

  it('builds a packet for any printable name instead of failing', async () => {
    const name = anyText.filter((s) => s.trim().length > 0 && s.trim().length <= 160);
    await fc.assert(
      fc.asyncProperty(name, name, async (restrained, other) => {
        const packet = await buildPacket(sampleOrder([], { restrainedName: restrained }), {
          recipient: { kind: 'other', name: other },
        });
        expect(packet.pageCount).toBe(2);
      }),
      { numRuns: 25 },
    );
  });
});
