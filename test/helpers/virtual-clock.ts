/**
 * A clock for concurrent code: `sleep` schedules a wake-up in virtual time, and `drive(promise)`
 * lets microtasks settle, then jumps to the earliest wake-up, until the promise is done. Waiters
 * wake in time order, each seeing `now` equal to its own wake-up time.
 */
import type { Clock } from '../../src-main/core/sources/aws/throttle/time';

export function virtualClock(start = 0): Clock & { drive<T>(work: Promise<T>): Promise<T> } {
  let now = start;
  let sequence = 0;
  const timers: { at: number; seq: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        signal?.addEventListener('abort', () => resolve(), { once: true });
        timers.push({ at: now + Math.max(0, ms), seq: sequence++, wake: resolve });
      });
    },
    async drive<T>(work: Promise<T>): Promise<T> {
      let done = false;
      const result = work.finally(() => (done = true));
      for (;;) {
        await settle();
        if (done) return result;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) return result;
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}
