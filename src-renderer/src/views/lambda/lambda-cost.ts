/**
 * Estimated Lambda cost from the metrics the app holds (LAM-6): requests × $0.20 per million plus
 * compute at $0.0000166667 per GB-second on x86_64 and $0.0000133334 on arm64 (LAM-7; us-east-1 list
 * prices, aws.amazon.com/lambda/pricing; the free tier ignored).
 * GB-seconds per period = invocations × average duration (s) × memory (GB): CloudWatch's
 * Duration Average over a period times that period's Invocations Sum is the period's billed time,
 * to within the 1 ms rounding AWS bills in.
 */
import type { LambdaCostEstimate } from '@contract';

export const USD_PER_MILLION_REQUESTS = 0.2;
export const USD_PER_GB_SECOND = 0.0000166667;
export const USD_PER_GB_SECOND_ARM64 = 0.0000133334;

/**
 * The prices the estimate uses, as the cost note under the table quotes them (i18n `lambda.costNote`):
 * from these constants, so the note cannot quote another rate than the one computed with (it quoted
 * the x86_64 rate only, while arm64 functions were costed at the arm64 one).
 */
export function costNoteParams(): { requests: string; x86: string; arm64: string } {
  return { requests: USD_PER_MILLION_REQUESTS.toFixed(2), x86: String(USD_PER_GB_SECOND), arm64: String(USD_PER_GB_SECOND_ARM64) };
}

/** Points are [time, value]; times match when both series share a period (they do in CloudWatch). */
export function estimateLambdaCost(
  functionName: string,
  memoryMb: number,
  invocations: readonly [number, number][],
  durationAverageMs: readonly [number, number][],
  window: { from: number; to: number },
  architecture: string = 'x86_64',
): LambdaCostEstimate {
  const durations = new Map(durationAverageMs.map(([time, value]) => [time, value]));
  let requests = 0;
  let gbSeconds = 0;
  for (const [time, count] of invocations) {
    if (time < window.from || time > window.to) continue;
    requests += count;
    gbSeconds += count * ((durations.get(time) ?? 0) / 1000) * (memoryMb / 1024);
  }
  const usd = (requests / 1_000_000) * USD_PER_MILLION_REQUESTS + gbSeconds * (architecture === 'arm64' ? USD_PER_GB_SECOND_ARM64 : USD_PER_GB_SECOND);
  return { functionName, windowSeconds: Math.max(0, (window.to - window.from) / 1000), requests, gbSeconds, usd };
}

/** Scaled to 30 days at the window's rate, for "what would a month of this cost". */
export function monthlyRate(estimate: LambdaCostEstimate): number {
  return estimate.windowSeconds > 0 ? (estimate.usd * 30 * 86_400) / estimate.windowSeconds : 0;
}
