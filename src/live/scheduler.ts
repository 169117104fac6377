/**
 * Timers for the live checker, injectable so that tests drive debouncing with a fake clock and the
 * benchmark runs without timer latency.
 */

export interface Scheduler {
  /** Calls `fn` after `ms` milliseconds; returns a handle for `cancel`. */
  schedule(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
  /** Milliseconds on this scheduler's clock (for timings in the state). */
  now(): number;
}

/** The platform's timers. A delay of 0 runs on a microtask (no 1 ms timer floor). */
export const realScheduler: Scheduler = {
  schedule(fn, ms) {
    if (ms <= 0) {
      const handle = { cancelled: false };
      queueMicrotask(() => {
        if (!handle.cancelled) fn();
      });
      return handle;
    }
    return setTimeout(fn, ms);
  },
  cancel(handle) {
    if (handle && typeof handle === 'object' && 'cancelled' in handle) {
      (handle as { cancelled: boolean }).cancelled = true;
      return;
    }
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
};

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A fake clock: timers fire only when the test calls `advance`. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private nextId = 1;
  private timers: Timer[] = [];

  schedule(fn: () => void, ms: number): unknown {
    const t: Timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn };
    this.timers.push(t);
    return t.id;
  }

  cancel(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  now(): number {
    return this.time;
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock on by `ms`, firing the timers that fall due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= until)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = until;
  }
}

/** Resolves on the next macrotask, so that a pane can paint progress and take a click on 取消. */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof g.scheduler?.yield === 'function') return g.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An `AbortError` like the platform's. */
export function abortError(): Error {
  const e = new Error('Aborted');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
