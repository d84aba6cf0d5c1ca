import { describe, expect, it } from 'vitest';

import { ScanDeviceError } from '../../../../src/main/devices/scanner/port';
import { buildScanimageArgs } from '../../../../src/main/devices/scanner/sane/scanimageArgs';
import { parseSaneOptions } from '../../../../src/main/devices/scanner/sane/saneOptions';
import type { ScanSettings } from '../../../../src/shared/ipc/contracts/scanner';

const test = parseSaneOptions(`
    --mode Gray|Color [Gray]
    --depth 1|8|16 [8]
    --resolution 1..1200dpi (in steps of 1) [50]
    --source Flatbed|Automatic Document Feeder [Flatbed]
    -l 0..200mm (in steps of 1) [0]
    -t 0..200mm (in steps of 1) [0]
    -x 0..200mm (in steps of 1) [80]
    -y 0..200mm (in steps of 1) [100]
`);
const feeder = parseSaneOptions(`
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
    --mode Lineart|Halftone|Gray|Color [Lineart]
    --resolution 100|150|200|300|400|600dpi [300]
    --page-width 0..221.121mm (in steps of 0.0211639) [215.872]
    --page-height 0..876.695mm (in steps of 0.0211639) [279.364]
    -x 0..221.121mm (in steps of 0.0211639) [215.872]
    -y 0..876.695mm (in steps of 0.0211639) [279.364]
`);
const base: ScanSettings = {
  source: 'feeder',
  colourMode: 'bilevel',
  dpi: 300,
  paperSize: 'letter',
};

describe('buildScanimageArgs', () => {
  it('runs a feeder batch that prints each finished page, in PNM, with progress', () => {
    const plan = buildScanimageArgs('test:0', test, base, [], '/work/job-1');
    expect(plan.args.slice(0, 4)).toEqual(['-d', 'test:0', '--format=pnm', '-p']);
    expect(plan.args).toContain('--batch=/work/job-1/page%04d.pnm');
    expect(plan.args).toContain('--batch-print');
    expect(plan.args).toContain('--source=Automatic Document Feeder');
    expect(plan.args.some((a) => a.startsWith('--batch-count'))).toBe(false);
  });

  it('scans bilevel on the test backend as Gray at depth 1', () => {
    const { args, threshold } = buildScanimageArgs('test:0', test, base, [], '/w');
    expect(args).toContain('--mode=Gray');
    expect(args).toContain('--depth=1');
    expect(threshold).toBe(false);
  });

  it('limits a flatbed scan, and a test scan, to the pages asked', () => {
    const flat = buildScanimageArgs('test:0', test, { ...base, source: 'flatbed' }, [], '/w');
    expect(flat.args).toContain('--batch-count=1');
    expect(flat.args).toContain('--source=Flatbed');
    const one = buildScanimageArgs('test:0', test, base, [], '/w', 1);
    expect(one.args).toContain('--batch-count=1');
  });

  it('clamps the letter page to the device and sets feeder page sizes where offered', () => {
    const t = buildScanimageArgs('test:0', test, base, [], '/w').args;
    expect(t.slice(t.indexOf('-x'), t.indexOf('-x') + 2)).toEqual(['-x', '200']);
    const f = buildScanimageArgs(
      'fujitsu:fi-7160',
      feeder,
      { ...base, paperSize: 'legal' },
      [],
      '/w',
    );
    expect(f.args).toContain('--page-width=215.9');
    expect(f.args).toContain('--page-height=355.6');
    expect(f.args).toContain('--mode=Lineart');
    expect(f.args).toContain('--resolution=300');
  });

  it('uses the device duplex source and the nearest resolution', () => {
    const f = buildScanimageArgs(
      'fujitsu:x',
      feeder,
      { ...base, source: 'duplex', dpi: 250 },
      [],
      '/w',
    );
    expect(f.args).toContain('--source=ADF Duplex');
    expect(f.dpi).toBe(300);
  });

  it('refuses settings the device cannot do, as unsupported-setting', () => {
    const attempt = () =>
      buildScanimageArgs('test:0', test, { ...base, source: 'duplex' }, [], '/w');
    expect(attempt).toThrow(ScanDeviceError);
    expect(attempt).toThrow(/unsupported-setting/);
  });

  it('passes configured backend options through, but never ones it owns', () => {
    const args = buildScanimageArgs('test:0', test, base, ['--test-picture=Grid'], '/w').args;
    expect(args[args.length - 1]).toBe('--test-picture=Grid');
    expect(() => buildScanimageArgs('test:0', test, base, ['--batch=/etc/x%d'], '/w')).toThrow(
      /set by the workstation/,
    );
  });
});
