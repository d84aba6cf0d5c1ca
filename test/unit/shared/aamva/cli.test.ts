/**
 * `ccpor aamva parse FILE`: in-process through the dispatcher (runCli with fake I/O), and once
 * through the real bin with a payload on standard input.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CliInputError } from '../../../../src/cli/command';
import type { CliIo } from '../../../../src/cli/command';
import { runCli } from '../../../../src/cli/run';
import { people, personPayload } from '../../../fixtures/aamva/generator';

const payload = personPayload(people.ontario, { version: 9, iin: '636012' });

function io(files: Record<string, string>, stdin = ''): CliIo {
  return {
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new CliInputError(`File not found: ${p}`);
      return text;
    },
    readStdin: async () => stdin,
  };
}

describe('ccpor aamva parse', () => {
  it('prints the licence record as JSON, keys in the documented order', async () => {
    const r = await runCli(['aamva', 'parse', 'card.txt'], io({ 'card.txt': payload }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'version',
      'jurisdiction',
      'familyName',
      'givenName',
      'middleName',
      'suffix',
      'dob',
      'sex',
      'eyeColor',
      'hairColor',
      'height',
      'weight',
      'street',
      'city',
      'state',
      'postalCode',
      'licenseNumber',
      'expires',
    ]);
    expect(out).toMatchObject({ version: 9, jurisdiction: 'ON', suffix: null, dob: '1975-03-14' });
  });

  it('reads standard input for "-" and can show the full result', async () => {
    const r = await runCli(['aamva', 'parse', '-', '--show', 'full'], io({}, payload));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { filled: string[]; unmapped: unknown[]; licence: object };
    expect(out.filled).toContain('postalCode');
    expect(out.unmapped).toEqual([]);
    expect(out.licence).toMatchObject({ postalCode: 'M5H 2N2' });
  });

  it('prints one line and exits 1 for a malformed payload or missing file', async () => {
    const bad = await runCli(['aamva', 'parse', 'x.txt'], io({ 'x.txt': payload.slice(0, 60) }));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^ccpor: x\.txt: The licence barcode data is incomplete.*\n$/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await runCli(['aamva', 'parse', 'nope.txt'], io({}));
    expect(missing).toMatchObject({ code: 1, stderr: 'ccpor: File not found: nope.txt\n' });
    const show = await runCli(['aamva', 'parse', '-', '--show', 'all'], io({}, payload));
    expect(show.code).toBe(1);
  });

  it('works through the real bin with a payload piped on stdin', () => {
    const root = path.resolve(__dirname, '../../../..');
    const run = (input: string) =>
      spawnSync(process.execPath, [path.join(root, 'bin', 'ccpor.cjs'), 'aamva', 'parse', '-'], {
        cwd: root,
        input,
        encoding: 'utf8',
        timeout: 30_000,
      });
    const ok = run(payload);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ familyName: 'EXEMPLAIRE', weight: 132 });
    const bad = run('not a licence');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^ccpor: standard input: This is not a driver's licence barcode/);
  }, 60_000); // two tsx cold starts; slow when other test files share the two cores
});
