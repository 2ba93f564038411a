/**
 * AWS Lambda as the simulator's FunctionTier: a fluid concurrency model per tick and per function.
 *
 * - LAM-1 Concurrency: the account's regional quota (1,000 by default) is shared by every function without
 *   reserved concurrency; a function's reserved concurrency is both its ceiling and its guarantee, because
 *   it is subtracted from the shared (unreserved) pool, and AWS always keeps at least 100 unreserved
 *   (docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). Reserved 0 throttles every call.
 * - LAM-2 Scaling rate: "1,000 execution environment instances every 10 seconds" per function, refilled
 *   "continuously" with unused allowance not accumulating beyond 1,000
 *   (docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html): a token bucket of 1,000 environments
 *   refilled at 100 per second, full at the start.
 * - LAM-3 Synchronous calls beyond the available concurrency fail with 429 TooManyRequestsException
 *   (`throttled`); asynchronous events are queued and retried (async-queue.ts).
 * - LAM-4 A new execution environment runs Init before its first invocation (warm-pool.ts): the cold start
 *   adds its init time to the caller's latency, and is billed (pricing.ts).
 * - LAM-5 Metrics in AWS/Lambda by FunctionName (docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html):
 *   Invocations (successes and function errors, never throttles), Errors, Throttles, Duration (ms),
 *   ConcurrentExecutions (per tick: Maximum over a period is what AWS reports); the asynchronous
 *   AsyncEventsReceived, AsyncEventAge and AsyncEventsDropped; account-wide ConcurrentExecutions and
 *   UnreservedConcurrentExecutions without dimensions. Cold starts, which AWS reports only in logs
 *   (REPORT … Init Duration), go to Flightdeck/Lambda ColdStarts and InitDuration.
 * - LAM-6 Cost per function over a trailing window (pricing.ts).
 *
 * Concurrency follows Little's law: invocations per second × mean duration. Within one tick, callers are
 * served in the order they invoke (first come, first served) from the capacity left; Init time is not
 * counted as concurrency (it is short next to a tick).
 */
import type { Inventory, LambdaAccount, LambdaCostEstimate, LambdaFunction, LambdaTrigger } from '../../../contract/model';
import type { Random } from '../kernel/random';
import type { LoadedResource } from '../scenario/load-scenario';
import type { FaultParameters } from '../scenario/timed-entries';
import type { FaultEffect, FunctionTier, InvocationOutcome } from '../service-module';
import type { SimContext } from '../sim-context';
import { ERROR_RETRY_WAITS_MS, throttleBackoffMs } from './async-queue';
import { defaultDurationMs, durationOutcome } from './duration-model';
import { gbSeconds, lambdaCostUsd } from './pricing';
import { functionArn, LAMBDA_LIMITS, LambdaSimulationMetadata } from './resource-types';
import { WholeCounts } from '../cloudwatch/whole-counts';
import { count, endFunctionTick, NAMESPACE } from './function-tick';
import { functionTriggers } from './triggers';
import { functionNameOf, LAMBDA_DEFAULTS, SimFunction, ZERO, type Architecture, type RunResult } from './sim-function';
import { parametersRefused, simRefusal } from '../sim-refusals';

export { LAMBDA_DEFAULTS } from './sim-function';

/** What the Lambda module uses of the engine's SimContext. */
export type LambdaContext = Pick<SimContext, 'now' | 'settings' | 'random' | 'metrics' | 'recordTimeline' | 'inventoryChanged'>;

export interface LambdaServiceOptions {
  /** The account's regional concurrency quota (GetAccountSettings ConcurrentExecutions). AWS default: 1,000. */
  concurrentExecutionsLimit?: number;
  /** New execution environments per function per 10 s (LAM-2). AWS: 1,000. */
  scalingRatePer10Seconds?: number;
  /** How long an idle environment stays warm. AWS documents none; our choice: 600 s. */
  environmentIdleSeconds?: number;
  /** Relative tick-to-tick variation of a function's mean duration (σ of a log-normal factor). Default 0.05. */
  durationNoise?: number;
  /**
   * Simulation knobs per function name, as `Metadata: { Simulation: … }` gives them in a scenario; these win
   * over the resource's Metadata.
   */
  functionKnobs?: Record<string, LambdaSimulationMetadata>;
}


const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

export class LambdaService implements FunctionTier {
  readonly id = 'lambda';
  private readonly whole = new WholeCounts();
  private readonly functions = new Map<string, SimFunction>();
  private readonly concurrencyLimit: number;
  private readonly minimumUnreserved: number;
  private readonly scalingBurst: number;
  private readonly scalingPerMs: number;
  private readonly durationNoise: number;
  private readonly random: Random;
  // The unreserved pool this tick.
  private accountTickMs = -1;
  private unreservedUsed = 0;
  private readonly unknownReported = new Set<string>();
  private reservedSum: number | undefined;
  /** Function name → what invokes it (triggers.ts). */
  private readonly triggers: Map<string, LambdaTrigger[]>;

  constructor(
    private readonly ctx: LambdaContext,
    resources: LoadedResource[],
    options: LambdaServiceOptions = {},
  ) {
    this.concurrencyLimit = options.concurrentExecutionsLimit ?? LAMBDA_DEFAULTS.concurrentExecutionsLimit;
    this.minimumUnreserved = Math.min(LAMBDA_DEFAULTS.minimumUnreserved, this.concurrencyLimit);
    this.scalingBurst = options.scalingRatePer10Seconds ?? LAMBDA_DEFAULTS.scalingRatePer10Seconds;
    this.scalingPerMs = this.scalingBurst / 10_000;
    this.durationNoise = options.durationNoise ?? LAMBDA_DEFAULTS.durationNoise;
    this.random = ctx.random('lambda');
    const idleMs = (options.environmentIdleSeconds ?? LAMBDA_DEFAULTS.environmentIdleSeconds) * 1000;
    const lastModified = new Date(ctx.now).toISOString();

    for (const resource of resources) {
      if (resource.type !== 'AWS::Lambda::Function') continue;
      const p = resource.properties as {
        Runtime?: string;
        Handler?: string;
        MemorySize?: number;
        Timeout?: number;
        ReservedConcurrentExecutions?: number;
        Architectures?: Architecture[];
      };
      const name = resource.identity.name;
      const knobs = { ...metadataKnobs(resource), ...options.functionKnobs?.[name] };
      const memoryMb = p.MemorySize ?? LAMBDA_LIMITS.memoryDefaultMb;
      const fn = new SimFunction(
        name,
        functionArn(resource.identity),
        p.Runtime,
        p.Handler,
        memoryMb,
        p.Timeout ?? LAMBDA_LIMITS.timeoutDefaultSeconds,
        p.Architectures?.[0] ?? 'x86_64',
        p.ReservedConcurrentExecutions,
        knobs.DurationMs ?? defaultDurationMs(memoryMb),
        knobs.ColdStartMs ?? LAMBDA_DEFAULTS.coldStartMs,
        knobs.DurationSpread ?? LAMBDA_DEFAULTS.durationSpread,
        knobs.ErrorRate ?? LAMBDA_DEFAULTS.errorRate,
        lastModified,
        this.scalingBurst,
        idleMs,
      );
      if (fn.reserved !== undefined && fn.reserved > this.concurrencyLimit - this.minimumUnreserved - this.reservedTotal()) {
        throw new Error(this.reservationRefused(name));
      }
      this.functions.set(name, fn);
      this.reservedSum = undefined;
    }
    this.triggers = functionTriggers(resources);
    for (const resource of resources) {
      if (resource.type !== 'AWS::Lambda::EventInvokeConfig') continue;
      const p = resource.properties as { FunctionName: string; MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
      const fn = this.resolve(p.FunctionName);
      if (!fn) throw new Error(`${resource.logicalId}: ResourceNotFoundException: Function not found: ${p.FunctionName}`);
      if (p.MaximumEventAgeInSeconds !== undefined) fn.maximumEventAgeSeconds = p.MaximumEventAgeInSeconds;
      if (p.MaximumRetryAttempts !== undefined) fn.maximumRetryAttempts = p.MaximumRetryAttempts;
    }
  }

  // ---- FunctionTier -------------------------------------------------------------------------------------

  invoke(functionRef: string, requests: number, tickSeconds: number, mode: 'sync' | 'async', callerTimeoutMs?: number): InvocationOutcome {
    const fn = this.resolve(functionRef);
    if (!fn) {
      // Invoke answers ResourceNotFoundException (404): the caller sees a failure, the function no invocation.
      this.reportUnknown(functionRef);
      return { succeeded: 0, errors: requests, throttled: 0, averageDurationMs: 0 };
    }
    if (requests <= 0) return { ...ZERO };
    const now = this.ctx.now;
    if (mode === 'sync') return this.run(fn, requests, tickSeconds, now, callerTimeoutMs);

    // Asynchronous: Lambda accepts every event (202) and queues it; the first attempt happens at once,
    // throttled events wait 1 s before their first retry, failed ones one minute.
    fn.totals.asyncReceived += requests;
    const run = this.run(fn, requests, tickSeconds, now);
    this.recordAsyncAge(fn, run.succeeded + run.errors, 0);
    fn.queue.add({ count: run.throttled, enqueuedMs: now, nextAttemptMs: now + throttleBackoffMs(1), throttledAttempts: 1, errorRetries: 0 });
    this.retryOrDrop(fn, run.errors, now, now, 0);
    // The caller got 202 for every event: nothing is "throttled" from its point of view; the rest is queued.
    return { succeeded: run.succeeded, errors: run.errors, throttled: 0, averageDurationMs: run.averageDurationMs };
  }

  /**
   * After the tick's traffic (the engine has moved its clock to the tick's end by now; the tick is
   * identified by its start, as during traffic): retries from the asynchronous queue, then metrics.
   */
  tick(tickStartMs: number = this.ctx.now): void {
    const now = tickStartMs;
    this.beginAccountTick(now);
    for (const fn of this.functions.values()) {
      this.beginTick(fn, now);
      this.processQueue(fn, now);
    }
    let concurrency = 0;
    let active = false;
    for (const fn of this.functions.values()) {
      concurrency += fn.usedConcurrency;
      if (fn.totals.invocations + fn.totals.throttles > 0) active = true;
      this.flush(fn, now);
    }
    if (active) {
      const at = Math.floor(now / 1000);
      this.ctx.metrics.putFor(this, NAMESPACE, 'ConcurrentExecutions', {}, at, Math.ceil(concurrency - 1e-9));
      this.ctx.metrics.putFor(this, NAMESPACE, 'UnreservedConcurrentExecutions', {}, at, Math.ceil(this.unreservedUsed - 1e-9));
      // LAM-8: ClaimedAccountConcurrency = reserved concurrency set aside plus unreserved concurrency in use
      // (monitoring-concurrency.html#claimed-account-concurrency); no provisioned concurrency here.
      this.ctx.metrics.putFor(this, NAMESPACE, 'ClaimedAccountConcurrency', {}, at, this.reservedTotal() + Math.ceil(this.unreservedUsed - 1e-9));
    }
  }

  /** Once a minute: summarise dropped asynchronous events on the timeline (per tick would be noise). */
  minute(): void {
    for (const fn of this.functions.values()) {
      const { expired, retriesExhausted } = fn.drops;
      if (expired > 0) {
        this.ctx.recordTimeline({
          service: 'lambda',
          kind: 'AsyncEventsDropped',
          resource: fn.name,
          message: `${count(expired)} asynchronous events to ${fn.name} were dropped after waiting ${fn.maximumEventAgeSeconds} s (MaximumEventAgeInSeconds) in the event queue`,
          text: { code: 'lambda.eventsExpired', params: { function: fn.name, count: Math.round(expired), seconds: fn.maximumEventAgeSeconds } },
          severity: 'error',
        });
      }
      if (retriesExhausted > 0) {
        this.ctx.recordTimeline({
          service: 'lambda',
          kind: 'AsyncEventsDropped',
          resource: fn.name,
          message: `${count(retriesExhausted)} asynchronous events to ${fn.name} were dropped after ${fn.maximumRetryAttempts} retries (MaximumRetryAttempts) of function errors`,
          text: { code: 'lambda.eventsRetriesExhausted', params: { function: fn.name, count: Math.round(retriesExhausted), retries: fn.maximumRetryAttempts } },
          severity: 'warning',
        });
      }
      fn.drops = { expired: 0, retriesExhausted: 0 };
    }
  }

  inventory(): Partial<Inventory> {
    const lambdaFunctions: LambdaFunction[] = [...this.functions.values()].map((fn) => ({
      functionName: fn.name,
      functionArn: fn.arn,
      runtime: fn.runtime,
      handler: fn.handler,
      memorySize: fn.memoryMb,
      timeout: fn.timeoutSeconds,
      architectures: [fn.architecture],
      reservedConcurrentExecutions: fn.reserved,
      state: 'Active',
      lastModified: fn.lastModified,
      triggers: this.triggers.get(fn.name) ?? [],
    }));
    return { lambdaFunctions, lambdaAccount: this.account() };
  }

  // ---- Faults --------------------------------------------------------------------------------------------

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type === 'RaiseFunctionErrorRate') {
      const p = parameters as FaultParameters<'RaiseFunctionErrorRate'>;
      const fn = this.requireFunction(p.FunctionName);
      const previous = fn.errorRateOverride;
      fn.errorRateOverride = p.ErrorRate;
      return {
        message: `${fn.name}: ${percent(p.ErrorRate)} of invocations now fail with a function error`,
        revert: () => {
          fn.errorRateOverride = previous;
          return `${fn.name}: error rate back to ${percent(fn.errorRate)}`;
        },
      };
    }
    if (type === 'LimitFunctionConcurrency') {
      const p = parameters as FaultParameters<'LimitFunctionConcurrency'>;
      const fn = this.requireFunction(p.FunctionName);
      const previous = fn.reserved;
      const others = this.reservedTotal() - (previous ?? 0);
      if (p.ReservedConcurrentExecutions > this.concurrencyLimit - this.minimumUnreserved - others) {
        // PutFunctionConcurrency refuses it: nothing changes, so there is no fault to run or stop.
        throw simRefusal('simulatedApi.refused', `LimitFunctionConcurrency refused: ${this.reservationRefused(fn.name)}`, { awsCode: 'InvalidParameterValueException', detail: this.reservationRefusedDetail(fn.name) });
      }
      this.setReserved(fn, p.ReservedConcurrentExecutions);
      return {
        message: `${fn.name}: reserved concurrency set to ${p.ReservedConcurrentExecutions}${p.ReservedConcurrentExecutions === 0 ? ' (every invocation is throttled)' : ''}`,
        revert: () => {
          this.setReserved(fn, previous);
          return previous === undefined ? `${fn.name}: reserved concurrency removed (uses the unreserved pool again)` : `${fn.name}: reserved concurrency back to ${previous}`;
        },
      };
    }
    return undefined;
  }

  // ---- Queries -------------------------------------------------------------------------------------------

  /** LAM-6 What the function cost over the last `windowSeconds` of virtual time (whole minutes). */
  costEstimate(functionRef: string, windowSeconds: number): LambdaCostEstimate {
    const fn = this.resolve(functionRef);
    if (!fn) throw new Error(`ResourceNotFoundException: Function not found: ${functionRef}`);
    const usage = fn.ledger.window(this.ctx.now, windowSeconds);
    return {
      functionName: fn.name,
      windowSeconds,
      requests: usage.requests,
      gbSeconds: usage.gbSeconds,
      usd: lambdaCostUsd(usage.requests, usage.gbSeconds, fn.architecture),
    };
  }

  account(): LambdaAccount {
    return {
      concurrentExecutionsLimit: this.concurrencyLimit,
      unreservedConcurrentExecutions: this.concurrencyLimit - this.reservedTotal(),
    };
  }

  /** Asynchronous events waiting in a function's queue (for views and tests). */
  queuedEvents(functionRef: string): number {
    return this.resolve(functionRef)?.queue.size ?? 0;
  }

  /** Warm execution environments of a function at the current tick. */
  warmEnvironments(functionRef: string): number {
    const fn = this.resolve(functionRef);
    if (!fn) return 0;
    return fn.tickMs === this.ctx.now ? fn.environments : fn.warm.warmAt(this.ctx.now);
  }

  // ---- The model -----------------------------------------------------------------------------------------

  private resolve(ref: string): SimFunction | undefined {
    const fn = this.functions.get(functionNameOf(ref));
    if (!fn) return undefined;
    // An ARN must be this function's, up to an optional version or alias qualifier.
    if (ref.startsWith('arn:') && ref !== fn.arn && !ref.startsWith(`${fn.arn}:`)) return undefined;
    return fn;
  }

  private reportUnknown(ref: string): void {
    if (this.unknownReported.has(ref)) return;
    this.unknownReported.add(ref);
    this.ctx.recordTimeline({ service: 'lambda', kind: 'FunctionNotFound', resource: ref, message: `Invoke: ResourceNotFoundException: Function not found: ${ref}`, text: { code: 'lambda.invokeFunctionNotFound', params: { function: ref } }, severity: 'error' });
  }

  /** The sum of every function's reserved concurrency (recomputed only when a reservation changes). */
  private reservedTotal(): number {
    if (this.reservedSum === undefined) {
      this.reservedSum = 0;
      for (const fn of this.functions.values()) this.reservedSum += fn.reserved ?? 0;
    }
    return this.reservedSum;
  }

  private setReserved(fn: SimFunction, reserved: number | undefined): void {
    fn.reserved = reserved;
    this.reservedSum = undefined;
    this.ctx.inventoryChanged();
  }

  /** A fault's function: Lambda answers a name it does not know with ResourceNotFoundException; the simulator refuses the fault. */
  private requireFunction(name: string): SimFunction {
    const fn = this.resolve(name);
    if (!fn) throw simRefusal('fault.functionNotFound', `ResourceNotFoundException: Function not found: ${name}`, { name });
    return fn;
  }

  private reservationRefused(name: string): string {
    return `InvalidParameterValueException: ${this.reservationRefusedDetail(name)}`;
  }

  /** PutFunctionConcurrency's words for a reservation that leaves too little unreserved. */
  private reservationRefusedDetail(name: string): string {
    return `Specified ReservedConcurrentExecutions for function ${name} decreases account's UnreservedConcurrentExecution below its minimum value of [${this.minimumUnreserved}].`;
  }

  private beginAccountTick(now: number): void {
    if (this.accountTickMs === now) return;
    this.accountTickMs = now;
    this.unreservedUsed = 0;
  }

  /** First touch of a function in a tick: refill the scaling allowance, let idle environments go. */
  private beginTick(fn: SimFunction, now: number): void {
    if (fn.tickMs === now) return;
    if (fn.tickMs >= 0) fn.scalingTokens = Math.min(this.scalingBurst, fn.scalingTokens + (now - fn.tickMs) * this.scalingPerMs);
    fn.tickMs = now;
    fn.environments = fn.warm.warmAt(now);
    fn.usedConcurrency = 0;
    fn.noiseFactor = this.durationNoise > 0 ? Math.exp(this.durationNoise * this.random.normal()) : 1;
  }

  /** Runs `requests` invocations of `fn` this tick with the capacity left; the rest is throttled. */
  private run(fn: SimFunction, requests: number, tickSeconds: number, now: number, callerTimeoutMs?: number): RunResult {
    this.beginTick(fn, now);
    this.beginAccountTick(now);
    const timeoutMs = fn.timeoutSeconds * 1000;
    const duration = durationOutcome(fn.meanDurationMs * fn.noiseFactor, fn.durationSpread, timeoutMs);
    const demand = (requests * duration.meanAllMs) / 1000 / tickSeconds;

    const byQuota = fn.reserved !== undefined ? fn.reserved - fn.usedConcurrency : this.concurrencyLimit - this.reservedTotal() - this.unreservedUsed;
    const byScaling = fn.environments + fn.scalingTokens - fn.usedConcurrency;
    const available = Math.max(0, Math.min(byQuota, byScaling));
    const concurrency = Math.min(demand, available);
    const served = demand > 0 ? (requests * concurrency) / demand : requests;
    const throttled = Math.max(0, requests - served);
    if (throttled > 1e-9) fn.totals.limitReason = byScaling < byQuota ? 'scaling' : fn.reserved !== undefined ? 'reserved' : 'account';

    fn.usedConcurrency += concurrency;
    if (fn.reserved === undefined) this.unreservedUsed += concurrency;

    // New environments for the concurrency the warm ones cannot carry; each one's first invocation is cold.
    let coldStarts = 0;
    const needed = Math.ceil(fn.usedConcurrency - 1e-9);
    if (needed > fn.environments) {
      const added = Math.min(needed - fn.environments, Math.max(0, Math.floor(fn.scalingTokens + 1e-9)));
      fn.environments += added;
      fn.scalingTokens -= added;
      coldStarts = Math.min(added, served);
    }

    const timedOut = served * duration.timeoutShare;
    const finished = served - timedOut;
    const errors = timedOut + finished * fn.errorRate;
    const billedMs = finished * duration.billedFinishedMs + timedOut * timeoutMs + coldStarts * Math.ceil(fn.coldStartMs);
    fn.ledger.add(now, served, gbSeconds(billedMs, fn.memoryMb));

    const t = fn.totals;
    t.invocations += served;
    t.errors += errors;
    t.throttles += throttled;
    t.coldStarts += coldStarts;
    if (served > 0) {
      t.durationSumMs += served * duration.meanAllMs;
      t.durationMinMs = Math.min(t.durationMinMs, duration.p001Ms);
      t.durationMaxMs = Math.max(t.durationMaxMs, duration.p999Ms);
    }
    const result: RunResult = {
      succeeded: served - errors,
      errors,
      throttled,
      averageDurationMs: served > 0 ? duration.meanAllMs + (coldStarts * fn.coldStartMs) / served : 0,
    };
    if (callerTimeoutMs !== undefined) {
      // The caller stops waiting at its own timeout: when that comes before the function's Timeout, the
      // invocations still running then are lost to it (the function's timeouts among them); the others
      // finished in time and failed at the function's error rate.
      if (callerTimeoutMs < timeoutMs) {
        const waited = durationOutcome(fn.meanDurationMs * fn.noiseFactor, fn.durationSpread, callerTimeoutMs);
        result.callerTimedOut = served * waited.timeoutShare;
        result.callerErrors = (served - result.callerTimedOut) * fn.errorRate;
        result.averageDurationMs = Math.min(result.averageDurationMs, waited.meanAllMs + (served > 0 ? (coldStarts * fn.coldStartMs) / served : 0));
      } else {
        result.callerTimedOut = 0;
        result.callerErrors = errors;
      }
    }
    return result;
  }

  private recordAsyncAge(fn: SimFunction, events: number, ageMs: number): void {
    if (events <= 0) return;
    fn.totals.asyncAgeSumMs += events * ageMs;
    fn.totals.asyncAgeCount += events;
    fn.totals.asyncAgeMaxMs = Math.max(fn.totals.asyncAgeMaxMs, ageMs);
  }

  private retryOrDrop(fn: SimFunction, errors: number, now: number, enqueuedMs: number, errorRetries: number): void {
    if (errors <= 0) return;
    if (errorRetries < fn.maximumRetryAttempts) {
      const wait = ERROR_RETRY_WAITS_MS[Math.min(errorRetries, ERROR_RETRY_WAITS_MS.length - 1)]!;
      fn.queue.add({ count: errors, enqueuedMs, nextAttemptMs: now + wait, throttledAttempts: 0, errorRetries: errorRetries + 1 });
    } else {
      fn.totals.asyncDropped += errors;
      fn.drops.retriesExhausted += errors;
    }
  }

  /** LAM-3 Retries of queued events with whatever capacity the tick has left; events past their age are dropped. */
  private processQueue(fn: SimFunction, now: number): void {
    for (const cohort of fn.queue.expire(now, fn.maximumEventAgeSeconds * 1000)) {
      fn.totals.asyncDropped += cohort.count;
      fn.drops.expired += cohort.count;
    }
    const tickSeconds = this.ctx.settings.tickSeconds;
    for (const cohort of fn.queue.takeDue(now)) {
      const run = this.run(fn, cohort.count, tickSeconds, now);
      this.recordAsyncAge(fn, run.succeeded + run.errors, now - cohort.enqueuedMs);
      if (run.throttled > 1e-9) {
        const attempts = cohort.throttledAttempts + 1;
        fn.queue.add({ ...cohort, count: run.throttled, throttledAttempts: attempts, nextAttemptMs: now + throttleBackoffMs(attempts) });
      }
      this.retryOrDrop(fn, run.errors, now, cohort.enqueuedMs, cohort.errorRetries);
    }
  }

  /** End of a tick for one function: metrics, warm environments, throttling transitions. */
  private flush(fn: SimFunction, now: number): void {
    endFunctionTick(this.ctx, fn, now, this.whole, (reason) =>
      reason === 'reserved' && fn.reserved !== undefined
        ? { reason, value: fn.reserved }
        : reason === 'scaling'
          ? { reason, value: this.scalingBurst }
          : { reason: 'account', value: this.concurrencyLimit - this.reservedTotal() },
    );
  }
}

/**
 * `Metadata: { Simulation: {…} }` of a function resource. The loader evaluates Metadata but does not
 * validate it against the type, so a mistake is reported here, when the engine is built.
 */
function metadataKnobs(resource: LoadedResource): LambdaSimulationMetadata {
  const simulation = resource.metadata?.Simulation;
  if (simulation === undefined) return {};
  const parsed = LambdaSimulationMetadata.safeParse(simulation);
  // The loader checks the same schema (resource-types.ts); this guards a model built some other way.
  if (!parsed.success) throw parametersRefused('lambda.metadataInvalid', resource.logicalId, LambdaSimulationMetadata, simulation, `${resource.logicalId}: Metadata.Simulation: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}
