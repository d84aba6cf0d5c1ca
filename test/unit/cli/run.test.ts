import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliInputError, type CliIo } from '../../../src/cli/command';
import { helpText, runCli } from '../../../src/cli/run';
import { nodeIo, parseJsonText } from '../../../src/cli/io';

/** In-memory I/O: files by name, and what stdin holds. */
function fakeIo(files: Record<string, string> = {}, stdin = ''): CliIo {
  return {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new CliInputError(`File not found: ${path}`);
      return text;
    },
    readStdin: async () => stdin,
  };
}

const run = (argv: string[], io: CliIo = fakeIo()) => runCli(argv, io);

describe('ccpor calendar', () => {
  it('next-court-day prints the next court day as JSON', async () => {
    const r = await run(['calendar', 'next-court-day', '2026-07-02']);
    expect(r).toEqual({ code: 0, stdout: '"2026-07-06"\n', stderr: '' });
  });

  it('next-court-day honours --closed', async () => {
    const r = await run([
      'calendar',
      'next-court-day',
      '2026-07-02',
      '--closed',
      '2026-07-06,2026-07-07',
    ]);
    expect(JSON.parse(r.stdout)).toBe('2026-07-08');
    const eq = await run(['calendar', 'next-court-day', '--closed=2026-07-06', '2026-07-02']);
    expect(JSON.parse(eq.stdout)).toBe('2026-07-07');
  });

  it('add-court-days accepts positive and negative N', async () => {
    expect(JSON.parse((await run(['calendar', 'add-court-days', '2026-11-25', '5'])).stdout)).toBe(
      '2026-12-04',
    );
    expect(JSON.parse((await run(['calendar', 'add-court-days', '2026-07-06', '-1'])).stdout)).toBe(
      '2026-07-02',
    );
  });

  it('is-court-day prints true or false', async () => {
    expect((await run(['calendar', 'is-court-day', '2026-10-12'])).stdout).toBe('true\n');
    expect((await run(['calendar', 'is-court-day', '2026-07-03'])).stdout).toBe('false\n');
  });

  it('holidays prints the observed holidays of the year', async () => {
    const r = await run(['calendar', 'holidays', '2026']);
    const list = JSON.parse(r.stdout) as { date: string; name: string }[];
    expect(list).toHaveLength(14);
    expect(list[7]).toEqual({ date: '2026-07-03', name: 'Independence Day' });
  });

  it('clets-due-by prints the end of the next court day', async () => {
    const r = await run(['calendar', 'clets-due-by', '2026-07-02T15:00:00-07:00']);
    expect(JSON.parse(r.stdout)).toBe('2026-07-06T23:59:59.999-07:00');
  });

  it.each([
    [['calendar', 'is-court-day', '2026-02-30'], /Date "2026-02-30" is not valid: day 30/],
    [['calendar', 'add-court-days', '2026-07-02', 'five'], /N must be a whole number.*"five"/],
    [['calendar', 'add-court-days', '2026-07-02', '999999'], /Court days must be a whole number/],
    [['calendar', 'holidays', '26'], /Year must be 4 digits/],
    [['calendar', 'next-court-day', '2026-07-02', '--closed', '2026-7-6'], /Date "2026-7-6"/],
    [['calendar', 'clets-due-by', '2026-07-02T15:00'], /no zone offset/],
  ])('invalid input %j exits 1 with one line on stderr', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ccpor: [^\n]*\n$/);
    expect(r.stderr).toMatch(message);
  });
});

describe('ccpor clets decode', () => {
  it('reads stdin and prints the records', async () => {
    const r = await run(
      ['clets', 'decode'],
      fakeIo({}, 'MKE/EPO.MIS/A\\.B.\nMKE/EPO.PPN/DOE, JANE.\n'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      [
        { tag: 'MKE', value: 'EPO' },
        { tag: 'MIS', value: 'A.B' },
      ],
      [
        { tag: 'MKE', value: 'EPO' },
        { tag: 'PPN', value: 'DOE, JANE' },
      ],
    ]);
  });

  it('reads a FILE when given', async () => {
    const r = await run(['clets', 'decode', 'm.txt'], fakeIo({ 'm.txt': 'NAM/X, Y.' }));
    expect(JSON.parse(r.stdout)).toEqual([[{ tag: 'NAM', value: 'X, Y' }]]);
  });

  it('malformed text exits 1 naming the line and character', async () => {
    const r = await run(['clets', 'decode'], fakeIo({}, 'MKE/EPO.\nNAM/SMITH'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ccpor: Line 2: CLETS record is malformed at character 10: .*\n$/);
  });
});

describe('usage errors', () => {
  it.each([
    [[], /No command given/],
    [['frobnicate'], /Unknown command "frobnicate"; commands are (.*, )?calendar, clets, order/],
    [['calendar'], /calendar needs a command; choose one of next-court-day/],
    [['calendar', 'yesterday'], /calendar has no command "yesterday"/],
    [['calendar', 'next-court-day'], /takes YYYY-MM-DD; usage: ccpor calendar next-court-day/],
    [['calendar', 'is-court-day', '2026-07-02', 'extra'], /takes YYYY-MM-DD/],
    [['calendar', 'holidays', '2026', '--closed', 'x'], /Unknown option --closed/],
    [['calendar', 'next-court-day', '2026-07-02', '--closed'], /--closed needs a value/],
  ])('%j exits 2 with one line on stderr', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ccpor: [^\n]*\n$/);
    expect(r.stderr).toMatch(message);
  });

  it('help lists every command and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ccpor calendar add-court-days YYYY-MM-DD N');
    expect(r.stdout).toContain('ccpor clets encode FILE [--event EVENT]');
    expect(r.stdout).toContain('ccpor order check FILE');
    expect(helpText()).toContain('2 usage error');
    const group = await run(['calendar', '--help']);
    expect(group.stdout).toContain('ccpor calendar holidays YYYY');
    expect(group.stdout).not.toContain('clets encode');
  });

  it('treats a word after -- as an argument, not an option', async () => {
    const r = await run(['calendar', 'add-court-days', '--', '2026-07-06', '-1']);
    expect(JSON.parse(r.stdout)).toBe('2026-07-02');
  });
});

describe('parseJsonText', () => {
  it('names the file and the line and column of the mistake', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n}', 'order.json')).toThrow(
      /^order\.json is not valid JSON: Expected double-quoted property name \(line 3, column 1\)$/,
    );
    expect(() => parseJsonText('{"a":}', 'x.json')).toThrow(
      /^x\.json is not valid JSON: Unexpected token '}'$/,
    );
    expect(() => parseJsonText('  ', 'x.json')).toThrow(/x\.json is empty/);
  });
});

describe('ccpor order and clets encode (fixtures from test/fixtures/orders)', () => {
  const fixtures = path.resolve(__dirname, '../../fixtures/orders');
  const fixture = (name: string): string => path.join(fixtures, name);
  const now = ['--now', '2026-12-01T12:00:00-08:00'];

  it('order types lists {code,name,forms,maxDuration,clets} only', async () => {
    const r = await run(['order', 'types', '--on', '2026-12-01'], nodeIo);
    expect(r.code).toBe(0);
    const types = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(types.map((t) => t.code)).toEqual(
      expect.arrayContaining(['DV-130', 'EPO-001', 'GV-110']),
    );
    for (const t of types)
      expect(Object.keys(t).sort()).toEqual(['clets', 'code', 'forms', 'maxDuration', 'name']);
    const bad = await run(['order', 'types', '--on', '2026-02-30'], nodeIo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--on must be a real date/);
  });

  it('order check of a valid order prints ok, no errors and the derived values', async () => {
    const r = await run(['order', 'check', fixture('DV-130.valid.json'), ...now], nodeIo);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      errors: unknown[];
      derived: Record<string, unknown>;
    };
    expect(Object.keys(out)).toEqual(['ok', 'errors', 'derived']);
    expect(out.ok).toBe(true);
    expect(out.errors).toEqual([]);
    expect(out.derived.cletsDueBy).toMatch(/T23:59:59\.999-0[78]:00$/);
    expect(out.derived.pco).toContain('01');
  });

  it('order check of an invalid order exits 1 with the expected errors on stdout', async () => {
    const expected = JSON.parse(readFileSync(fixture('dv130-six-years.expected.json'), 'utf8')) as {
      errors: unknown[];
    };
    const r = await run(
      ['order', 'check', fixture('dv130-six-years.invalid.json'), ...now],
      nodeIo,
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, errors: expected.errors, derived: null });
    expect(r.stderr).toMatch(
      /^ccpor: .*dv130-six-years\.invalid\.json is not a valid order: 1 problem/,
    );
  });

  it('order check reports malformed JSON with its line and column', async () => {
    const r = await run(['order', 'check', 'o.json'], fakeIo({ 'o.json': '{\n  "id": "x",\n}' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'ccpor: o.json is not valid JSON: Expected double-quoted property name (line 3, column 1)\n',
    );
  });

  it('clets encode writes one keyed record per protected person, which decode reads back', async () => {
    const order = JSON.parse(readFileSync(fixture('DV-130.valid.json'), 'utf8')) as {
      protected: unknown[];
    };
    const r = await run(['clets', 'encode', fixture('DV-130.valid.json'), ...now], nodeIo);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(order.protected.length);
    const back = await run(['clets', 'decode'], fakeIo({}, r.stdout));
    const records = JSON.parse(back.stdout) as { tag: string; value: string }[][];
    expect(records).toHaveLength(lines.length);
    for (const rec of records) {
      expect(rec[0]).toEqual({ tag: 'MKE', value: 'EPO' });
      expect(rec.filter((f) => f.tag === 'PPN')).toHaveLength(1);
    }
  });

  it('clets encode --event picks the lifecycle transaction', async () => {
    const r = await run(
      ['clets', 'encode', fixture('DV-130.valid.json'), '--event', 'terminated', ...now],
      nodeIo,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^MKE\/(?!EPO)[A-Z]{2,4}\./);
    const bad = await run(
      ['clets', 'encode', fixture('DV-130.valid.json'), '--event', 'burned'],
      nodeIo,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown event "burned"; use one of issued, /);
  });

  it('a bad --now, --closed or --close-of-business is one stderr line naming the flag', async () => {
    const file = fixture('EPO-001.valid.json');
    const cases: [string[], string][] = [
      [
        ['order', 'check', file, '--now', '2026-01-01'],
        'ccpor: --now "2026-01-01": Now must be a date-time with offset, e.g. 2026-07-03T14:30:00-07:00.\n',
      ],
      [
        ['order', 'check', file, '--closed', '2026-11-23,2026-02-30'],
        'ccpor: --closed "2026-11-23,2026-02-30": Court closure dates must be YYYY-MM-DD: 2026-02-30.\n',
      ],
      [
        ['clets', 'encode', file, '--close-of-business', '25:00'],
        'ccpor: --close-of-business "25:00": Close of business must be HH:MM in 24-hour time, e.g. 17:00.\n',
      ],
    ];
    for (const [argv, stderr] of cases) {
      const r = await run(argv, nodeIo);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(stderr);
    }
    // Checked before the file is read: a bad flag on a missing file names the flag.
    const both = await run(['order', 'check', 'no/such.json', '--now', 'x'], fakeIo({}));
    expect(both.stderr).toMatch(/^ccpor: --now "x": /);
  });

  it('clets encode of an invalid order exits 1 and encodes nothing', async () => {
    const r = await run(
      ['clets', 'encode', fixture('dv130-six-years.invalid.json'), ...now],
      nodeIo,
    );
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { ok: boolean }).ok).toBe(false);
    expect(r.stderr).toMatch(/nothing was encoded/);
  });
});
