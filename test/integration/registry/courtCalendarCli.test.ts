/**
 * `npm run registry -- court-calendar import|export` on PGlite and PostgreSQL 15: a file
 * imported and exported again is the same table; a bad file names its rows, exits 1 and
 * changes nothing; the import is in the registry's audit chain.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../src/registry/db/open';

import { BACKENDS, freshDatabase, stopCluster } from './env';

afterAll(stopCluster);

const root = path.resolve(__dirname, '../../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ccpor-calendar-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The flags choose the database, not a DATABASE_URL the test runner may have.
const { DATABASE_URL: _unused, ...withoutDatabaseUrl } = process.env;

const table = {
  closures: [
    { court: '*', date: '2026-12-24', reason: 'Christmas Eve' },
    { court: 'CA034999J', date: '2026-11-03', reason: 'Water main break' },
  ],
  settings: [{ court: 'CA034999J', closeOfBusiness: '16:00' }],
};

describe.each(BACKENDS)('court-calendar import and export on %s', (backend) => {
  let where: string[] = [];
  let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  afterAll(() => fresh?.cleanup());

  function run(...args: string[]) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/registry/cli.ts', 'court-calendar', ...args, ...where],
      { cwd: root, encoding: 'utf8', env: withoutDatabaseUrl, timeout: 60_000 },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const file = (name: string, content?: unknown) => {
    const f = path.join(scratch, `${backend}-${name}`);
    if (content !== undefined)
      writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    return f;
  };

  it('imports a file and exports the same table', async () => {
    fresh = await freshDatabase(backend);
    where = fresh.dataDir
      ? ['--data-dir', fresh.dataDir]
      : ['--database-url', fresh.databaseUrl ?? ''];
    const imported = run('import', file('in.json', table));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/replaced: 2 closures, 1 court settings/);
    const exported = run('export', file('out.json'));
    expect(exported.code).toBe(0);
    const out = JSON.parse(readFileSync(file('out.json'), 'utf8')) as Record<string, unknown>;
    expect(out).toMatchObject({ ...table, updatedBy: 'command line' });
    // The exported file imports as it is (updatedAt / updatedBy are ignored) …
    expect(run('import', file('out.json')).code).toBe(0);
    // … and export without a FILE prints the JSON.
    const printed = JSON.parse(run('export').stdout) as Record<string, unknown>;
    expect({ closures: printed.closures, settings: printed.settings }).toEqual(table);
  });

  it('refuses a bad file naming its rows, and changes nothing', () => {
    const before = run('export').stdout;
    const bad = run(
      'import',
      file('bad.json', {
        closures: [{ court: 'CA034999J', date: '2026-13-01', reason: 'Bad month' }],
        settings: [{ court: '*', closeOfBusiness: '17:00' }],
      }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/court calendar is unchanged/);
    expect(bad.stderr).toMatch(/closures row 1 \(CA034999J 2026-13-01\), date: .*real date/);
    expect(bad.stderr).toMatch(/settings row 1 \(\* 17:00\), court: .*ORI/);
    const notJson = run('import', file('broken.json', '{"closures": ['));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/is not valid JSON/);
    const missing = run('import', path.join(scratch, 'no-such-file.json'));
    expect(missing.stderr).toMatch(/Cannot read .*ENOENT/);
    expect(run('export').stdout).toBe(before);
  });

  it('records each import in the registry audit chain', async () => {
    const db = await openDatabase({ dataDir: fresh?.dataDir, databaseUrl: fresh?.databaseUrl });
    try {
      const rows = await db.query<{ payload: { action: string; reason: string } }>(
        `SELECT payload FROM audit_events WHERE payload->>'action' = 'calendar.manage' ORDER BY id`,
      );
      expect(rows.map((r) => r.payload.reason)).toEqual([
        expect.stringMatching(/command line \(2 closures, 1 settings\)/),
        expect.stringMatching(/command line \(2 closures, 1 settings\)/),
      ]);
    } finally {
      await db.close();
    }
  });
});
