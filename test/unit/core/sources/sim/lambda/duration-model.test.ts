import { describe, expect, it } from 'vitest';
import { defaultDurationMs, durationOutcome, normalCdf } from '@main/core/sources/sim/lambda/duration-model';
import { BillingLedger, gbSeconds, lambdaCostUsd } from '@main/core/sources/sim/lambda/pricing';
import { WarmPool } from '@main/core/sources/sim/lambda/warm-pool';

describe('Lambda duration model', () => {
  it('more memory means more CPU, up to one vCPU at 1,769 MB: 100 ms at 128 MB, 70 ms at 256 MB, 44.3 ms from 1,769 MB on', () => {
    expect(defaultDurationMs(128)).toBe(100);
    expect(defaultDurationMs(256)).toBe(70);
    expect(defaultDurationMs(1_769)).toBeCloseTo(40 + (60 * 128) / 1_769, 9);
    expect(defaultDurationMs(10_240)).toBe(defaultDurationMs(1_769));
  });

  it('Φ is accurate to 1e-6 at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it('a log-normal keeps its mean far from the Timeout and puts p99 at e^(2.326σ) × the median', () => {
    const d = durationOutcome(100, 0.3, 3_000);
    expect(d.timeoutShare).toBeLessThan(1e-12);
    expect(d.meanAllMs).toBeCloseTo(100, 6);
    expect(d.p50Ms).toBeCloseTo(100 * Math.exp(-0.045), 6);
    expect(d.p99Ms / d.p50Ms).toBeCloseTo(Math.exp(0.3 * 2.326348), 6);
    // Rounding every invocation up to the next ms adds half a millisecond on average.
    expect(d.billedFinishedMs).toBeCloseTo(100.5, 6);
  });

  it('invocations at or past the Timeout are cut there', () => {
    expect(durationOutcome(3_000, 0, 3_000)).toMatchObject({ timeoutShare: 1, meanAllMs: 3_000, billedFinishedMs: 0 });
    expect(durationOutcome(2_999.2, 0, 3_000)).toMatchObject({ timeoutShare: 0, meanAllMs: 2_999.2, billedFinishedMs: 3_000 });
    const d = durationOutcome(2_000, 0.3, 3_000);
    expect(d.p999Ms).toBe(3_000);
    expect(d.meanAllMs).toBeLessThan(2_000);
  });
});

describe('Lambda pricing helpers (LAM-6)', () => {
  it('LAM-6: GB-seconds use 1,024 MB per GB; requests are $0.20 per million', () => {
    expect(gbSeconds(100, 128)).toBe(0.0125);
    expect(lambdaCostUsd(1_000_000, 0)).toBeCloseTo(0.2, 12);
    expect(lambdaCostUsd(0, 1)).toBe(0.0000166667);
    expect(lambdaCostUsd(0, 1, 'arm64')).toBe(0.0000133334);
  });

  it('the ledger sums the minutes of a trailing window and forgets the oldest past its capacity', () => {
    const ledger = new BillingLedger(3);
    for (let minute = 0; minute < 5; minute++) ledger.add(minute * 60_000 + 5_000, 10, 1);
    expect(ledger.window(4 * 60_000 + 30_000, 60)).toEqual({ requests: 20, gbSeconds: 2 });
    expect(ledger.window(4 * 60_000 + 30_000, 3_600)).toEqual({ requests: 30, gbSeconds: 3 });
    expect(ledger.totalRequests).toBe(50);
  });
});

describe('warm execution environments (LAM-4)', () => {
  it('LAM-4: the warm count is the most environments busy at once within the idle window', () => {
    const pool = new WarmPool(600_000);
    pool.record(0, 10);
    pool.record(60_000, 4);
    pool.record(120_000, 7);
    expect(pool.warmAt(300_000)).toBe(10);
    expect(pool.warmAt(600_000)).toBe(7); // the 10 were last all busy at t = 0
    expect(pool.warmAt(720_000)).toBe(0);
  });
});
