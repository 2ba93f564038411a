/**
 * LAM-6 Lambda on-demand pricing, US East (N. Virginia), aws.amazon.com/lambda/pricing:
 * $0.20 per 1 million requests, plus $0.0000166667 per GB-second on x86_64 ($0.0000133334 on arm64).
 * Duration is billed per invocation rounded up to the next 1 ms (1 ms granularity since December 2020,
 * aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/), and a GB is
 * 1,024 MB (128 MB = 0.125 GB). Since 1 August 2025 the Init phase of on-demand invocations is billed like
 * the Invoke phase (aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/), so a
 * cold start's init time is billed too. The free tier is not applied: the estimate is the list price.
 */

export const USD_PER_REQUEST = 0.2 / 1_000_000;
export const USD_PER_GB_SECOND: Record<'x86_64' | 'arm64', number> = { x86_64: 0.0000166667, arm64: 0.0000133334 };

export function gbSeconds(billedMs: number, memoryMb: number): number {
  return (billedMs / 1000) * (memoryMb / 1024);
}

export function lambdaCostUsd(requests: number, gbSecondsUsed: number, architecture: 'x86_64' | 'arm64' = 'x86_64'): number {
  return requests * USD_PER_REQUEST + gbSecondsUsed * USD_PER_GB_SECOND[architecture];
}

/**
 * Requests and GB-seconds per virtual minute, for cost estimates over a trailing window. Bounded: the
 * oldest minutes fall off after `capacity` minutes (48 h by default, like the metric store).
 */
export class BillingLedger {
  private readonly starts: Float64Array;
  private readonly requests: Float64Array;
  private readonly gbs: Float64Array;
  private head = 0;
  private length = 0;
  totalRequests = 0;
  totalGbSeconds = 0;

  constructor(private readonly capacity = 2_880) {
    this.starts = new Float64Array(capacity);
    this.requests = new Float64Array(capacity);
    this.gbs = new Float64Array(capacity);
  }

  add(atMs: number, requests: number, gbSecondsUsed: number): void {
    if (requests <= 0 && gbSecondsUsed <= 0) return;
    const minute = atMs - (((atMs % 60_000) + 60_000) % 60_000);
    const last = (this.head - 1 + this.capacity) % this.capacity;
    if (this.length === 0 || this.starts[last] !== minute) {
      this.starts[this.head] = minute;
      this.requests[this.head] = 0;
      this.gbs[this.head] = 0;
      this.head = (this.head + 1) % this.capacity;
      this.length = Math.min(this.length + 1, this.capacity);
    }
    const slot = (this.head - 1 + this.capacity) % this.capacity;
    this.requests[slot]! += requests;
    this.gbs[slot]! += gbSecondsUsed;
    this.totalRequests += requests;
    this.totalGbSeconds += gbSecondsUsed;
  }

  /**
   * Usage in the minutes that start within the last `windowSeconds` before `nowMs`, counting the minute in
   * progress: the window is rounded to whole minutes, the resolution this ledger keeps.
   */
  window(nowMs: number, windowSeconds: number): { requests: number; gbSeconds: number } {
    const from = nowMs - windowSeconds * 1000;
    const fromMinute = from - (((from % 60_000) + 60_000) % 60_000);
    let requests = 0;
    let gbSecondsUsed = 0;
    for (let k = 0; k < this.length; k++) {
      const slot = (this.head - this.length + k + this.capacity) % this.capacity;
      if (this.starts[slot]! >= fromMinute && this.starts[slot]! <= nowMs) {
        requests += this.requests[slot]!;
        gbSecondsUsed += this.gbs[slot]!;
      }
    }
    return { requests, gbSeconds: gbSecondsUsed };
  }
}
