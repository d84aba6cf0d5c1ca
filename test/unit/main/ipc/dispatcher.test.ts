import { describe, expect, it, vi } from 'vitest';

import { createDispatcher } from '../../../../src/main/ipc/dispatcher';
import { createWorkstation } from '../../../../src/main/workstation';
import { ServiceError } from '../../../../src/shared/ipc/envelope';

const ctx = { shell: 'host', origin: 'http://127.0.0.1:1' } as const;

describe('dispatcher', () => {
  const ws = createWorkstation({ shell: 'host', dataDir: '/tmp/data', version: '1.2.3' });

  it('answers a valid call with the handler value', async () => {
    const result = await ws.dispatcher.dispatch('app:get-info', {}, ctx);
    expect(result).toMatchObject({ ok: true, value: { version: '1.2.3', shell: 'host' } });
  });

  it('refuses input that breaks the contract, naming the field', async () => {
    const result = await ws.dispatcher.dispatch('app:get-info', { extra: 1 }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/app:get-info was refused/);
    expect(result.error.issues?.length).toBeGreaterThan(0);
  });

  it.each([42, 'app:nope', '__proto__', null])('refuses unknown channel %s', async (channel) => {
    const result = await ws.dispatcher.dispatch(channel, {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('maps a ServiceError to its code and message, and hides other errors', async () => {
    const onInternalError = vi.fn();
    const failing = createDispatcher(
      {
        ...ws.handlers,
        'app:get-info': () => {
          throw new ServiceError('unavailable', 'The scanner is busy.');
        },
        'status:get-summary': () => {
          throw new Error('secret stack detail');
        },
      },
      { onInternalError },
    );
    expect(await failing.dispatch('app:get-info', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The scanner is busy.', issues: [] },
    });
    const hidden = await failing.dispatch('status:get-summary', {}, ctx);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret stack detail');
    expect(onInternalError).toHaveBeenCalledTimes(1);
  });

  it('refuses to return output that breaks the contract', async () => {
    const d = createDispatcher(
      {
        ...ws.handlers,
        'status:get-summary': () => ({ nonsense: true }) as never,
      },
      { onInternalError: () => {} },
    );
    expect(await d.dispatch('status:get-summary', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
