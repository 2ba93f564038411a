/**
 * LAM-3 The asynchronous event queue of one function. "For throttling errors (429) and system errors
 * (500-series), Lambda returns the event to the queue and attempts to run the function again for up to
 * 6 hours by default. The retry interval increases exponentially from 1 second after the first attempt to
 * a maximum of 5 minutes." Function errors are retried "two more times, with a one-minute wait between the
 * first two attempts, and two minutes between the second and third attempts"
 * (docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html). MaximumEventAgeInSeconds
 * (60 s … 6 h) and MaximumRetryAttempts (0 … 2) come from AWS::Lambda::EventInvokeConfig.
 *
 * The queue is fluid like the rest of the simulator: events that arrive together and share a retry
 * history travel as one cohort with a (fractional) count.
 */

export const MAX_THROTTLE_BACKOFF_MS = 300_000;
/** Waits before the first and the second retry of a function error. */
export const ERROR_RETRY_WAITS_MS = [60_000, 120_000] as const;

export interface AsyncCohort {
  count: number;
  /** When Lambda queued these events (their age counts from here). */
  enqueuedMs: number;
  nextAttemptMs: number;
  /** Throttled attempts so far: the backoff doubles with each from 1 s up to 5 min. */
  throttledAttempts: number;
  /** Function-error retries used so far (at most MaximumRetryAttempts). */
  errorRetries: number;
}

export function throttleBackoffMs(throttledAttempts: number): number {
  return Math.min(MAX_THROTTLE_BACKOFF_MS, 1000 * 2 ** Math.max(0, throttledAttempts - 1));
}

export class AsyncQueue {
  private cohorts: AsyncCohort[] = [];

  get size(): number {
    let total = 0;
    for (const cohort of this.cohorts) total += cohort.count;
    return total;
  }

  get cohortCount(): number {
    return this.cohorts.length;
  }

  add(cohort: AsyncCohort): void {
    if (cohort.count > 0) this.cohorts.push(cohort);
  }

  /** Removes and returns every cohort older than `maxAgeMs` at `nowMs`. */
  expire(nowMs: number, maxAgeMs: number): AsyncCohort[] {
    const expired = this.cohorts.filter((c) => nowMs - c.enqueuedMs >= maxAgeMs);
    if (expired.length) this.cohorts = this.cohorts.filter((c) => nowMs - c.enqueuedMs < maxAgeMs);
    return expired;
  }

  /** Removes and returns the cohorts due for an attempt at `nowMs`, oldest events first. */
  takeDue(nowMs: number): AsyncCohort[] {
    const due: AsyncCohort[] = [];
    const waiting: AsyncCohort[] = [];
    for (const cohort of this.cohorts) (cohort.nextAttemptMs <= nowMs ? due : waiting).push(cohort);
    this.cohorts = waiting;
    return due.sort((a, b) => a.enqueuedMs - b.enqueuedMs);
  }
}
