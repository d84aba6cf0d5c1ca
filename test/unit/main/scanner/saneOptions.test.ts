import { describe, expect, it } from 'vitest';

import {
  clampMm,
  matchMode,
  matchSource,
  nearestResolution,
  offeredResolutions,
  parseSaneOptions,
} from '../../../../src/main/devices/scanner/sane/saneOptions';

// Lines as `scanimage -d test:0 -A` prints them (sane-backends 1.1.1, Debian 12).
const testBackend = `
Options specific to device \`test:0':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
        Number of bits per sample, typical values are 1 for "line-art" and 8
        for multibit scans.
    --hand-scanner[=(yes|no)] [no]
    --three-pass[=(yes|no)] [inactive]
    --resolution 1..1200dpi (in steps of 1) [50]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
        If Automatic Document Feeder is selected, the feeder will be 'empty'
        after 10 scans.
  Special Options:
    --test-picture Solid black|Solid white|Color pattern|Grid [Solid black]
    --read-limit-size 1..65536 (in steps of 1) [inactive]
    --int <int> [inactive]
  Geometry:
    -l 0..200mm (in steps of 1) [0]
    -t 0..200mm (in steps of 1) [0]
    -x 0..200mm (in steps of 1) [80]
    -y 0..200mm (in steps of 1) [100]
`;

// Shaped like a feeder scanner's backend (fujitsu/canon_dr style): sources and lineart named
// differently, a discrete resolution list with its unit on the last value, page size options.
const feederBackend = `
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
    --mode Lineart|Halftone|Gray|Color [Lineart]
    --resolution 100|150|200|300|400|600dpi [300]
    --page-width 0..221.121mm (in steps of 0.0211639) [215.872]
    --page-height 0..876.695mm (in steps of 0.0211639) [279.364]
    -x 0..221.121mm (in steps of 0.0211639) [215.872]
    -y 0..876.695mm (in steps of 0.0211639) [279.364]
`;

describe('parseSaneOptions', () => {
  const table = parseSaneOptions(testBackend);

  it('reads list, range and boolean options with their current values', () => {
    expect(table.get('mode')).toMatchObject({ values: ['Gray', 'Color'], current: 'Gray' });
    expect(table.get('source')?.values).toEqual(['Flatbed', 'Automatic Document Feeder']);
    expect(table.get('resolution')).toMatchObject({
      range: { min: 1, max: 1200, quant: 1 },
      unit: 'dpi',
    });
    expect(table.get('hand-scanner')?.values).toEqual(['yes', 'no']);
    expect(table.get('x')?.range?.max).toBe(200);
    expect(table.get('test-picture')?.values).toContain('Color pattern');
  });

  it('marks inactive options and skips description lines', () => {
    expect(table.get('three-pass')?.inactive).toBe(true);
    expect(table.get('mode')?.inactive).toBe(false);
    expect([...table.keys()].some((k) => k.includes(' '))).toBe(false);
    expect(table.has('Selects')).toBe(false);
  });

  it('strips the unit from the last value of a numeric list', () => {
    const feeder = parseSaneOptions(feederBackend);
    expect(feeder.get('resolution')).toMatchObject({
      values: ['100', '150', '200', '300', '400', '600'],
      unit: 'dpi',
    });
    expect(offeredResolutions(feeder)).toEqual([100, 150, 200, 300, 400, 600]);
  });
});

describe('matching our settings to a device', () => {
  const test = parseSaneOptions(testBackend);
  const feeder = parseSaneOptions(feederBackend);

  it('finds the feeder and flatbed by their backend-specific names', () => {
    expect(matchSource(test, 'feeder')).toEqual({ source: 'Automatic Document Feeder' });
    expect(matchSource(test, 'flatbed')).toEqual({ source: 'Flatbed' });
    expect(matchSource(feeder, 'feeder')).toEqual({ source: 'ADF Front' });
    expect(matchSource(feeder, 'duplex')).toEqual({ source: 'ADF Duplex' });
  });

  it('reports duplex and flatbed as unavailable where the device has none', () => {
    expect(matchSource(test, 'duplex')).toBeNull();
    expect(matchSource(feeder, 'flatbed')).toBeNull();
  });

  it('uses an adf-mode option for duplex when the source list has no duplex value', () => {
    const t = parseSaneOptions(
      '    --source Flatbed|ADF [Flatbed]\n    --adf-mode Simplex|Duplex [Simplex]\n',
    );
    expect(matchSource(t, 'duplex')).toEqual({ source: 'ADF', adfMode: 'Duplex' });
  });

  it('scans bilevel as Lineart, or Gray at depth 1, or gray thresholded in main', () => {
    expect(matchMode(feeder, 'bilevel')).toEqual({ mode: 'Lineart', threshold: false });
    expect(matchMode(test, 'bilevel')).toEqual({ mode: 'Gray', depth: '1', threshold: false });
    const grayOnly = parseSaneOptions('    --mode Gray|Color [Gray]\n');
    expect(matchMode(grayOnly, 'bilevel')).toEqual({ mode: 'Gray', threshold: true });
  });

  it('asks for 8-bit gray and colour when the device offers depths', () => {
    expect(matchMode(test, 'gray')).toEqual({ mode: 'Gray', depth: '8', threshold: false });
    expect(matchMode(test, 'color')).toEqual({ mode: 'Color', depth: '8', threshold: false });
    expect(matchMode(parseSaneOptions('    --mode Gray [Gray]\n'), 'color')).toBeNull();
  });

  it('picks the nearest offered resolution (ties go up) and honours range steps', () => {
    expect(nearestResolution(feeder, 250)).toBe(300);
    expect(nearestResolution(feeder, 1200)).toBe(600);
    expect(nearestResolution(test, 300)).toBe(300);
    expect(nearestResolution(test, 5000)).toBe(1200);
    const stepped = parseSaneOptions('    --resolution 75..600dpi (in steps of 25) [150]\n');
    expect(nearestResolution(stepped, 310)).toBe(300);
  });

  it('clamps the page to the scan area', () => {
    expect(clampMm(test.get('x'), 215.9)).toBe(200);
    expect(clampMm(feeder.get('x'), 215.9)).toBe(215.9);
    expect(clampMm(undefined, 215.9)).toBe(215.9);
  });
});
