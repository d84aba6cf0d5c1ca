import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const report = path.join(root, 'test-results/security-selftest/electronegativity.json');

function scanInsecureApp(extra: string[] = []) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/security-scan.ts',
      '--input',
      'test/fixtures/insecure-app',
      ...extra,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
}

function readReport(): { unwaived: string[]; waived: number; highOrMedium: number } {
  return JSON.parse(readFileSync(report, 'utf8')) as {
    unwaived: string[];
    waived: number;
    highOrMedium: number;
  };
}

/** Writes a waiver file for the given `CHECK (SEVERITY) in FILE` findings. */
function waiverFile(findings: string[], reason: (i: number) => string): string {
  const waivers = findings.map((f, i) => {
    const m = /^(\S+) \(\w+\) in (.+)$/.exec(f);
    if (!m) throw new Error(`unexpected finding line ${f}`);
    return { check: m[1], file: m[2], reason: reason(i) };
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'waivers-')), 'waivers.json');
  writeFileSync(file, JSON.stringify({ waivers }));
  return file;
}

describe('security scan', () => {
  it('fails on an app with nodeIntegration on and webSecurity off', () => {
    const run = scanInsecureApp();
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/UNWAIVED/);
    expect(readReport().unwaived.join(' ')).toMatch(
      /NODE_INTEGRATION|CONTEXT_ISOLATION|WEB_SECURITY/,
    );
  });

  it('passes once every HIGH/MEDIUM finding is waived with a reason, and not while one lacks its reason', () => {
    scanInsecureApp();
    const findings = readReport().unwaived;
    expect(findings.length).toBeGreaterThan(0);

    const waived = scanInsecureApp([
      '--waivers',
      waiverFile(findings, () => 'reviewed: fixture only'),
    ]);
    expect(waived.stdout).not.toMatch(/UNWAIVED/);
    expect(waived.status).toBe(0);
    expect(readReport()).toMatchObject({ unwaived: [], waived: findings.length });

    const blank = scanInsecureApp([
      '--waivers',
      waiverFile(findings, (i) => (i === 0 ? '  ' : 'reviewed: fixture only')),
    ]);
    expect(blank.status).toBe(1);
    expect(blank.stderr).toMatch(/waiver 1 .* has no reason/);
  });
});
