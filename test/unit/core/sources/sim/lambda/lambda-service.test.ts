import { describe, expect, it } from 'vitest';
import type { LambdaServiceOptions } from '@main/core/sources/sim/lambda/lambda-service';
import { throttleBackoffMs } from '@main/core/sources/sim/lambda/async-queue';
import type { LambdaSimulationMetadata } from '@main/core/sources/sim/lambda/resource-types';
import { LambdaInEngine, START } from './engine-harness';
import { functionResources, lambdaScenario, type FunctionSpec } from './lambda-scenario';

/** A function that always runs exactly `ms` with no cold-start cost: numbers come out exact. */
const exact = (ms = 100, extra: LambdaSimulationMetadata = {}): LambdaSimulationMetadata => ({ DurationMs: ms, DurationSpread: 0, ColdStartMs: 0, ...extra });

function setup(specs: FunctionSpec[], knobs: Record<string, LambdaSimulationMetadata> = {}, options: LambdaServiceOptions = {}, tickSeconds = 5) {
  const sim = new LambdaInEngine(functionResources(specs), { durationNoise: 0, functionKnobs: knobs, ...options }, { tickSeconds });
  return { sim, service: sim.service };
}

/** Requests per tick that keep `concurrency` executions busy for `ms` each (Little's law). */
const requestsFor = (concurrency: number, ms: number, tickSeconds = 5) => (concurrency * tickSeconds * 1000) / ms;

const fnDims = (name: string) => ({ FunctionName: name });

describe('Lambda concurrency (LAM-1)', () => {
  it('LAM-1: the regional quota of 1,000 is shared by unreserved functions, first come first served within a tick', () => {
    const { sim, service } = setup([{ name: 'a' }, { name: 'b' }], { a: exact(), b: exact() });
    const a = service.invoke('a', requestsFor(800, 100), 5, 'sync');
    const b = service.invoke('b', requestsFor(800, 100), 5, 'sync');
    expect(a).toEqual({ succeeded: 40_000, errors: 0, throttled: 0, averageDurationMs: 100 });
    expect(b.succeeded).toBeCloseTo(10_000, 6);
    expect(b.throttled).toBeCloseTo(30_000, 6);
    sim.run(12);
    expect(sim.total('AWS/Lambda', 'ConcurrentExecutions', {}, 'Maximum')).toBe(1_000);
    expect(service.inventory().lambdaAccount).toEqual({ concurrentExecutionsLimit: 1_000, unreservedConcurrentExecutions: 1_000 });
  });

  it('LAM-1: reserved concurrency caps the function and is guaranteed to it, whatever the others do', () => {
    const { service } = setup([{ name: 'reserved', reserved: 50 }, { name: 'greedy' }], { reserved: exact(), greedy: exact() });
    expect(service.inventory().lambdaAccount).toEqual({ concurrentExecutionsLimit: 1_000, unreservedConcurrentExecutions: 950 });
    // The unreserved function asks for 2,000 first: it gets the unreserved 950, never the reserved 50.
    const greedy = service.invoke('greedy', requestsFor(2_000, 100), 5, 'sync');
    expect(greedy.succeeded).toBeCloseTo(requestsFor(950, 100), 6);
    expect(greedy.throttled).toBeCloseTo(requestsFor(1_050, 100), 6);
    // The reserved function still gets its 50 — and no more.
    const reserved = service.invoke('reserved', requestsFor(80, 100), 5, 'sync');
    expect(reserved.succeeded).toBeCloseTo(requestsFor(50, 100), 6);
    expect(reserved.throttled).toBeCloseTo(requestsFor(30, 100), 6);
  });

  it('LAM-1: reserved concurrency 0 throttles every call; throttles never count as Invocations', () => {
    const { sim, service } = setup([{ name: 'off', reserved: 0 }], { off: exact() });
    let outcome = service.invoke('off', 1_000, 5, 'sync');
    sim.run(12, () => (outcome = service.invoke('off', 1_000, 5, 'sync')));
    expect(outcome).toEqual({ succeeded: 0, errors: 0, throttled: 1_000, averageDurationMs: 0 });
    expect(sim.total('AWS/Lambda', 'Throttles', fnDims('off'))).toBe(13_000);
    expect(sim.total('AWS/Lambda', 'Invocations', fnDims('off'))).toBe(0);
  });

  it('LAM-1: a reservation that leaves fewer than 100 unreserved is refused, as PutFunctionConcurrency does', () => {
    expect(() => setup([{ name: 'x', reserved: 500 }, { name: 'y', reserved: 401 }])).toThrow(
      "InvalidParameterValueException: Specified ReservedConcurrentExecutions for function y decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
    const { service } = setup([{ name: 'x', reserved: 500 }, { name: 'y', reserved: 400 }]);
    expect(service.account()).toEqual({ concurrentExecutionsLimit: 1_000, unreservedConcurrentExecutions: 100 });
    // Injected as a fault, the same reservation is refused as the API refuses it: nothing runs, nothing to stop.
    expect(() => service.applyFault('LimitFunctionConcurrency', { FunctionName: 'x', ReservedConcurrentExecutions: 501 })).toThrow(
      expect.objectContaining({ problem: 'simulatedApi.refused', params: { awsCode: 'InvalidParameterValueException', detail: expect.stringMatching(/^Specified ReservedConcurrentExecutions for function x decreases/) } }),
    );
    expect(service.account().unreservedConcurrentExecutions).toBe(100);
    expect(service.inventory().lambdaFunctions!.find((fn) => fn.functionName === 'x')!.reservedConcurrentExecutions).toBe(500);
  });

  it('LAM-1: the account quota is configurable', () => {
    const { service } = setup([{ name: 'a' }], { a: exact() }, { concurrentExecutionsLimit: 3_000 });
    expect(service.account().concurrentExecutionsLimit).toBe(3_000);
    const outcome = service.invoke('a', requestsFor(1_000, 100), 5, 'sync');
    expect(outcome.throttled).toBe(0);
  });
});

describe('Lambda scaling rate (LAM-2)', () => {
  /** Served concurrency per tick for a sustained demand of `concurrency`. */
  function burst(concurrency: number, tickSeconds: number, ticks: number, functions = ['f']) {
    const { sim, service } = setup(
      functions.map((name) => ({ name })),
      Object.fromEntries(functions.map((name) => [name, exact()])),
      { concurrentExecutionsLimit: 20_000 },
      tickSeconds,
    );
    const served: Record<string, number[]> = Object.fromEntries(functions.map((name) => [name, []]));
    sim.run(ticks, () => {
      for (const name of functions) {
        const outcome = service.invoke(name, requestsFor(concurrency, 100, tickSeconds), tickSeconds, 'sync');
        served[name]!.push(Math.round((outcome.succeeded * 0.1) / tickSeconds));
      }
    });
    return served;
  }

  it('LAM-2: 1,000 execution environments per 10 s: a burst of 5,000 concurrent is fully served from t = 40 s, within the fifth 10 s window', () => {
    // AWS: at most 1,000 environments at any moment of scaling, refilled continuously (100 per second).
    const served = burst(5_000, 5, 12).f!;
    expect(served).toEqual([1_000, 1_500, 2_000, 2_500, 3_000, 3_500, 4_000, 4_500, 5_000, 5_000, 5_000, 5_000]);
    // The same with 1 s ticks: 100 more environments every second.
    const fine = burst(5_000, 1, 51).f!;
    expect(fine.slice(0, 3)).toEqual([1_000, 1_100, 1_200]);
    expect(fine[39]).toBe(4_900);
    expect(fine[40]).toBe(5_000);
    expect(fine.slice(40).every((c) => c === 5_000)).toBe(true);
  });

  it('LAM-2: the scaling rate is per function: two functions scale side by side', () => {
    const served = burst(3_000, 5, 6, ['f', 'g']);
    expect(served.f).toEqual([1_000, 1_500, 2_000, 2_500, 3_000, 3_000]);
    expect(served.g).toEqual(served.f);
  });

  it('LAM-2: requests beyond the scaling rate are throttled and a throttling event names the cause', () => {
    const { sim, service } = setup([{ name: 'f' }], { f: exact() }, { concurrentExecutionsLimit: 10_000 });
    const outcome = service.invoke('f', requestsFor(2_000, 100), 5, 'sync');
    expect(outcome.throttled).toBeCloseTo(requestsFor(1_000, 100), 6);
    sim.step();
    expect(sim.timeline).toHaveLength(1);
    expect(sim.timeline[0]).toMatchObject({ service: 'lambda', kind: 'ThrottlingStarted', resource: 'f', severity: 'warning' });
    expect(sim.timeline[0]!.message).toContain('limited by the scaling rate of 1,000 new execution environments per 10 s');
    expect(sim.timeline[0]!.text?.params).toMatchObject({ limit: 'scaling', value: 1_000 });
  });
});

describe('Lambda throttling and the asynchronous queue (LAM-3)', () => {
  it('LAM-3: synchronous calls over the limit fail with 429 (throttled); throttling start and stop are on the timeline', () => {
    const { sim, service } = setup([{ name: 'api', reserved: 20 }], { api: exact() });
    const offered = requestsFor(50, 100);
    let outcome = service.invoke('api', offered, 5, 'sync');
    expect(outcome.succeeded + outcome.errors + outcome.throttled).toBeCloseTo(offered, 6);
    expect(outcome.throttled).toBeCloseTo(requestsFor(30, 100), 6);
    sim.step();
    // Traffic falls below the limit: a minute later throttling is reported as stopped.
    sim.run(14, () => (outcome = service.invoke('api', requestsFor(10, 100), 5, 'sync')));
    expect(outcome.throttled).toBe(0);
    expect(sim.timeline.map((e) => e.kind)).toEqual(['ThrottlingStarted', 'ThrottlingStopped']);
    expect(sim.timeline[0]!.message).toBe('api is throttling: 1,500 of 2,500 invocations refused (429 TooManyRequestsException) at 20 concurrent executions, limited by its reserved concurrency of 20');
    // Issue 9: the window words the entry from its code; the English above is the CLI's.
    expect(sim.timeline[0]!.text).toEqual({ code: 'lambda.throttlingStarted', params: { function: 'api', throttled: 1500, offered: 2500, concurrency: 20, limit: 'reserved', value: 20 } });
    expect(sim.timeline[1]!.text).toEqual({ code: 'lambda.throttlingStopped', params: { function: 'api', seconds: 60 } });
    // The last throttle was in the tick starting at t = 0; the tick starting sixty quiet seconds later
    // ends it, and the engine stamps what a tick decides with the tick's end.
    expect(sim.timeline[1]!.time).toBe(new Date(START + 65_000).toISOString());
  });

  it('LAM-3: the retry interval of throttled events doubles from 1 s to at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map(throttleBackoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('LAM-3: asynchronous events beyond the concurrency are queued and retried as capacity allows', () => {
    const { sim, service } = setup([{ name: 'worker', reserved: 10 }], { worker: exact() });
    // 10 concurrent × 5 s / 100 ms = 500 invocations per tick.
    const first = service.invoke('worker', 2_000, 5, 'async');
    expect(first).toEqual({ succeeded: 500, errors: 0, throttled: 0, averageDurationMs: 100 });
    expect(service.queuedEvents('worker')).toBe(1_500);
    const queued: number[] = [];
    sim.run(12, () => queued.push(service.queuedEvents('worker')));
    // Retries at +1 s (tick 5 s), +2 s (tick 10 s), +4 s (tick 15 s): 500 each.
    expect(queued.slice(0, 5)).toEqual([1_500, 1_500, 1_000, 500, 0]);
    const dims = fnDims('worker');
    expect(sim.total('AWS/Lambda', 'AsyncEventsReceived', dims)).toBe(2_000);
    expect(sim.total('AWS/Lambda', 'Invocations', dims)).toBe(2_000);
    expect(sim.total('AWS/Lambda', 'Throttles', dims)).toBe(1_500 + 1_000 + 500);
    // Served at ages 0, 5, 10 and 15 s: 7.5 s on average.
    expect(sim.total('AWS/Lambda', 'AsyncEventAge', dims, 'Average')).toBe(7_500);
    expect(sim.total('AWS/Lambda', 'AsyncEventsDropped', dims)).toBe(0);
  });

  it('LAM-3: events still throttled after 6 hours are dropped, with a timeline event', () => {
    const { sim, service } = setup([{ name: 'worker', reserved: 0 }], { worker: exact() }, {}, 60);
    service.invoke('worker', 100, 60, 'async');
    sim.run(359);
    expect(service.queuedEvents('worker')).toBe(100);
    expect(sim.timeline.filter((e) => e.kind === 'AsyncEventsDropped')).toEqual([]);
    sim.run(2);
    expect(service.queuedEvents('worker')).toBe(0);
    const dropped = sim.timeline.filter((e) => e.kind === 'AsyncEventsDropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({
      resource: 'worker',
      severity: 'error',
      message: '100 asynchronous events to worker were dropped after waiting 21600 s (MaximumEventAgeInSeconds) in the event queue',
      text: { code: 'lambda.eventsExpired', params: { function: 'worker', count: 100, seconds: 21600 } },
      // Dropped in the tick starting at 6 h; summarised at the next minute boundary.
      time: new Date(START + 6 * 3_600_000 + 60_000).toISOString(),
    });
    expect(sim.total('AWS/Lambda', 'AsyncEventsDropped', fnDims('worker'))).toBe(100);
    expect(sim.total('AWS/Lambda', 'Invocations', fnDims('worker'))).toBe(0);
  });

  it('LAM-3: AWS::Lambda::EventInvokeConfig shortens the maximum event age', () => {
    const scenario = lambdaScenario(`
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: worker, ReservedConcurrentExecutions: 0, Role: r, Code: { ZipFile: x } }
  WorkerAsync:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Worker, Qualifier: $LATEST, MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 }
`);
    expect(scenario.warnings).toEqual([]);
    const sim = new LambdaInEngine(scenario.resources, { durationNoise: 0 }, { tickSeconds: 60 });
    const service = sim.service;
    service.invoke('worker', 10, 60, 'async');
    sim.run(60);
    expect(service.queuedEvents('worker')).toBe(10);
    sim.run(1);
    expect(service.queuedEvents('worker')).toBe(0);
    expect(sim.total('AWS/Lambda', 'AsyncEventsDropped', fnDims('worker'))).toBe(10);
  });

  it('LAM-3: asynchronous events that fail are retried twice, one and then two minutes later, then dropped', () => {
    const { sim, service } = setup([{ name: 'flaky' }], { flaky: exact(100, { ErrorRate: 1 }) });
    const first = service.invoke('flaky', 100, 5, 'async');
    expect(first.errors).toBe(100);
    sim.run(48);
    const invocations = sim.metrics.get('AWS/Lambda', 'Invocations', fnDims('flaky'))!.points('Sum');
    const t0 = START / 1000;
    expect(invocations).toEqual([
      [t0, 100],
      [t0 + 60, 100],
      [t0 + 180, 100],
    ]);
    expect(sim.total('AWS/Lambda', 'AsyncEventsDropped', fnDims('flaky'))).toBe(100);
    expect(sim.timeline.filter((e) => e.kind === 'AsyncEventsDropped').map((e) => e.message)).toEqual([
      '100 asynchronous events to flaky were dropped after 2 retries (MaximumRetryAttempts) of function errors',
    ]);
    expect(sim.timeline.filter((e) => e.kind === 'AsyncEventsDropped').map((e) => e.text)).toEqual([{ code: 'lambda.eventsRetriesExhausted', params: { function: 'flaky', count: 100, retries: 2 } }]);
  });
});

describe('Lambda cold starts (LAM-4)', () => {
  it('LAM-4: only new execution environments pay the init; warm ones are reused', () => {
    const { sim, service } = setup([{ name: 'api' }], { api: exact(100, { ColdStartMs: 250 }) });
    const latencies: number[] = [];
    const traffic = (concurrency: number) => () => latencies.push(service.invoke('api', requestsFor(concurrency, 100), 5, 'sync').averageDurationMs);
    sim.step(traffic(10));
    // 10 new environments, each one's first of 500 invocations waits 250 ms more: 100 + 10 × 250 / 500.
    expect(latencies[0]).toBe(105);
    sim.run(11, traffic(10));
    expect(latencies.slice(1).every((ms) => ms === 100)).toBe(true);
    expect(service.warmEnvironments('api')).toBe(10);
    // Growing to 20 concurrent creates exactly 10 more.
    sim.run(12, traffic(20));
    expect(sim.total('Flightdeck/Lambda', 'ColdStarts', fnDims('api'))).toBe(20);
    expect(sim.metrics.get('Flightdeck/Lambda', 'InitDuration', fnDims('api'))!.points('Average').map(([, ms]) => ms)).toEqual([250, 250]);
  });

  it('LAM-4: environments idle for more than 10 minutes are gone; after 9 minutes they are still warm', () => {
    const { sim, service } = setup([{ name: 'api' }], { api: exact(100, { ColdStartMs: 250 }) });
    const traffic = () => service.invoke('api', requestsFor(10, 100), 5, 'sync');
    const coldStarts = () => sim.total('Flightdeck/Lambda', 'ColdStarts', fnDims('api'));
    sim.run(12, traffic);
    sim.run(9 * 12); // 9 idle minutes
    sim.run(12, traffic);
    expect(coldStarts()).toBe(10);
    sim.run(11 * 12); // 11 idle minutes
    expect(service.warmEnvironments('api')).toBe(0);
    sim.run(12, traffic);
    expect(coldStarts()).toBe(20);
  });
});

describe('Lambda metrics (LAM-5)', () => {
  it('LAM-5: Invocations include errors and exclude throttles; ConcurrentExecutions follows Little\'s law', () => {
    const { sim, service } = setup([{ name: 'api' }, { name: 'capped', reserved: 30 }], { api: exact(250, { ErrorRate: 0.1 }), capped: exact(250, { ErrorRate: 0.1 }) });
    // 200 requests/s × 250 ms = 50 concurrent executions.
    sim.run(12, () => {
      service.invoke('api', 1_000, 5, 'sync');
      service.invoke('capped', 1_000, 5, 'sync');
    });
    const api = fnDims('api');
    expect(sim.total('AWS/Lambda', 'Invocations', api)).toBe(12_000);
    expect(sim.total('AWS/Lambda', 'Errors', api)).toBe(1_200);
    expect(sim.total('AWS/Lambda', 'Throttles', api)).toBe(0);
    expect(sim.total('AWS/Lambda', 'ConcurrentExecutions', api, 'Maximum')).toBe(50);
    expect(sim.total('AWS/Lambda', 'Duration', api, 'Average')).toBe(250);
    const capped = fnDims('capped');
    expect(sim.total('AWS/Lambda', 'Invocations', capped)).toBe(7_200);
    expect(sim.total('AWS/Lambda', 'Errors', capped)).toBe(720);
    expect(sim.total('AWS/Lambda', 'Throttles', capped)).toBe(4_800);
    expect(sim.total('AWS/Lambda', 'ConcurrentExecutions', capped, 'Maximum')).toBe(30);
    expect(sim.total('AWS/Lambda', 'ConcurrentExecutions', {}, 'Maximum')).toBe(80);
    expect(sim.total('AWS/Lambda', 'UnreservedConcurrentExecutions', {}, 'Maximum')).toBe(50);
  });

  it('LAM-5: invocations that reach the Timeout are errors with Duration = Timeout', () => {
    const { sim, service } = setup([{ name: 'slow', timeout: 3 }], { slow: exact(5_000) });
    const outcome = service.invoke('slow', 100, 5, 'sync');
    expect(outcome).toEqual({ succeeded: 0, errors: 100, throttled: 0, averageDurationMs: 3_000 });
    sim.step();
    sim.run(11);
    expect(sim.total('AWS/Lambda', 'Duration', fnDims('slow'), 'Maximum')).toBe(3_000);
    expect(sim.total('AWS/Lambda', 'Errors', fnDims('slow'))).toBe(100);
  });

  it('LAM-5: with spread durations, the log-normal tail past the Timeout fails', () => {
    // Mean 2 s, σ 0.3, Timeout 3 s: P(D ≥ 3 s) = 1 − Φ((ln 1.5 + 0.045) / 0.3) = 1 − Φ(1.5016) ≈ 0.0666.
    const { service } = setup([{ name: 'slowish', timeout: 3 }], { slowish: { DurationMs: 2_000, DurationSpread: 0.3, ColdStartMs: 0 } });
    const outcome = service.invoke('slowish', 10_000, 60, 'sync');
    expect(outcome.errors / 10_000).toBeCloseTo(0.0666, 3);
    expect(outcome.averageDurationMs).toBeLessThan(2_000);
  });
});

describe('Lambda cost (LAM-6)', () => {
  it('LAM-6: 1 M requests at 128 MB × 100 ms cost $0.20 + 12,500 GB-s × $0.0000166667', () => {
    const { sim, service } = setup([{ name: 'api' }], { api: exact(100) });
    sim.run(200, () => service.invoke('api', 5_000, 5, 'sync'));
    const estimate = service.costEstimate('api', 1_000);
    expect(estimate.requests).toBe(1_000_000);
    expect(estimate.gbSeconds).toBeCloseTo(12_500, 6);
    expect(estimate.usd).toBeCloseTo(0.2 + 12_500 * 0.0000166667, 10);
    expect(estimate.usd).toBeCloseTo(0.40833375, 10);
    // The last minute alone (ticks 900 … 995 s): 20 ticks of 5,000.
    expect(service.costEstimate('api', 60).requests).toBe(100_000);
  });

  it('LAM-6: arm64 is billed $0.0000133334 per GB-s; cold-start init time is billed; throttles are free', () => {
    const { sim, service } = setup([{ name: 'arm', architecture: 'arm64' }, { name: 'cold' }, { name: 'off', reserved: 0 }], {
      arm: exact(100),
      cold: exact(100, { ColdStartMs: 250 }),
      off: exact(),
    });
    sim.run(200, () => {
      service.invoke('arm', 5_000, 5, 'sync');
      service.invoke('cold', 5_000, 5, 'sync');
      service.invoke('off', 5_000, 5, 'sync');
    });
    expect(service.costEstimate('arm', 1_000).usd).toBeCloseTo(0.2 + 12_500 * 0.0000133334, 10);
    // 100 concurrent executions: 100 cold starts × 250 ms × 0.125 GB = 3.125 GB-s more.
    expect(service.costEstimate('cold', 1_000).gbSeconds).toBeCloseTo(12_500 + 3.125, 6);
    expect(service.costEstimate('off', 1_000)).toEqual({ functionName: 'off', windowSeconds: 1_000, requests: 0, gbSeconds: 0, usd: 0 });
  });

  it('LAM-6: durations are billed rounded up to the next 1 ms', () => {
    const { sim, service } = setup([{ name: 'odd' }], { odd: exact(100.2) });
    sim.run(1, () => service.invoke('odd', 1_000, 5, 'sync'));
    expect(service.costEstimate('odd', 60).gbSeconds).toBeCloseTo((1_000 * 0.101 * 128) / 1024, 9);
  });
});

describe('Lambda faults, inventory and lookup', () => {
  it('RaiseFunctionErrorRate makes a share of invocations fail until it is reverted', () => {
    const { service } = setup([{ name: 'api' }], { api: exact() });
    const effect = service.applyFault('RaiseFunctionErrorRate', { FunctionName: 'api', ErrorRate: 0.25 })!;
    expect(effect.message).toBe('api: 25 % of invocations now fail with a function error');
    expect(service.invoke('api', 1_000, 5, 'sync').errors).toBe(250);
    expect(effect.revert!()).toBe('api: error rate back to 0 %');
    expect(service.invoke('api', 1_000, 5, 'sync').errors).toBe(0);
  });

  it('LimitFunctionConcurrency sets reserved concurrency (0 throttles everything) and its revert restores the pool', () => {
    const { sim, service } = setup([{ name: 'api' }], { api: exact() });
    const effect = service.applyFault('LimitFunctionConcurrency', { FunctionName: 'api', ReservedConcurrentExecutions: 0 })!;
    expect(service.inventory().lambdaFunctions![0]!.reservedConcurrentExecutions).toBe(0);
    expect(service.account().unreservedConcurrentExecutions).toBe(1_000);
    expect(service.invoke('api', 100, 5, 'sync').throttled).toBe(100);
    expect(effect.revert!()).toBe('api: reserved concurrency removed (uses the unreserved pool again)');
    expect(service.inventory().lambdaFunctions![0]!.reservedConcurrentExecutions).toBeUndefined();
    expect(sim.inventoryChanges).toBe(2);
    expect(service.applyFault('FailDBInstance', { DBInstanceIdentifier: 'db' })).toBeUndefined();
  });

  it('a fault on a function that does not exist is refused with its code, as Lambda answers ResourceNotFoundException', () => {
    const { service } = setup([{ name: 'api' }], { api: exact() });
    for (const [type, parameters] of [
      ['RaiseFunctionErrorRate', { FunctionName: 'nope', ErrorRate: 0.5 }],
      ['LimitFunctionConcurrency', { FunctionName: 'nope', ReservedConcurrentExecutions: 1 }],
    ] as const) {
      expect(() => service.applyFault(type, parameters)).toThrow(expect.objectContaining({ code: 'InvalidRequest', problem: 'fault.functionNotFound', params: { name: 'nope' } }));
      expect(() => service.applyFault(type, parameters)).toThrow('ResourceNotFoundException: Function not found: nope');
    }
  });

  it('lists functions under the contract names with AWS defaults (128 MB, 3 s, x86_64)', () => {
    const { service } = setup([{ name: 'api' }, { name: 'big', memory: 2048, timeout: 30, reserved: 5, architecture: 'arm64' }]);
    const { lambdaFunctions, lambdaAccount } = service.inventory();
    expect(lambdaFunctions).toEqual([
      { functionName: 'api', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:api', runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 128, timeout: 3, architectures: ['x86_64'], reservedConcurrentExecutions: undefined, state: 'Active', lastModified: '2026-11-20T14:00:00.000Z', triggers: [] },
      { functionName: 'big', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:big', runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 2048, timeout: 30, architectures: ['arm64'], reservedConcurrentExecutions: 5, state: 'Active', lastModified: '2026-11-20T14:00:00.000Z', triggers: [] },
    ]);
    expect(lambdaAccount).toEqual({ concurrentExecutionsLimit: 1_000, unreservedConcurrentExecutions: 995 });
  });

  it('accepts a function name, its ARN or a qualified ARN; anything else is ResourceNotFoundException', () => {
    const { sim, service } = setup([{ name: 'api' }], { api: exact() });
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:api';
    expect(service.invoke(arn, 10, 5, 'sync').succeeded).toBe(10);
    expect(service.invoke(`${arn}:live`, 10, 5, 'sync').succeeded).toBe(10);
    expect(service.invoke('arn:aws:lambda:eu-west-1:123456789012:function:api', 10, 5, 'sync')).toEqual({ succeeded: 0, errors: 10, throttled: 0, averageDurationMs: 0 });
    service.invoke('missing', 10, 5, 'sync');
    service.invoke('missing', 10, 5, 'sync');
    expect(sim.timeline.map((e) => e.message)).toEqual([
      'Invoke: ResourceNotFoundException: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:api',
      'Invoke: ResourceNotFoundException: Function not found: missing',
    ]);
    expect(sim.timeline[1]!.text).toEqual({ code: 'lambda.invokeFunctionNotFound', params: { function: 'missing' } });
    expect(() => service.costEstimate('missing', 60)).toThrow('ResourceNotFoundException');
  });

  it('reads the simulation knobs from the resource\'s Metadata.Simulation; options override them', () => {
    const yaml = (simulation: string) => `
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: ${simulation} }
    Properties: { FunctionName: knobs, Role: r, Code: { ZipFile: x } }
`;
    const resources = lambdaScenario(yaml('{ DurationMs: 250, DurationSpread: 0, ColdStartMs: 0, ErrorRate: 0.5 }')).resources;
    const fromMetadata = new LambdaInEngine(resources, { durationNoise: 0 }).service;
    expect(fromMetadata.invoke('knobs', 100, 5, 'sync')).toEqual({ succeeded: 50, errors: 50, throttled: 0, averageDurationMs: 250 });
    const overridden = new LambdaInEngine(resources, { durationNoise: 0, functionKnobs: { knobs: { ErrorRate: 0 } } }).service;
    expect(overridden.invoke('knobs', 100, 5, 'sync').errors).toBe(0);
    // Bad knobs are caught by the loader, with their path and line.
    expect(() => lambdaScenario(yaml('{ DurationMs: -5, Bananas: 1 }'))).toThrow(/lambda-test\.yaml:5:\d+: error: DurationMs must be positive \(at Resources\.Fn\.Metadata\.Simulation\.DurationMs\)/);
  });
});
