import { describe, expect, it } from 'vitest';

import {
  authReducer,
  idleTimedOut,
  selectScreen,
  sessionChanged,
  unlocked,
} from '../../../../src/renderer/features/auth/authSlice';
import {
  activityEvents,
  startIdleTimer,
  TOUCH_EVERY_MS,
} from '../../../../src/renderer/features/auth/idleTimer';
import type { SessionView } from '../../../../src/shared/ipc/contracts/auth';

function harness(minutes: number) {
  let t = 0;
  const listeners = new Map<string, () => void>();
  let tick: () => void = () => undefined;
  const calls = { idle: 0, touch: 0 };
  const stop = startIdleTimer({
    minutes,
    now: () => t,
    onIdle: () => (calls.idle += 1),
    onActivity: () => (calls.touch += 1),
    target: {
      addEventListener: (type: string, fn: EventListenerOrEventListenerObject) =>
        listeners.set(type, fn as () => void),
      removeEventListener: (type: string) => listeners.delete(type),
    } as never,
    setInterval: (fn) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => undefined,
  });
  return {
    calls,
    listeners,
    stop,
    advance(ms: number) {
      t += ms;
      tick();
    },
    input(type = 'keydown') {
      listeners.get(type)?.();
    },
  };
}

describe('the renderer idle timer', () => {
  it('fires once at the configured minutes, not a second before', () => {
    const h = harness(5);
    h.advance(5 * 60_000 - 1000);
    expect(h.calls.idle).toBe(0);
    h.advance(1000);
    expect(h.calls.idle).toBe(1);
    h.advance(60_000);
    expect(h.calls.idle).toBe(1);
  });

  it('restarts on keyboard and pointer input and reports activity at most every 30 s', () => {
    const h = harness(5);
    expect([...h.listeners.keys()].sort()).toEqual([...activityEvents].sort());
    for (let i = 0; i < 20; i += 1) {
      h.advance(4 * 60_000);
      h.input(i % 2 ? 'pointerdown' : 'keydown');
    }
    expect(h.calls.idle).toBe(0);
    expect(h.calls.touch).toBe(20);
    h.input();
    h.advance(TOUCH_EVERY_MS - 1);
    h.input();
    expect(h.calls.touch).toBe(20);
    h.stop();
    expect(h.listeners.size).toBe(0);
  });
});

const view = (state: SessionView['state']): SessionView => ({
  state,
  user:
    state === 'signed-out'
      ? null
      : {
          userId: 'u',
          username: 'casey',
          displayName: '',
          role: 'clerk',
          courtOri: 'CA034999J',
          courtroom: '',
        },
  lockedReason: state === 'locked' ? 'idle' : null,
  idleLockMinutes: 5,
  workstationId: 'ws',
});

describe('what the window shows', () => {
  const screen = (s: ReturnType<typeof authReducer>) => selectScreen({ auth: s });

  it('shows the app only for an active session, and blanks it at once on the local idle lock', () => {
    let s = authReducer(undefined, { type: 'init' });
    expect(screen(s)).toBe('starting');
    s = authReducer(s, sessionChanged(view('signed-out')));
    expect(screen(s)).toBe('sign-in');
    s = authReducer(s, sessionChanged(view('active')));
    expect(screen(s)).toBe('app');
    s = authReducer(s, idleTimedOut());
    expect(screen(s)).toBe('locked');
    // A late "active" from before the lock does not show the app again…
    s = authReducer(s, sessionChanged(view('active')));
    expect(screen(s)).toBe('locked');
    // …only re-authentication does.
    s = authReducer(s, unlocked(view('active')));
    expect(screen(s)).toBe('app');
    s = authReducer(s, sessionChanged(view('locked')));
    expect(screen(s)).toBe('locked');
  });
});
