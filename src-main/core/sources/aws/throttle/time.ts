/**
 * Time as the AWS source sees it, injected so that tests of rate limits, backoff and polling run
 * instantly: `now` is wall-clock epoch milliseconds, `sleep` waits (a fake one just advances `now`)
 * and ends early, without error, when its signal aborts (a stopped poller must not linger).
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A clock that only moves when someone sleeps on it or calls advance: for tests and benches. */
export function manualClock(start = Date.UTC(2026, 0, 1)): Clock & { advance(ms: number): void; slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += Math.max(0, ms);
    },
    advance(ms) {
      now += ms;
    },
    slept,
  };
}
