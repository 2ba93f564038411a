/** Properties of the Lambda model that must hold for any traffic (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LambdaService } from '@main/core/sources/sim/lambda/lambda-service';
import { LambdaInEngine } from './engine-harness';
import { functionResources } from './lambda-scenario';

const functions = [
  { name: 'a' },
  { name: 'b', reserved: 40, timeout: 1 },
  { name: 'c', reserved: 0 },
  { name: 'd', memory: 1024 },
];
const resources = functionResources(functions);

/** One tick's calls: [function index, requests, mode]. */
const tickCalls = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 200_000, noNaN: true }), fc.boolean()), { maxLength: 6 });
const knobs = fc.record({
  DurationMs: fc.double({ min: 1, max: 2_000, noNaN: true }),
  DurationSpread: fc.double({ min: 0, max: 1, noNaN: true }),
  ColdStartMs: fc.double({ min: 0, max: 2_000, noNaN: true }),
  ErrorRate: fc.double({ min: 0, max: 1, noNaN: true }),
});

function simulate(seed: number, ticks: [number, number, boolean][][], functionKnobs: Record<string, object>, check?: (requests: number, mode: string, outcome: ReturnType<LambdaService['invoke']>) => void) {
  const sim = new LambdaInEngine(resources, { functionKnobs, concurrentExecutionsLimit: 500 }, { seed, tickSeconds: 5 });
  const service = sim.service;
  for (const calls of ticks) {
    sim.step(() => {
      for (const [index, requests, sync] of calls) {
        const ref = index < functions.length ? functions[index]!.name : 'unknown';
        const mode = sync ? 'sync' : 'async';
        const outcome = service.invoke(ref, requests, 5, mode);
        if (check) check(requests, mode, outcome);
      }
    });
  }
  sim.run(12);
  return { sim, service };
}

describe('Lambda model properties', () => {
  it('synchronous calls are conserved: succeeded + errors + throttled = offered, none negative', () => {
    fc.assert(
      fc.property(fc.array(tickCalls, { maxLength: 30 }), knobs, (ticks, k) => {
        simulate(1, ticks, { a: k, b: k, d: k }, (requests, mode, outcome) => {
          for (const value of [outcome.succeeded, outcome.errors, outcome.throttled, outcome.averageDurationMs]) expect(value).toBeGreaterThanOrEqual(-1e-9);
          if (mode === 'sync') expect(outcome.succeeded + outcome.errors + outcome.throttled).toBeCloseTo(requests, 6);
          else expect(outcome.succeeded + outcome.errors).toBeLessThanOrEqual(requests + 1e-6);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('concurrency is never negative and never above the quota or a reservation; queues never hold a negative count', () => {
    fc.assert(
      fc.property(fc.array(tickCalls, { maxLength: 30 }), knobs, (ticks, k) => {
        const { sim, service } = simulate(2, ticks, { a: k, b: k, d: k });
        for (const series of sim.metrics.all()) {
          for (const [, value] of series.points('Minimum')) expect(value).toBeGreaterThanOrEqual(0);
        }
        const max = (dims: Record<string, string>) => Math.max(0, ...(sim.metrics.get('AWS/Lambda', 'ConcurrentExecutions', dims)?.points('Maximum').map(([, v]) => v) ?? []));
        expect(max({})).toBeLessThanOrEqual(500 + 1e-6);
        expect(max({ FunctionName: 'b' })).toBeLessThanOrEqual(40 + 1e-6);
        expect(max({ FunctionName: 'c' })).toBe(0);
        for (const { name } of functions) expect(service.queuedEvents(name)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same metrics and timeline, byte for byte; another seed other noise', () => {
    fc.assert(
      fc.property(fc.array(tickCalls, { minLength: 1, maxLength: 20 }), (ticks) => {
        const dump = (seed: number) => {
          const { sim } = simulate(seed, ticks, {});
          return JSON.stringify({ metrics: [...sim.metrics.all()].map((s) => [s.key, s.points('Sum'), s.points('Maximum')]), timeline: sim.timeline });
        };
        expect(dump(7)).toBe(dump(7));
      }),
      { numRuns: 30 },
    );
    const busy: [number, number, boolean][][] = Array.from({ length: 12 }, () => [[0, 1_000, true]]);
    const durations = (seed: number) => JSON.stringify(simulate(seed, busy, {}).sim.metrics.get('AWS/Lambda', 'Duration', { FunctionName: 'a' })!.points('Average'));
    expect(durations(7)).not.toBe(durations(8));
  });
});
