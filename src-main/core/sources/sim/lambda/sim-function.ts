/**
 * One simulated Lambda function: its configuration, execution environments (LAM-2, LAM-4), event queue
 * (LAM-3) and what its current tick has counted so far. The service (lambda-service.ts) runs it.
 */
import type { InvocationOutcome } from '../service-module';
import { AsyncQueue } from './async-queue';
import { BillingLedger } from './pricing';
import { LAMBDA_LIMITS } from './resource-types';
import { WarmPool } from './warm-pool';

export const LAMBDA_DEFAULTS = {
  concurrentExecutionsLimit: 1_000,
  /** "You can reserve up to the Unreserved account concurrency value minus 100" (configuration-concurrency.html). */
  minimumUnreserved: 100,
  scalingRatePer10Seconds: 1_000,
  environmentIdleSeconds: 600,
  /** Our choice: a typical managed-runtime (Node.js, Python) Init with a few SDK clients. */
  coldStartMs: 300,
  /** Our choice: σ 0.3 puts p99 at about twice the median. */
  durationSpread: 0.3,
  durationNoise: 0.05,
  /** Our choice: a function without a measured ErrorRate never fails by itself. */
  errorRate: 0,
  /** Throttling is reported as stopped after this long without a throttle (timeline only). */
  throttlingQuietMs: 60_000,
  maximumEventAgeSeconds: LAMBDA_LIMITS.maxEventAgeMaxSeconds,
  maximumRetryAttempts: LAMBDA_LIMITS.maxRetryAttemptsMax,
} as const;

export type Architecture = 'x86_64' | 'arm64';
export type LimitReason = 'reserved' | 'account' | 'scaling';

export interface TickTotals {
  invocations: number;
  errors: number;
  throttles: number;
  durationSumMs: number;
  durationMinMs: number;
  durationMaxMs: number;
  coldStarts: number;
  asyncReceived: number;
  asyncAgeSumMs: number;
  asyncAgeCount: number;
  asyncAgeMaxMs: number;
  asyncDropped: number;
  limitReason?: LimitReason;
}

interface DropTotals {
  expired: number;
  retriesExhausted: number;
}

export const emptyTotals = (): TickTotals => ({
  invocations: 0,
  errors: 0,
  throttles: 0,
  durationSumMs: 0,
  durationMinMs: Infinity,
  durationMaxMs: 0,
  coldStarts: 0,
  asyncReceived: 0,
  asyncAgeSumMs: 0,
  asyncAgeCount: 0,
  asyncAgeMaxMs: 0,
  asyncDropped: 0,
});

export class SimFunction {
  readonly queue = new AsyncQueue();
  readonly dimensions: { readonly FunctionName: string };
  readonly ledger = new BillingLedger();
  readonly warm: WarmPool;
  errorRateOverride?: number;
  // Scaling (LAM-2) and environments (LAM-4).
  scalingTokens: number;
  environments = 0;
  // This tick.
  tickMs = -1;
  usedConcurrency = 0;
  noiseFactor = 1;
  totals = emptyTotals();
  drops: DropTotals = { expired: 0, retriesExhausted: 0 };
  throttling = false;
  lastThrottleMs = -Infinity;
  // AWS::Lambda::EventInvokeConfig, or AWS's defaults.
  maximumEventAgeSeconds: number = LAMBDA_DEFAULTS.maximumEventAgeSeconds;
  maximumRetryAttempts: number = LAMBDA_DEFAULTS.maximumRetryAttempts;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly runtime: string | undefined,
    readonly handler: string | undefined,
    readonly memoryMb: number,
    readonly timeoutSeconds: number,
    readonly architecture: Architecture,
    public reserved: number | undefined,
    readonly meanDurationMs: number,
    readonly coldStartMs: number,
    readonly durationSpread: number,
    readonly baseErrorRate: number,
    readonly lastModified: string,
    scalingBurst: number,
    idleMs: number,
  ) {
    this.scalingTokens = scalingBurst;
    this.warm = new WarmPool(idleMs);
    this.dimensions = { FunctionName: name };
  }

  get errorRate(): number {
    return this.errorRateOverride ?? this.baseErrorRate;
  }
}

/** One tick of a function's invocations: the outcome the traffic model sees (service-module.ts), defined there once. */
export type RunResult = InvocationOutcome;

export const ZERO: RunResult = { succeeded: 0, errors: 0, throttled: 0, averageDurationMs: 0 };

/** `my-function`, `arn:aws:lambda:us-east-1:123456789012:function:my-function` or the same with `:alias`. */
export function functionNameOf(ref: string): string {
  if (!ref.startsWith('arn:')) return ref;
  const parts = ref.split(':');
  return parts[2] === 'lambda' && parts[5] === 'function' && parts[6] ? parts[6] : ref;
}
