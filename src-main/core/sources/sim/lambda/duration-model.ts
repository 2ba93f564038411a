/**
 * How long one invocation runs, as a distribution rather than a number, so that a fluid tick can say which
 * share of its invocations hit the function's Timeout (and fail, LAM-3/LAM-5 Errors), what they are billed
 * (LAM-6) and what the Duration percentiles are.
 *
 * Handler durations are log-normal (right-skewed, as latency is) with a configured mean and a spread σ of
 * the underlying normal; an invocation that reaches Timeout is stopped there and counts as an error.
 *
 * Memory: "Lambda allocates CPU power in proportion to the amount of memory configured … At 1,769 MB, a
 * function has the equivalent of one vCPU" (docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
 * Without a measured DurationMs the default handler is 100 ms at 128 MB, of which 60 ms is CPU-bound and
 * speeds up in proportion to memory up to 1,769 MB (a single-threaded handler gains nothing from a second
 * vCPU) and 40 ms is waiting on I/O, which memory does not shorten. These numbers are our choice.
 */

export const ONE_VCPU_MEMORY_MB = 1_769;
const DEFAULT_IO_MS = 40;
const DEFAULT_CPU_MS_AT_128_MB = 60;

/** The default mean handler duration (ms) of a function with `memoryMb` of memory. */
export function defaultDurationMs(memoryMb: number): number {
  const cpuShare = Math.min(Math.max(memoryMb, 128), ONE_VCPU_MEMORY_MB) / 128;
  return DEFAULT_IO_MS + DEFAULT_CPU_MS_AT_128_MB / cpuShare;
}

/** Standard normal CDF Φ(x), via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7); deterministic everywhere. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** z-scores of the quantiles the simulator reports. */
export const Z = { p001: -3.090232, p50: 0, p99: 2.326348, p999: 3.090232 } as const;

export interface DurationOutcome {
  /** Share of invocations stopped at Timeout (errors). */
  timeoutShare: number;
  /** Mean duration (ms) of the invocations that finish before Timeout; 0 when none do. */
  meanFinishedMs: number;
  /** Mean over every invocation, timed-out ones counted at Timeout: what occupies concurrency. */
  meanAllMs: number;
  /** Billed ms per finished invocation: each invocation rounded up to the next 1 ms (see billedMs). */
  billedFinishedMs: number;
  /** Quantiles over every invocation (capped at Timeout). */
  p001Ms: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
}

/**
 * The duration outcome of invocations whose handler time is log-normal with mean `meanMs` and spread `sigma`,
 * stopped at `timeoutMs`.
 *
 * Billing rounds each invocation up to the next 1 ms (aws.amazon.com/lambda/pricing). A fluid tick has no
 * individual durations, so: with σ = 0 every invocation lasts exactly the mean, billed ⌈mean⌉; with σ > 0
 * the durations spread over many milliseconds and rounding up adds half a millisecond on average, billed
 * mean + 0.5 ms. Timed-out invocations are billed exactly Timeout.
 */
export function durationOutcome(meanMs: number, sigma: number, timeoutMs: number): DurationOutcome {
  if (sigma <= 0 || meanMs <= 0) {
    const timedOut = meanMs >= timeoutMs;
    const d = Math.min(meanMs, timeoutMs);
    return {
      timeoutShare: timedOut ? 1 : 0,
      meanFinishedMs: timedOut ? 0 : meanMs,
      meanAllMs: d,
      billedFinishedMs: timedOut ? 0 : Math.ceil(meanMs - 1e-9),
      p001Ms: d,
      p50Ms: d,
      p99Ms: d,
      p999Ms: d,
    };
  }
  // ln D ~ N(mu, sigma²) with E[D] = exp(mu + sigma²/2) = meanMs.
  const mu = Math.log(meanMs) - (sigma * sigma) / 2;
  const k = (Math.log(timeoutMs) - mu) / sigma;
  const finishedShare = normalCdf(k);
  // Partial expectation E[D; D < T] = E[D] · Φ(k − σ).
  const partial = meanMs * normalCdf(k - sigma);
  const meanFinishedMs = finishedShare > 0 ? partial / finishedShare : 0;
  const quantile = (z: number) => Math.min(timeoutMs, Math.exp(mu + sigma * z));
  return {
    timeoutShare: 1 - finishedShare,
    meanFinishedMs,
    meanAllMs: partial + timeoutMs * (1 - finishedShare),
    billedFinishedMs: finishedShare > 0 ? meanFinishedMs + 0.5 : 0,
    p001Ms: quantile(Z.p001),
    p50Ms: quantile(Z.p50),
    p99Ms: quantile(Z.p99),
    p999Ms: quantile(Z.p999),
  };
}
