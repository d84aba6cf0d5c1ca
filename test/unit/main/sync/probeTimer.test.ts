import { describe, expect, it } from 'vitest';

import { ProbeTimer } from '../../../../src/main/sync/probeTimer';

describe('ProbeTimer', () => {
  it('backs off from 1 s, doubling, never past the cap, and starts over after an answer', () => {
    const low = new ProbeTimer(
      () => undefined,
      10_000,
      () => 0,
    );
    expect([1, 2, 3, 4, 5, 6].map(() => low.nextDelay())).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    const high = new ProbeTimer(
      () => undefined,
      10_000,
      () => 1,
    );
    expect([1, 2, 3, 4, 5].map(() => high.nextDelay())).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(high.fresh).toBe(false);
    high.reset();
    expect(high.fresh).toBe(true);
    expect(high.nextDelay()).toBe(1000);
  });

  it('runs one pending check at a time and none after stop', async () => {
    let runs = 0;
    const t = new ProbeTimer(() => (runs += 1), 10_000);
    t.schedule(5);
    t.schedule(5); // replaces the first
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
    t.schedule(5);
    t.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
  });
});
