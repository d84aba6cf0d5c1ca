/**
 * `npm test`: lint, typecheck, build, unit + integration (Vitest), security scan, e2e
 * (Playwright through the host in Debian's Chromium). Every step runs even if an earlier one
 * failed, each prints its own summary, and the last line is the plain `N passed, N failed`
 * that CI reads (tests from Vitest and Playwright, plus one check each for lint, typecheck,
 * build and the security scan).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${secs} s`);
  return ok;
}

function check(label: string, ok: boolean): void {
  if (ok) total.passed += 1;
  else total.failed += 1;
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'}`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function main(): void {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });

  check(
    'lint',
    run('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']) &&
      run('format (prettier)', bin('prettier'), ['--check', '.']),
  );
  check('typecheck', run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
  const built = run('build', process.execPath, ['--import', 'tsx', 'scripts/build.ts']);
  check('build', built);

  const vitestJson = path.join(results, 'vitest.json');
  const vitestOk = run('unit + integration (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const v = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(vitestJson);
  if (v) {
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests + v.numTodoTests;
    lines.push(
      `vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests + v.numTodoTests} skipped`,
    );
    if (!vitestOk && v.numFailedTests === 0) check('vitest run (errors outside tests)', false);
  } else check('vitest (no report)', false);

  check(
    'security scan',
    built &&
      run('security (electronegativity)', process.execPath, [
        '--import',
        'tsx',
        'scripts/security-scan.ts',
      ]),
  );

  const pwJson = path.join(results, 'playwright.json');
  if (built && existsSync(path.join(root, '.vite', 'renderer', 'main_window', 'index.html'))) {
    const pwOk = run('e2e (playwright, host + chromium)', bin('playwright'), ['test'], {
      PW_JSON: pwJson,
    });
    const p = readJson<{
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    }>(pwJson);
    if (p) {
      total.passed += p.stats.expected;
      total.failed += p.stats.unexpected + p.stats.flaky;
      total.skipped += p.stats.skipped;
      lines.push(
        `playwright: ${p.stats.expected} passed, ${p.stats.unexpected + p.stats.flaky} failed, ${p.stats.skipped} skipped`,
      );
      if (!pwOk && p.stats.unexpected === 0) check('playwright run (errors outside tests)', false);
    } else check('playwright (no report)', false);
  } else check('e2e (skipped: build failed)', false);

  console.log('\n=== summary');
  for (const l of lines) console.log(l);
  // Skipped tests are reported, never counted as passing.
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
  );
  process.exit(total.failed === 0 ? 0 : 1);
}

main();
