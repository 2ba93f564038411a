/**
 * Retry delays for throttled or transiently failing AWS calls: capped exponential backoff with
 * "full jitter" — a uniformly random wait between 0 and min(cap, base × 2^attempt) — the scheme the
 * AWS SDKs use and the Architecture Blog recommends (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/,
 * docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
 */
export interface BackoffPolicy {
  /** First retry waits up to this long. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** Total tries including the first. */
  maxAttempts: number;
}

/** Throttling: up to 6 tries, waits capped at 20 s (the SDK's standard mode caps at 20 s too). */
export const THROTTLE_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 20_000, maxAttempts: 6 };
/** 5xx and timeouts: fewer tries — a broken service should surface as a stale dataset quickly. */
export const TRANSIENT_BACKOFF: BackoffPolicy = { baseMs: 200, capMs: 5_000, maxAttempts: 3 };

/** The wait before retry number `attempt` (1 = the first retry). `random` returns [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
