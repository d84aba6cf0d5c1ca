import { describe, expect, it } from 'vitest';

import {
  buildNaps2ListArgs,
  buildNaps2ScanArgs,
  naps2OutputPattern,
  parseNaps2DeviceList,
  parseNaps2Line,
} from '../../../../src/main/devices/scanner/naps2/naps2Console';
import type { ScanSettings } from '../../../../src/shared/ipc/contracts/scanner';

const config = { driver: 'twain' as const, device: 'fi-7160' };
const bw: ScanSettings = { source: 'duplex', colourMode: 'bilevel', dpi: 300, paperSize: 'letter' };

const valueOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildNaps2ScanArgs', () => {
  it('maps our settings to NAPS2.Console options', () => {
    const args = buildNaps2ScanArgs(config, bw, 'C:\\tmp\\job\\page$(nnnn).tif');
    expect(valueOf(args, '-o')).toBe('C:\\tmp\\job\\page$(nnnn).tif');
    expect(valueOf(args, '--driver')).toBe('twain');
    expect(valueOf(args, '--device')).toBe('fi-7160');
    expect(valueOf(args, '--source')).toBe('duplex');
    expect(valueOf(args, '--dpi')).toBe('300');
    expect(valueOf(args, '--bitdepth')).toBe('bw');
    expect(valueOf(args, '--pagesize')).toBe('letter');
    expect(args).toContain('--noprofile');
    expect(args).toEqual(expect.arrayContaining(['-v', '-f']));
  });

  it('asks for one CCITT G4 TIFF per page for bilevel and JPEG q75 otherwise', () => {
    const tif = buildNaps2ScanArgs(config, bw, 'x');
    expect(valueOf(tif, '--tiffcomp')).toBe('ccitt4');
    expect(tif).toContain('--split');
    const gray = buildNaps2ScanArgs(config, { ...bw, colourMode: 'gray', source: 'flatbed' }, 'x');
    expect(valueOf(gray, '--jpegquality')).toBe('75');
    expect(valueOf(gray, '--source')).toBe('glass');
    expect(valueOf(gray, '--bitdepth')).toBe('gray');
    expect(gray).not.toContain('--split');
  });

  it('uses a NAPS2 profile instead of --noprofile when one is configured', () => {
    const args = buildNaps2ScanArgs({ ...config, profile: 'Clerk ADF' }, bw, 'x');
    expect(valueOf(args, '-p')).toBe('Clerk ADF');
    expect(args).not.toContain('--noprofile');
  });

  it('names output files by an auto-incrementing number with the right extension', () => {
    expect(naps2OutputPattern('C:\\t', bw)).toBe('C:\\t\\page$(nnnn).tif');
    expect(naps2OutputPattern('/t', { ...bw, colourMode: 'color' }, '/')).toBe(
      '/t/page$(nnnn).jpg',
    );
    expect(buildNaps2ListArgs('wia')).toEqual(['--listdevices', '--driver', 'wia']);
  });
});

describe('parseNaps2Line', () => {
  it('reads page progress', () => {
    expect(parseNaps2Line('Scanned page 3.')).toEqual({ kind: 'page-scanned', page: 3 });
    expect(parseNaps2Line('Starting scan 1 of 1...')).toMatchObject({ kind: 'other' });
    expect(parseNaps2Line('')).toBeNull();
  });

  it.each([
    ['No pages are in the feeder.', 'feeder-empty'],
    ['There is a paper jam.', 'paper-jam'],
    ['The cover is open.', 'cover-open'],
    ['The scanner is busy.', 'busy'],
    ['The selected scanner is offline.', 'offline'],
    ['The selected scanner could not be found.', 'offline'],
    ['An error occurred when trying to communicate with the scanner.', 'communication'],
    ['The selected scanner does not have a duplex unit.', 'unsupported-setting'],
    ['An error occurred that caused the console application to close.', 'failed'],
  ])('maps "%s" to %s', (line, code) => {
    expect(parseNaps2Line(line)).toMatchObject({ kind: 'error', code });
  });

  it('notices when NAPS2 had nothing to export', () => {
    expect(parseNaps2Line('No scanned pages to export.')).toMatchObject({ kind: 'no-pages' });
  });
});

describe('parseNaps2DeviceList', () => {
  it('lists one device per line', () => {
    expect(parseNaps2DeviceList('fi-7160\r\nCanon DR-C225\r\n\r\n')).toEqual([
      'fi-7160',
      'Canon DR-C225',
    ]);
  });
});
