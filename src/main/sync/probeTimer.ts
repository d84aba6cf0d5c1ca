/**
 * When to check the registry's health next. While it does not answer, checks back off from
 * 1 s, doubling, to a cap (equal jitter: never hammer, never wait longer than the cap); an
 * answer resets the backoff. One timer at a time; it never keeps the process alive.
 */
export class ProbeTimer {
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;

  constructor(
    private readonly check: () => void,
    private readonly capMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next backoff delay (and counts the attempt). */
  nextDelay(): number {
    const ceiling = Math.min(this.capMs, 1000 * 2 ** Math.min(this.attempt, 20));
    this.attempt += 1;
    return ceiling / 2 + (this.random() * ceiling) / 2;
  }

  /** The registry answered: the next failure starts the backoff again. */
  reset(): void {
    this.attempt = 0;
  }

  /** True when no failure has been counted since the last answer. */
  get fresh(): boolean {
    return this.attempt === 0;
  }

  /** Checks after `delayMs`, or after the next backoff delay; replaces any pending check. */
  schedule(delayMs?: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.check, delayMs ?? this.nextDelay());
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
