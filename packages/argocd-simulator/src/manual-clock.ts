/**
 * A clock that moves only when told to: for tests that drive the simulator through minutes of
 * rollout without waiting for them, and see exact timestamps.
 */
import type { Clock } from './time.js';

interface Timer {
  due: number;
  seq: number;
  callback: () => void;
}

export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  /** Starts at `start` (a Date or epoch milliseconds); default 2025-01-01T00:00:00Z. */
  constructor(start: Date | number = Date.UTC(2025, 0, 1)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  schedule(ms: number, callback: () => void): () => void {
    const timer: Timer = { due: this.current + Math.max(0, ms), seq: (this.seq += 1), callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  }

  /** How many scheduled callbacks have not run yet. */
  get pending(): number {
    return this.timers.length;
  }

  /**
   * Moves the time forward by `ms`, running every callback that falls due on the way in the order
   * of its due time. After each one the event loop gets a turn, so work it starts without I/O
   * (and the timers that work schedules within the window) happens before this resolves; work
   * waiting on I/O, such as a git read, finishes later: wait for its effect (`sim.waitFor`).
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    for (let next = this.nextDue(target); next; next = this.nextDue(target)) {
      this.timers = this.timers.filter((timer) => timer !== next);
      this.current = next.due;
      next.callback();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.current = target;
  }

  private nextDue(limit: number): Timer | undefined {
    let earliest: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.due > limit) continue;
      if (!earliest || timer.due < earliest.due || (timer.due === earliest.due && timer.seq < earliest.seq)) earliest = timer;
    }
    return earliest;
  }
}
