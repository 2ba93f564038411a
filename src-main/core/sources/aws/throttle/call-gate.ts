/**
 * The one path every SDK call takes: wait for a token from the service's bucket, send, and on
 * throttling or a transient failure wait with jittered backoff and try again — a write that is not
 * safe to repeat only when the error proves it was not carried out (retry-safety.ts); when its
 * outcome is unknown the error says so (`params.outcome: 'unknown'`). Installed as SDK
 * middleware (so paginators, waiters and single calls all go through it), with the SDK's own
 * retries turned off (maxAttempts 1) so that waits use the injected clock and tests run instantly.
 * docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/middleware-stack.html
 */
import type { Clock } from './time';
import { TokenBucket } from './token-bucket';
import { API_RATES, type AwsServiceName } from './api-rates';
import { backoffDelay, THROTTLE_BACKOFF, TRANSIENT_BACKOFF } from './backoff';
import { classifyAwsError, toAwsCallError, type AwsCallError } from '../aws-errors';
import { isRead, isSafeToRepeat, outcomeUnknownAfter, provesNotProcessed } from './retry-safety';

export interface CallRecord {
  service: AwsServiceName;
  operation: string;
  attempt: number;
  outcome: 'ok' | 'retry' | 'error';
  errorCode?: string;
  waitedMs: number;
}

export interface CallGateOptions {
  clock: Clock;
  random?: () => number;
  /** Sees every attempt: tests and the bench count calls with it. */
  observe?: (record: CallRecord) => void;
}

export class CallGate {
  private readonly buckets = new Map<AwsServiceName, TokenBucket>();
  private readonly random: () => number;

  constructor(private readonly options: CallGateOptions) {
    this.random = options.random ?? Math.random;
  }

  bucket(service: AwsServiceName): TokenBucket {
    let bucket = this.buckets.get(service);
    if (!bucket) {
      const rate = API_RATES[service];
      bucket = new TokenBucket(rate.capacity, rate.refillPerSecond, this.options.clock);
      this.buckets.set(service, bucket);
    }
    return bucket;
  }

  /** Runs `send` under the service's rate budget with retries; failures come out as AwsCallError. */
  async run<T>(service: AwsServiceName, operation: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.bucket(service).reserve();
      if (wait > 0) await this.options.clock.sleep(wait);
      try {
        const result = await send();
        this.options.observe?.({ service, operation, attempt, outcome: 'ok', waitedMs: wait });
        return result;
      } catch (error) {
        const kind = classifyAwsError(error);
        // A write that may have been carried out is not sent again (a second reboot, a second step).
        const repeatable = isSafeToRepeat(operation) || provesNotProcessed(error);
        const policy = kind === 'throttled' ? THROTTLE_BACKOFF : kind === 'transient' && repeatable ? TRANSIENT_BACKOFF : undefined;
        const code = toAwsCallError(error, service, operation).params.awsCode;
        if (!policy || attempt >= policy.maxAttempts) {
          this.options.observe?.({ service, operation, attempt, outcome: 'error', errorCode: code, waitedMs: wait });
          // Any write, repeatable or not, may have been carried out by an attempt that failed this way.
          throw withOutcome(toAwsCallError(error, service, operation), !isRead(operation) && outcomeUnknownAfter(error));
        }
        this.options.observe?.({ service, operation, attempt, outcome: 'retry', errorCode: code, waitedMs: wait });
        await this.options.clock.sleep(backoffDelay(policy, attempt, this.random));
      }
    }
  }
}

/** Marks a failed write that AWS may nevertheless have carried out (actions/action-executor.ts isOutcomeUnknown). */
function withOutcome(error: AwsCallError, unknown: boolean): AwsCallError {
  if (unknown) error.params.outcome = 'unknown';
  return error;
}
