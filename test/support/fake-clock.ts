/**
 * A clock for tests in which time moves only when the test says so. It satisfies WatchClock (the live
 * re-check's debounce) and WriteLog's `now`, and drives the fake Excel's event delivery (FakeConfig.clock), so
 * that a test of timing is deterministic and waits for nothing real.
 *
 * advance(ms) runs every timer that falls due within the next ms milliseconds, earliest first (timers due at
 * the same moment in the order they were set), with the clock reading each timer's due time while it runs.
 * Before the first timer and after each one, pending promise work is let run to its end: the watcher's flush is
 * async (an Excel.run on the fake, then the callback), and what it does next (a new timer, another event)
 * must happen before time moves on, as it would in a real runtime.
 */
import type { WatchClock } from '../../src/hosts/host';

interface Timer {
  due: number;
  seq: number;
  callback: () => void;
}

/**
 * Lets every promise reaction queued so far run, and the ones those queue, until none is left: setImmediate
 * runs only after the microtask queue is empty. Work waiting on real I/O or real timers is not waited for.
 */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements WatchClock {
  private time: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  /** Starts at a fixed, realistic epoch time (any value works; a fixed one keeps runs identical). */
  constructor(start = Date.UTC(2025, 0, 1)) {
    this.time = start;
  }

  // Arrow properties: they are passed around unbound (new WriteLog(clock.now)).
  readonly now = (): number => this.time;

  readonly setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.set(id, { due: this.time + delay, seq: id, callback });
    return id;
  };

  readonly clearTimeout = (handle: unknown): void => {
    if (typeof handle === 'number') this.timers.delete(handle);
  };

  /** A promise that resolves after `ms` of this clock's time (for callbacks that take time). */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  /** Timers set and not yet run or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, running what falls due on the way (see the file comment). */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new Error(`FakeClock.advance: ${ms} is not a duration`);
    const end = this.time + ms;
    await flushPromises();
    let ran = 0;
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      // A fail rather than a hang: a timer that keeps setting itself again with no delay never lets time move.
      if (++ran > 100_000) throw new Error('FakeClock.advance: more than 100000 timers in one advance');
      this.timers.delete(next.seq);
      this.time = next.due;
      next.callback();
      await flushPromises();
    }
    this.time = end;
  }

  private nextDue(end: number): Timer | undefined {
    let first: Timer | undefined;
    for (const t of this.timers.values()) {
      if (t.due > end) continue;
      if (!first || t.due < first.due || (t.due === first.due && t.seq < first.seq)) first = t;
    }
    return first;
  }
}
