/** The simulated clock: real time plus an offset, so tests can jump ahead without waiting. */
export class SimClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

type TickHandler = { name: string; fn: (now: Date) => void };

/** Runs the services' lifecycle handlers every `tickMs`; one failing handler does not stop the others. */
export class Ticker {
  private readonly handlers: TickHandler[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: SimClock,
    private readonly onError: (name: string, error: unknown) => void,
  ) {}

  register(name: string, fn: (now: Date) => void): void {
    this.handlers.push({ name, fn });
  }

  /** Runs every handler once now; also used after a clock jump so effects are visible at once. */
  runOnce(): void {
    const now = this.clock.now();
    for (const h of this.handlers) {
      try {
        h.fn(now);
      } catch (error) {
        this.onError(h.name, error);
      }
    }
  }

  start(tickMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.runOnce(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
