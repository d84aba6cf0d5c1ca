/**
 * The renderer's half of the idle lock (CJIS 5.5.5): it sees the keyboard and mouse, main does
 * not. After `minutes` without input it calls `onIdle` once (the window blanks at once and
 * main is asked to lock); input in between is reported to main at most every 30 seconds so
 * main's own idle clock (the one that counts) starts again. Uses the monotonic clock.
 */
export type IdleTimerOptions = {
  readonly minutes: number;
  readonly onIdle: () => void;
  readonly onActivity: () => void;
  readonly now?: () => number;
  readonly target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
};

/** Input that counts as the clerk being there. */
export const activityEvents = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
] as const;

let lastInput = Number.NEGATIVE_INFINITY;

/** Milliseconds since the last keyboard or pointer input anywhere in the window. */
export function msSinceInput(now: number = performance.now()): number {
  return now - lastInput;
}

/** How often activity is reported to main, at most. */
export const TOUCH_EVERY_MS = 30_000;

/** Starts the timer; returns a function that stops it. */
export function startIdleTimer(o: IdleTimerOptions): () => void {
  const now = o.now ?? (() => performance.now());
  const target = o.target ?? window;
  let last = now();
  let lastTouch = Number.NEGATIVE_INFINITY;
  let fired = false;
  const onInput = () => {
    if (fired) return;
    last = now();
    lastInput = last;
    if (last - lastTouch >= TOUCH_EVERY_MS) {
      lastTouch = last;
      o.onActivity();
    }
  };
  for (const e of activityEvents)
    target.addEventListener(e, onInput, { capture: true, passive: true });
  const check = () => {
    if (!fired && now() - last >= o.minutes * 60_000) {
      fired = true;
      o.onIdle();
    }
  };
  const handle = (o.setInterval ?? ((fn, ms) => window.setInterval(fn, ms)))(check, 1000);
  return () => {
    (o.clearInterval ?? ((h) => window.clearInterval(h as number)))(handle);
    for (const e of activityEvents) target.removeEventListener(e, onInput, { capture: true });
  };
}
