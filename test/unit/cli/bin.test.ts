/**
 * Spawns the real `bin/ccpor.cjs` (tsx registration, main.ts, exit codes, stderr) a few times;
 * the command logic itself is covered in-process by run.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'ccpor.cjs');

function ccpor(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/ccpor.cjs', () => {
  it('is an executable node script', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('prints JSON on stdout and exits 0', () => {
    const r = ccpor(['calendar', 'holidays', '2026']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as { date: string; name: string }[];
    expect(list.map((h) => h.date)).toContain('2026-07-03');
  });

  it('a bad date exits 1 with one line on stderr', () => {
    const r = ccpor(['calendar', 'next-court-day', '2026-13-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^ccpor: Date "2026-13-01" is not valid: the month must be 01 to 12\.[^\n]*\n$/,
    );
  });

  it('a missing file exits 1 naming the file', () => {
    const r = ccpor(['order', 'check', 'no/such/order.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ccpor: File not found: no/such/order.json\n');
  });

  it('an unknown command exits 2', () => {
    const r = ccpor(['calender', 'holidays', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line plus the final newline
    expect(r.stderr).toMatch(/Unknown command "calender"/);
  });

  it('decodes CLETS text from stdin', () => {
    const r = ccpor(['clets', 'decode'], 'MKE/EPO.MIS/NO CONTACT\\. 100 YDS\\/SCHOOL.\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      [
        { tag: 'MKE', value: 'EPO' },
        { tag: 'MIS', value: 'NO CONTACT. 100 YDS/SCHOOL' },
      ],
    ]);
  });
});
