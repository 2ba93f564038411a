/**
 * LAM-4 Warm execution environments of one function. After an invocation Lambda freezes the environment and
 * reuses it for later invocations; an environment left idle long enough is shut down, and the next request
 * that needs it pays a new Init (docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
 * AWS does not document the idle time; operators commonly observe 5–15 minutes, and the simulator uses 10
 * (configurable, LambdaServiceOptions.environmentIdleSeconds).
 *
 * If environments are reused most-recently-used first, the k-th environment was last busy at the latest
 * moment when at least k were busy, so the number still warm at time t is the largest number of
 * environments busy at once within the idle window before t. A monotonic deque keeps that sliding maximum
 * in O(1) amortised per tick.
 */
export class WarmPool {
  private times: number[] = [];
  private counts: number[] = [];
  private head = 0;

  constructor(private readonly idleMs: number) {}

  /** Records that `environments` were busy at `atMs` (times must not decrease). */
  record(atMs: number, environments: number): void {
    if (environments <= 0) return;
    while (this.counts.length > this.head && this.counts[this.counts.length - 1]! <= environments) {
      this.counts.pop();
      this.times.pop();
    }
    this.times.push(atMs);
    this.counts.push(environments);
  }

  /** Environments still warm at `nowMs`: those busy within the idle window before it. */
  warmAt(nowMs: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= nowMs - this.idleMs) this.head++;
    if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.counts = this.counts.slice(this.head);
      this.head = 0;
    }
    return this.head < this.counts.length ? this.counts[this.head]! : 0;
  }
}
