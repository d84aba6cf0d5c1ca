import { describe, expect, it } from 'vitest';

import { channels, isWellFormedChannel } from '../../../../src/shared/ipc/channels';
import { pagesContract, rotatePageInputSchema } from '../../../../src/shared/ipc/contracts/pages';
import {
  saneExtraOptionSchema,
  saneScannerSchema,
  saneSetupSchema,
  scannerContract,
  scannerConfigSchema,
  scannerEvents,
} from '../../../../src/shared/ipc/contracts/scanner';
import {
  isDeviceCondition,
  scanErrorCodes,
  scanErrorMessages,
} from '../../../../src/shared/scanning/errors';

describe('scanner and pages channels', () => {
  it('are well-formed domain:verb-noun names, all in the contract', () => {
    for (const name of [...Object.values(channels.scanner), ...Object.values(channels.pages)]) {
      expect(isWellFormedChannel(name)).toBe(true);
      expect(name in scannerContract || name in pagesContract).toBe(true);
    }
    for (const event of Object.keys(scannerEvents)) expect(isWellFormedChannel(event)).toBe(true);
  });
});

describe('the scanner error catalogue', () => {
  it('has a clerk message for every code, saying what to do', () => {
    for (const code of scanErrorCodes) {
      expect(scanErrorMessages[code].length).toBeGreaterThan(30);
      expect(scanErrorMessages[code]).toMatch(/\.$/);
    }
    expect(scanErrorMessages['paper-jam']).toMatch(/Paper jam/);
    expect(isDeviceCondition('paper-jam')).toBe(true);
    expect(isDeviceCondition('unsupported-setting')).toBe(false);
  });
});

describe('scanner settings schemas', () => {
  it('accept the three kinds of scanner', () => {
    expect(
      scannerConfigSchema.parse({ kind: 'sane', id: 'a', name: 'Counter', device: 'test:0' }),
    ).toMatchObject({ options: [] });
    expect(
      scannerConfigSchema.safeParse({
        kind: 'escl',
        id: 'b',
        name: 'MFP',
        url: 'http://10.0.0.7/eSCL',
      }).success,
    ).toBe(true);
    expect(
      scannerConfigSchema.safeParse({
        kind: 'naps2',
        id: 'c',
        name: 'fi',
        consolePath: 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe',
        driver: 'twain',
        device: 'fi-7160',
      }).success,
    ).toBe(true);
  });

  it('refuse a device name that would read as an option, and non-http eSCL URLs', () => {
    expect(
      saneScannerSchema.safeParse({ kind: 'sane', id: 'a', name: 'x', device: '-L' }).success,
    ).toBe(false);
    expect(
      scannerConfigSchema.safeParse({
        kind: 'escl',
        id: 'b',
        name: 'MFP',
        url: 'file:///etc/passwd',
      }).success,
    ).toBe(false);
  });

  it('let backend options through but not ones the workstation sets', () => {
    expect(saneExtraOptionSchema.safeParse('--test-picture=Grid').success).toBe(true);
    expect(saneExtraOptionSchema.safeParse('--batch=/tmp/x').success).toBe(false);
    expect(saneExtraOptionSchema.safeParse('--output-file=/etc/x').success).toBe(false);
    expect(saneExtraOptionSchema.safeParse('-o x').success).toBe(false);
  });

  it('keep SANE backend names to plain words (they become file names)', () => {
    expect(
      saneSetupSchema.safeParse({ backends: ['fujitsu', 'net'], netHosts: ['10.0.0.5'] }).success,
    ).toBe(true);
    expect(saneSetupSchema.safeParse({ backends: ['../etc'], netHosts: [] }).success).toBe(false);
  });

  it('accept page bytes as ArrayBuffer or Uint8Array and only quarter turns', () => {
    const ok = rotatePageInputSchema.parse({
      page: { mime: 'image/jpeg', bytes: new Uint8Array([1, 2]).buffer },
      degrees: 90,
    });
    expect(ok.page.bytes).toBeInstanceOf(Uint8Array);
    expect(
      rotatePageInputSchema.safeParse({
        page: { mime: 'image/jpeg', bytes: new Uint8Array([1]) },
        degrees: 45,
      }).success,
    ).toBe(false);
    expect(
      rotatePageInputSchema.safeParse({ page: { mime: 'image/jpeg', bytes: 'AAAA' }, degrees: 90 })
        .success,
    ).toBe(false);
  });
});
