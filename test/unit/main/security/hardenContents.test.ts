/**
 * The app-wide Electron guards, driven through minimal `app`/`session`/`webContents`-shaped
 * objects (the module imports Electron for types only).
 */
import { EventEmitter } from 'node:events';

import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';

import { hardenApp } from '../../../../src/main/security/hardenContents';

type Listener = (
  event: { preventDefault(): void; defaultPrevented: boolean },
  url?: string,
) => void;

class FakeContents {
  readonly id = 7;
  readonly listeners = new Map<string, Listener>();
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  on(name: string, listener: Listener) {
    this.listeners.set(name, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits `name` and says whether a guard prevented it. */
  fire(name: string, url?: string): boolean {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.listeners.get(name)?.(event, url);
    return event.defaultPrevented;
  }
}

function setUp(devOrigin?: string) {
  const app = new EventEmitter();
  let permission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
  let check: (() => boolean) | null = null;
  const session = {
    setPermissionRequestHandler: (h: typeof permission) => (permission = h),
    setPermissionCheckHandler: (h: typeof check) => (check = h),
  };
  hardenApp(app as unknown as App, session as unknown as Session, devOrigin);
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return { contents, permission: () => permission, check: () => check };
}

describe('hardenApp', () => {
  it('denies every permission request and check', () => {
    const { permission, check } = setUp();
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications']) {
      permission()?.({}, p, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false]);
    expect(check()?.()).toBe(false);
  });

  it('keeps navigation inside app://clerk and refuses redirects and webviews', () => {
    const { contents } = setUp();
    expect(contents.fire('will-navigate', 'app://clerk/index.html#/search')).toBe(false);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('allows the dev server origin only when one is given', () => {
    const { contents } = setUp('http://localhost:5174');
    expect(contents.fire('will-navigate', 'http://localhost:5174/#/print')).toBe(false);
    expect(contents.fire('will-navigate', 'http://localhost:5175/')).toBe(true);
  });

  it('denies every window.open', () => {
    const { contents } = setUp();
    expect(contents.openHandler?.({ url: 'app://clerk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
