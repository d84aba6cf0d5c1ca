import { describe, expect, it } from 'vitest';

import {
  emptyScannerForm,
  formFromScanner,
  scannerFormErrors,
  scannerFromForm,
  splitList,
} from '../../../../src/renderer/features/scanning/devices/scannerForm';
import { scannerContract } from '../../../../src/shared/ipc/contracts/scanner';
import { ClerkIpcError } from '../../../../src/shared/ipc/envelope';

const saveInput = scannerContract['scanner:save-scanner'].input;

describe('scanner form ⇄ scanner', () => {
  it('sends only the chosen connection’s fields, trimmed, and main’s schema accepts them', () => {
    const sane = scannerFromForm({
      ...emptyScannerForm,
      name: '  Counter 2 ',
      device: ' fujitsu:fi-7160:1 ',
      options: '--test-picture=Grid\n\n  --read-delay=yes  \n',
      url: 'http://leftover/eSCL',
    });
    expect(sane).toEqual({
      kind: 'sane',
      name: 'Counter 2',
      device: 'fujitsu:fi-7160:1',
      options: ['--test-picture=Grid', '--read-delay=yes'],
    });
    expect(saveInput.safeParse(sane).success).toBe(true);

    const escl = scannerFromForm(
      { ...emptyScannerForm, kind: 'escl', name: 'MFP', url: 'http://10.0.0.7/eSCL' },
      'id-1',
    );
    expect(escl).toEqual({ kind: 'escl', id: 'id-1', name: 'MFP', url: 'http://10.0.0.7/eSCL' });
    expect(saveInput.safeParse(escl).success).toBe(true);

    const naps2 = scannerFromForm({
      ...emptyScannerForm,
      kind: 'naps2',
      name: 'Win',
      device: 'Canon',
      driver: 'wia',
    });
    expect(naps2).not.toHaveProperty('profile');
    expect(saveInput.safeParse(naps2).success).toBe(true);
  });

  it('fills the form back from each kind', () => {
    expect(
      formFromScanner({
        kind: 'sane',
        id: 'a',
        name: 'A',
        device: 'test:0',
        options: ['--x=1', '--y=2'],
      }),
    ).toMatchObject({ kind: 'sane', name: 'A', device: 'test:0', options: '--x=1\n--y=2' });
    expect(
      formFromScanner({
        kind: 'naps2',
        id: 'b',
        name: 'B',
        consolePath: 'C:\\n.exe',
        driver: 'twain',
        device: 'D',
        profile: 'P',
      }),
    ).toMatchObject({ consolePath: 'C:\\n.exe', driver: 'twain', device: 'D', profile: 'P' });
  });

  it('splits lists on spaces, commas and new lines', () => {
    expect(splitList(' test,net \n fujitsu ')).toEqual(['test', 'net', 'fujitsu']);
    expect(splitList('   ')).toEqual([]);
  });
});

describe('refusals from main', () => {
  it('puts each issue on its field, in clerk words where zod’s are generic', () => {
    const bad = saveInput.safeParse({
      kind: 'sane',
      name: '',
      device: '-evil',
      options: ['--output-file=/etc/x'],
    });
    expect(bad.success).toBe(false);
    const issues = bad.success
      ? []
      : bad.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const errors = scannerFormErrors(
      new ClerkIpcError('scanner:save-scanner', {
        code: 'invalid-input',
        message: 'refused',
        issues,
      }),
    );
    expect(errors.fields.name).toBe(
      'Enter the scanner name clerks will see (up to 80 characters).',
    );
    expect(errors.fields.device).toBe('A SANE device name cannot start with "-".');
    expect(errors.fields.options).toBe(
      'This option is set by the workstation from the scan settings.',
    );
    expect(errors.summary).toBe('The scanner was not saved: fix the 3 fields marked below.');
  });

  it('falls back to main’s sentence when no field is named', () => {
    const errors = scannerFormErrors(
      new ClerkIpcError('scanner:save-scanner', {
        code: 'forbidden',
        message: 'A counter clerk may not add, change or remove printers and scanners.',
      }),
    );
    expect(errors.fields).toEqual({});
    expect(errors.summary).toBe(
      'The scanner was not saved. A counter clerk may not add, change or remove printers and scanners.',
    );
  });
});
