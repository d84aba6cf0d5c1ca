// A backend that hangs in sane_cancel/sane_close after the batch has ended must not hold the
// workstation's only scan slot. No real backend hangs on demand, so the real scanimage runs the
// real test backend through a wrapper that, once scanimage has exited, keeps the pipes open
// (the hang a clerk would see); the adapter must end the batch with the status scanimage printed.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { ScanDeviceError } from '../../../src/main/devices/scanner/port';
import { SaneScanner } from '../../../src/main/devices/scanner/sane/saneScanner';
import { injectReadStatus, testBackendConfig } from '../../peers/sane/saneTestPeer';

let dir = '';
let wrapper = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sane-hang-'));
  await testBackendConfig(path.join(dir, 'sane'));
  wrapper = path.join(dir, 'scanimage-then-hang');
  // `-A` (the option table) passes straight through; a scan runs scanimage, then hangs.
  await writeFile(
    wrapper,
    '#!/bin/sh\ncase " $* " in *" -A "*) exec scanimage "$@";; esac\nscanimage "$@"\nexec sleep 300\n',
  );
  await chmod(wrapper, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('kills a scanimage that does not exit after "Batch terminated" and reports its status', async () => {
  const scanner = new SaneScanner({
    config: { device: 'test:0', options: [injectReadStatus('ACCESS_DENIED')] },
    saneConfigDir: path.join(dir, 'sane'),
    scanimage: wrapper,
    exitGraceMs: 500,
  });
  const work = await mkdtemp(path.join(dir, 'work-'));
  const error = await scanner
    .scan(
      {
        settings: { source: 'feeder', colourMode: 'gray', dpi: 75, paperSize: 'letter' },
        signal: new AbortController().signal,
        workDir: work,
      },
      { page: () => undefined, progress: () => undefined },
    )
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ScanDeviceError);
  expect((error as ScanDeviceError).code).toBe('access-denied');
});
