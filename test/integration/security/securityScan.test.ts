import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('security scan', () => {
  it('fails on an app with nodeIntegration on and webSecurity off', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/security-scan.ts', '--input', 'test/fixtures/insecure-app'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/UNWAIVED/);
    const report = JSON.parse(
      readFileSync(
        path.join(root, 'test-results/security-selftest/electronegativity.json'),
        'utf8',
      ),
    ) as { unwaived: string[] };
    expect(report.unwaived.join(' ')).toMatch(/NODE_INTEGRATION|CONTEXT_ISOLATION|WEB_SECURITY/);
  });
});
