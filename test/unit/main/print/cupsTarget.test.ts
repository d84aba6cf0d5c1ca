import { describe, expect, it } from 'vitest';

import {
  cupsEndpoint,
  lpArguments,
  parseRequestId,
} from '../../../../src/main/print/targets/cupsTarget';

describe('CUPS path helpers', () => {
  it('resolves CUPS_SERVER forms to the queue IPP endpoint', () => {
    const no = () => false;
    expect(cupsEndpoint('dept3', '127.0.0.1:6631', no)).toEqual({
      printerUri: 'ipp://127.0.0.1:6631/printers/dept3',
    });
    expect(cupsEndpoint('dept3', 'printhost', no)).toEqual({
      printerUri: 'ipp://printhost:631/printers/dept3',
    });
    expect(cupsEndpoint('dept3', '[::1]:8631/version=1.1', no)).toEqual({
      printerUri: 'ipp://[::1]:8631/printers/dept3',
    });
    expect(cupsEndpoint('dept3', '/run/cups/cups.sock', no)).toEqual({
      printerUri: 'ipp://localhost/printers/dept3',
      socketPath: '/run/cups/cups.sock',
    });
    expect(cupsEndpoint('dept3', undefined, () => true).socketPath).toBe('/run/cups/cups.sock');
    expect(cupsEndpoint('dept3', undefined, no)).toEqual({
      printerUri: 'ipp://localhost:631/printers/dept3',
    });
  });

  it('builds lp arguments with copies, sides, media and title, no shell quoting needed', () => {
    expect(
      lpArguments('dept3', {
        jobName: "25DV01234 DV-110 service copy (Protected person) 'quoted'",
        copies: 3,
        sides: 'two-sided-long-edge',
        media: 'na_legal_8.5x14in',
      }),
    ).toEqual([
      '-d',
      'dept3',
      '-n',
      '3',
      '-o',
      'sides=two-sided-long-edge',
      '-o',
      'media=na_legal_8.5x14in',
      '-t',
      "25DV01234 DV-110 service copy (Protected person) 'quoted'",
    ]);
  });

  it('reads the job number from lp output', () => {
    expect(parseRequestId('request id is dept3-42 (0 file(s))\n')).toBe(42);
    expect(parseRequestId('request id is court-room-2-7 (1 file(s))')).toBe(7);
    expect(parseRequestId('lp: Error - no default destination available.')).toBeNull();
  });
});
