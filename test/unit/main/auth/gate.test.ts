import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createDispatcher } from '../../../../src/main/ipc/dispatcher';
import { createWorkstation, type Workstation } from '../../../../src/main/workstation';
import { signInAs } from '../../../helpers/auth';

const ctx = { shell: 'host', origin: 'http://127.0.0.1:1' } as const;
let dir = '';
let ws: Workstation;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccpor-gate-'));
  ws = createWorkstation({ shell: 'host', dataDir: dir, version: 'test', env: {} });
});
afterEach(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dispatcher denies by default', () => {
  it('answers only public channels without a gate', async () => {
    const bare = createDispatcher(ws.handlers);
    expect((await bare.dispatch('app:get-info', {}, ctx)).ok).toBe(true);
    expect(await bare.dispatch('print:list-printers', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses before validating input, so a stranger learns nothing about a channel', async () => {
    const r = await ws.dispatcher.dispatch('audit:list-events', { limit: 'lots' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: /Sign in first/ } });
    const [event] = await ws.auth.journal.list(1);
    expect(event).toMatchObject({
      action: 'audit.view',
      outcome: 'denied',
      actor: null,
      where: { channel: 'audit:list-events' },
    });
  });

  it('fails closed when the audit record of a decision cannot be written', async () => {
    const onInternalError = vi.fn();
    const broken = createDispatcher(ws.handlers, {
      onInternalError,
      access: { check: () => Promise.reject(new Error('disk full')) },
    });
    expect(await broken.dispatch('app:get-info', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(onInternalError).toHaveBeenCalledTimes(1);
  });

  it('hands the principal to handlers and records audited successes', async () => {
    await signInAs(ws, 'supervisor');
    const r = await ws.dispatcher.dispatch('audit:list-events', { limit: 5 }, ctx);
    expect(r.ok).toBe(true);
    const [event] = await ws.auth.journal.list(1);
    expect(event).toMatchObject({
      action: 'audit.view',
      outcome: 'success',
      actor: { username: 'supervisor' },
    });
    const printers = await ws.dispatcher.dispatch('print:list-printers', {}, ctx);
    expect(printers.ok).toBe(true);
  });

  it('records who asked, on which channel, for every refusal of a signed-in user', async () => {
    await signInAs(ws, 'clerk');
    expect(await ws.dispatcher.dispatch('print:save-printer', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: /counter clerk may not add, change or remove printers/ },
    });
    const [event] = await ws.auth.journal.list(1);
    expect(event).toMatchObject({
      action: 'device.configure',
      outcome: 'denied',
      actor: { username: 'clerk', role: 'clerk' },
      where: { channel: 'print:save-printer' },
    });
  });
});
