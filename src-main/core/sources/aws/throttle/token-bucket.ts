/**
 * A token bucket, the model AWS uses to document its API request limits: a bucket holds at most
 * `capacity` tokens, each request takes one, and tokens come back at `refillPerSecond`.
 * docs.aws.amazon.com/AWSEC2/latest/APIReference/throttling.html (the token-bucket description that
 * ELB, Auto Scaling and others reuse).
 *
 * Reservation style: `reserve()` takes a token now or promises the next one, returning how long the
 * caller must wait, so concurrent callers queue up fairly without a timer per bucket.
 */
import type { Clock } from './time';

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new Error('a token bucket needs capacity ≥ 1 and a positive refill rate');
    this.tokens = capacity;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond);
      this.updatedAt = now;
    }
  }

  /** Takes one token (possibly borrowed from the future); returns the milliseconds to wait before using it. */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return 0;
    return Math.ceil((-this.tokens / this.refillPerSecond) * 1000);
  }

  /** Tokens available right now (negative while callers wait on borrowed ones). */
  available(): number {
    this.refill();
    return this.tokens;
  }
}
