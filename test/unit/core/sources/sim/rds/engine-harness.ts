/**
 * The RDS module inside the real simulation engine: a SimulationEngine built from a scenario that holds
 * only the given DB instances, so the service gets the engine's own context (clock, event queue, seeded
 * streams, metric store, RDS event log). `step` serves the test's traffic at the tick's start, after what
 * is due, then lets the engine run the tick, as engine.ts orders it for the traffic service.
 */
import type { RdsEvent } from '@main/core/contract/model';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import type { RdsService } from '@main/core/sources/sim/rds/rds-service';
import type { LoadedResource } from '@main/core/sources/sim/scenario/load-scenario';
import { SIMULATION_DEFAULTS } from '@main/core/sources/sim/scenario/sections';

export const START = Date.UTC(2026, 10, 20, 14, 0, 0);

export interface Harness {
  engine: SimulationEngine;
  rds: RdsService;
  /** How often the RDS module told the engine its inventory changed (calls to the engine's `inventoryChanged`). */
  readonly inventoryChanges: number;
  /** RDS events of one instance, oldest first. */
  eventsOf(identifier: string): RdsEvent[];
  /** Closed and open 60 s values of one AWS/RDS series: [epochSeconds, average]. */
  series(metricName: string, identifier: string): [number, number][];
  /** One tick: due events, then `traffic` (what the traffic service would serve), then the engine's tick. */
  step(traffic?: (tickSeconds: number) => void): void;
  /** Ticks until `seconds` have passed, calling `traffic` in each. */
  run(seconds: number, traffic?: (tickSeconds: number) => void): void;
  /** Ticks until `predicate` holds (or `maxSeconds` pass); returns the seconds that took. */
  runUntil(predicate: () => boolean, maxSeconds: number, traffic?: (tickSeconds: number) => void): number;
}

export function harness(resources: LoadedResource[], options: { seed?: number; tickSeconds?: number; start?: number } = {}): Harness {
  const tickSeconds = options.tickSeconds ?? 5;
  const engine = new SimulationEngine({
    name: 'rds-test',
    file: 'rds-test.yaml',
    simulation: { ...SIMULATION_DEFAULTS, startTime: options.start ?? START, seed: options.seed ?? 1, tickSeconds },
    resources,
    traffic: [],
    timeline: [],
    warnings: [],
  });
  const rds = engine.services.database as RdsService;
  // Count the module's calls through the engine's own method (the engine keeps a flag, not a count).
  let inventoryChanges = 0;
  const inventoryChanged = engine.inventoryChanged.bind(engine);
  engine.inventoryChanged = () => {
    inventoryChanges++;
    inventoryChanged();
  };
  const step = (traffic?: (tickSeconds: number) => void) => {
    engine.advanceTo(engine.now); // what is due now (an action the test just took) runs before the traffic
    traffic?.(tickSeconds);
    engine.advanceBy(tickSeconds);
  };
  return {
    engine,
    rds,
    get inventoryChanges() {
      return inventoryChanges;
    },
    eventsOf: (identifier) => engine.rdsEvents.filter((e) => e.sourceIdentifier === identifier),
    series(metricName, identifier) {
      engine.metrics.closePeriodsBefore(engine.now / 1000 + 60);
      return engine.metrics.get('AWS/RDS', metricName, { DBInstanceIdentifier: identifier })?.points('Average') ?? [];
    },
    step,
    run(seconds, traffic) {
      for (let elapsed = 0; elapsed < seconds; elapsed += tickSeconds) step(traffic);
    },
    runUntil(predicate, maxSeconds, traffic) {
      let elapsed = 0;
      while (!predicate() && elapsed < maxSeconds) {
        step(traffic);
        elapsed += tickSeconds;
      }
      return elapsed;
    },
  };
}
