import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parseSimArgs } from '../../../../src/registry/clets-sim/cli';
import { processMessage } from '../../../../src/registry/clets-sim/engine';
import { noFaults, parseControl } from '../../../../src/registry/clets-sim/faults';
import { StateFile } from '../../../../src/registry/clets-sim/stateFile';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-sim-state-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'state.jsonl');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const EPO = (ppn: string) =>
  `MKE/EPO.ORI/CA034999J.NAM/PARKER, DANIEL.SEX/M.RAC/W.PNO/26FL1.BRD/U.ISD/20261102.EXP/NONEXP.CTI/CA034999J.PPN/${ppn}.OCA/26FL1.`;

/** Processes and stores a message as the server does. */
function answer(file: string, mid: string, lines: string[]): string {
  const { store, state } = StateFile.open(file);
  const r = processMessage(state, mid, lines);
  if (r.store)
    store.append({ mid, hash: r.store.hash, line: r.line, effects: r.store.effects, at: 'x' });
  store.close();
  return r.line;
}

describe('simulator state file', () => {
  it('replays records, FCN sequence and answers after a restart', () => {
    const file = tempFile();
    const first = answer(file, 'm1', [EPO('DOE, JANE')]);
    answer(file, 'm2', [EPO('DOE, JANE')]); // duplicate, stored as a REJ
    const { state, store } = StateFile.open(file);
    store.close();
    expect(state.records.get('CA034999J|26FL1|DOE, JANE')?.fcn).toBe(first.split(' ')[2]);
    expect(state.answers.get('m1')?.line).toBe(first);
    expect(state.counters).toMatchObject({ messages: 2, acks: 1, rejects: { DUP: 1 }, entries: 1 });
    // The sequence continues after the stored FCNs: no FCN is ever handed out twice.
    const next = answer(file, 'm3', [EPO('DOE, JOHN')]);
    expect(Number(next.slice(-8))).toBe(Number(first.slice(-8)) + 1);
    expect(answer(file, 'm1', [EPO('DOE, JANE')])).toBe(first);
  });

  it('drops a torn last line (written before its answer went out) and truncates the file', () => {
    const file = tempFile();
    answer(file, 'm1', [EPO('DOE, JANE')]);
    const whole = readFileSync(file, 'utf8');
    appendFileSync(file, '{"mid":"m2","hash":"ab","line":"ACK m2 26');
    const opened = StateFile.open(file);
    opened.store.close();
    expect(opened.dropped).toBe(1);
    expect(opened.state.answers.has('m2')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });

  it('treats a line without its line break as torn', () => {
    const file = tempFile();
    answer(file, 'm1', [EPO('DOE, JANE')]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, -1));
    const opened = StateFile.open(file);
    opened.store.close();
    expect(opened.state.records.size).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('simulator control lines', () => {
  it('parses each command', () => {
    expect(parseControl('DELAY 250')).toEqual({ cmd: 'delay', ms: 250 });
    expect(parseControl('drop now')).toEqual({ cmd: 'drop-now' });
    expect(parseControl('DROP EVERY 10')).toEqual({ cmd: 'drop-every', every: 10, mode: 'after' });
    expect(parseControl('DROP EVERY 3 before')).toEqual({
      cmd: 'drop-every',
      every: 3,
      mode: 'before',
    });
    expect(parseControl('DOWN')).toEqual({ cmd: 'down', ms: null });
    expect(parseControl('DOWN 5000')).toEqual({ cmd: 'down', ms: 5000 });
    expect(parseControl('REJECT NAM REJECT ME')).toEqual({
      cmd: 'reject',
      rule: { tag: 'NAM', contains: 'REJECT ME' },
    });
    expect(parseControl('REJECT CLEAR')).toEqual({ cmd: 'reject-clear' });
    expect(parseControl('UP')).toEqual({ cmd: 'up' });
    expect(parseControl('RESET')).toEqual({ cmd: 'reset' });
    expect(noFaults()).toEqual({
      delayMs: 0,
      dropEvery: 0,
      dropMode: 'after',
      downUntil: 0,
      rules: [],
    });
  });

  it('says what to write instead of a bad command', () => {
    expect(() => parseControl('DELAY -1')).toThrow(
      'DELAY needs a whole number of milliseconds from 0 to 86400000',
    );
    expect(() => parseControl('DROP SOMETIMES')).toThrow(
      'Use DROP NOW or DROP EVERY <n> [BEFORE|AFTER]',
    );
    expect(() => parseControl('DROP EVERY 2 DURING')).toThrow(
      'DROP EVERY <n> takes BEFORE or AFTER',
    );
    expect(() => parseControl('REJECT nam X')).toThrow(
      'Use REJECT <TAG> <text>, e.g. REJECT NAM REJECTME',
    );
    expect(() => parseControl('FLY')).toThrow(
      'Unknown control command "FLY"; send HELP for the list',
    );
  });
});

describe('simulator command line', () => {
  it('reads ports, state file and starting faults', () => {
    const options = parseSimArgs(
      [
        '--port',
        '7070',
        '--state',
        '/tmp/s.jsonl',
        '--delay',
        '50',
        '--drop-every',
        '9',
        '--reject',
        'NAM=REJECTME',
      ],
      {},
    );
    expect(options).toMatchObject({
      port: 7070,
      controlPort: 0,
      stateFile: '/tmp/s.jsonl',
      faults: { delayMs: 50, dropEvery: 9, rules: [{ tag: 'NAM', contains: 'REJECTME' }] },
    });
    expect(parseSimArgs([], { XDG_DATA_HOME: '/data' }).stateFile).toBe(
      '/data/ccpor-clets-sim/state.jsonl',
    );
  });

  it('refuses bad flags with a message naming the flag', () => {
    expect(() => parseSimArgs(['--port', 'x'], {})).toThrow(
      '--port must be a port number from 0 to 65535, not "x"',
    );
    expect(() => parseSimArgs(['--reject', 'NAM'], {})).toThrow('--reject must be TAG=TEXT');
    expect(() => parseSimArgs(['--verbose'], {})).toThrow(/^Unknown option --verbose/);
    expect(() => parseSimArgs(['--state'], {})).toThrow('--state needs a value');
  });
});
