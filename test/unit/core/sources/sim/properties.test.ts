/**
 * Property tests: for many generated scenarios, the simulator's invariants hold — capacity within
 * [MinSize, MaxSize] (rebalancing may exceed MaxSize by 10 % or 1, ASG-10), no negative counts,
 * every offered request accounted for, and the same seed giving byte-identical reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { runSimulation, serializeReport } from '@main/core/sources/sim/report';
import { scenarioFrom, webTier } from '../../../../helpers/scenarios';

const scenarioArbitrary = fc
  .record({
    min: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 0, max: 6 }),
    tick: fc.constantFrom('5s', '10s', '15s', '30s'),
    rate: fc.oneof(
      fc.integer({ min: 0, max: 900 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 900 })).map(([a, b]) => `{ Ramp: { From: ${a}, To: ${b}, Over: 20m } }`),
      fc.tuple(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 200, max: 1500 }), fc.integer({ min: 1, max: 30 })).map(([base, peak, at]) => `{ Spike: { Base: ${base}, Peak: ${peak}, At: ${at}m, Duration: 10m } }`),
    ),
    faults: fc.array(
      fc.oneof(
        fc.record({ at: fc.integer({ min: 1, max: 40 }), zone: fc.constantFrom('a', 'b', 'c'), minutes: fc.integer({ min: 1, max: 20 }) }).map((f) => `  - { At: ${f.at}m, Type: FailAvailabilityZone, AvailabilityZone: us-east-1${f.zone}, Duration: ${f.minutes}m }`),
        fc.record({ at: fc.integer({ min: 1, max: 40 }), count: fc.integer({ min: 1, max: 4 }) }).map((f) => `  - { At: ${f.at}m, Type: TerminateInstances, AutoScalingGroupName: web-asg, Count: ${f.count} }`),
        fc.record({ at: fc.integer({ min: 1, max: 40 }), factor: fc.integer({ min: 2, max: 5 }), minutes: fc.integer({ min: 1, max: 15 }) }).map((f) => `  - { At: ${f.at}m, Type: MultiplyTraffic, Factor: ${f.factor}, Duration: ${f.minutes}m }`),
        fc.record({ at: fc.integer({ min: 1, max: 40 }), count: fc.integer({ min: 1, max: 3 }), minutes: fc.integer({ min: 1, max: 10 }) }).map((f) => `  - { At: ${f.at}m, Type: FailTargets, TargetGroupName: web-tg, Count: ${f.count}, Duration: ${f.minutes}m }`),
      ),
      { maxLength: 4 },
    ),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((p) => {
    const max = Math.max(1, p.min + p.extra);
    const desired = Math.min(max, p.min + p.start);
    const yaml = webTier({ min: p.min, max, desired, rate: p.rate, tick: p.tick }).replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: ELB');
    return { yaml: p.faults.length > 0 ? `${yaml}Faults:\n${p.faults.join('\n')}\n` : yaml, seed: p.seed, min: p.min, max };
  });

const sum = (engine: SimulationEngine, namespace: string, name: string, dims: Record<string, string>, stat: 'Sum' | 'SampleCount' = 'Sum') =>
  engine.metrics.get(namespace, name, dims)?.points(stat).reduce((s, p) => s + p[1], 0) ?? 0;

describe('simulator invariants (fast-check)', () => {
  it('capacity stays within [MinSize, MaxSize] (+ the rebalancing allowance) and nothing goes negative', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ yaml, seed, min, max }) => {
        const engine = new SimulationEngine(scenarioFrom(yaml, 'prop.yaml', seed));
        const group = engine.world.autoScalingGroups.get('web-asg')!;
        const allowance = Math.max(1, Math.floor(max * 0.1));
        for (let minute = 0; minute < 45; minute++) {
          engine.advanceBy(60);
          expect(group.desiredCapacity).toBeGreaterThanOrEqual(min);
          expect(group.desiredCapacity).toBeLessThanOrEqual(max);
          const live = [...group.instances.values()].filter((i) => !i.lifecycleState.startsWith('Terminat')).length;
          expect(live).toBeLessThanOrEqual(max + allowance);
          for (const instance of group.instances.values()) {
            expect(instance.backlog).toBeGreaterThanOrEqual(0);
            expect(instance.cpuPercent).toBeGreaterThanOrEqual(0);
            expect(instance.cpuPercent).toBeLessThanOrEqual(100);
          }
        }
        for (const series of engine.metrics.all()) {
          for (const [, value] of series.points('Minimum')) expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('conservation: offered = served + failed (+ answered by the ALB itself), for every request', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ yaml, seed }) => {
        const engine = new SimulationEngine(scenarioFrom(yaml, 'prop.yaml', seed));
        engine.advanceBy(45 * 60);
        engine.advanceBy(60); // close the last minute
        const lb = [...engine.world.loadBalancers.values()][0]!;
        const group = [...engine.world.targetGroups.values()][0]!;
        const lbDims = { LoadBalancer: lb.fullName };
        const offered = sum(engine, 'Flightdeck/Traffic', 'OfferedRequests', { Population: 'users' });
        const unresolved = sum(engine, 'Flightdeck/Traffic', 'UnresolvedRequests', { Population: 'users' });
        const requests = sum(engine, 'AWS/ApplicationELB', 'RequestCount', lbDims);
        const served = sum(engine, 'AWS/ApplicationELB', 'TargetResponseTime', lbDims, 'SampleCount');
        const failed = sum(engine, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', lbDims) + sum(engine, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', lbDims);
        expect(offered).toBe(requests + unresolved);
        expect(Math.round(served + failed)).toBe(requests);
        expect(sum(engine, 'AWS/ApplicationELB', 'RequestCount', { ...lbDims, TargetGroup: group.fullName })).toBeLessThanOrEqual(requests);
      }),
      { numRuns: 25 },
    );
  });

  it('the same seed gives byte-identical reports', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ yaml, seed }) => {
        const run = () => serializeReport(runSimulation(new SimulationEngine(scenarioFrom(yaml, 'prop.yaml', seed)), 30 * 60));
        expect(run()).toBe(run());
      }),
      { numRuns: 10 },
    );
  });
});
