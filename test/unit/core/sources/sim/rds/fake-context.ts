/**
 * A minimal stand-in for the engine's SimContext, for unit-testing the RDS module on its own: a real
 * MetricStore, a real EventQueue for `schedule`, real seeded random streams, and arrays that collect
 * what the module records. `step` runs one tick in the engine's order (events, traffic, tick).
 */
import type { RdsEvent } from '../../../../../../src-main/core/contract/model';
import { MetricStore } from '../../../../../../src-main/core/sources/sim/cloudwatch/metric-store';
import { EventQueue } from '../../../../../../src-main/core/sources/sim/kernel/event-queue';
import { createRandom, type Random } from '../../../../../../src-main/core/sources/sim/kernel/random';
import type { LoadedResource } from '../../../../../../src-main/core/sources/sim/scenario/load-scenario';
import { RdsService, type RdsContext } from '../../../../../../src-main/core/sources/sim/rds/rds-service';

export const START = Date.UTC(2026, 10, 20, 14, 0, 0);

export class FakeContext implements RdsContext {
  now: number;
  readonly metrics = new MetricStore(60);
  readonly events: RdsEvent[] = [];
  inventoryChanges = 0;
  private readonly queue = new EventQueue<() => void>();
  private readonly streams = new Map<string, Random>();

  constructor(
    readonly seed = 1,
    start = START,
  ) {
    this.now = start;
  }

  random(stream: string): Random {
    let random = this.streams.get(stream);
    if (!random) {
      random = createRandom(this.seed, stream);
      this.streams.set(stream, random);
    }
    return random;
  }

  schedule(atMs: number, action: () => void): void {
    this.queue.schedule(atMs, action);
  }

  recordRdsEvent(event: Omit<RdsEvent, 'date'>): void {
    this.events.push({ ...event, date: new Date(this.now).toISOString() });
  }

  inventoryChanged(): void {
    this.inventoryChanges++;
  }

  /** Runs every scheduled action due by `now`, in (time, sequence) order. */
  runDue(): void {
    for (const action of this.queue.popDue(this.now)) action();
  }

  /** Events of one instance, oldest first. */
  eventsOf(identifier: string): RdsEvent[] {
    return this.events.filter((e) => e.sourceIdentifier === identifier);
  }

  /** Closed and open 60 s values of one AWS/RDS series: [epochSeconds, average]. */
  series(metricName: string, identifier: string): [number, number][] {
    this.metrics.closePeriodsBefore(this.now / 1000 + 60);
    return this.metrics.get('AWS/RDS', metricName, { DBInstanceIdentifier: identifier })?.points('Average') ?? [];
  }
}

export interface Harness {
  ctx: FakeContext;
  rds: RdsService;
  /** One tick: due events, then `traffic` (the engine's serve calls), then the module's tick. */
  step(traffic?: (tickSeconds: number) => void): void;
  /** Ticks until `seconds` have passed, calling `traffic` in each. */
  run(seconds: number, traffic?: (tickSeconds: number) => void): void;
  /** Ticks until `predicate` holds (or `maxSeconds` pass); returns the seconds that took. */
  runUntil(predicate: () => boolean, maxSeconds: number, traffic?: (tickSeconds: number) => void): number;
}

export function harness(resources: LoadedResource[], options: { seed?: number; tickSeconds?: number; start?: number } = {}): Harness {
  const ctx = new FakeContext(options.seed ?? 1, options.start ?? START);
  const rds = new RdsService(ctx, resources);
  rds.start();
  const tickSeconds = options.tickSeconds ?? 5;
  // The engine's step: what is due runs first, traffic is served at the tick's start, then the clock
  // moves and the services tick; like advanceTo, we then run what is due at the new instant.
  const step = (traffic?: (tickSeconds: number) => void) => {
    const tickStart = ctx.now;
    ctx.runDue();
    traffic?.(tickSeconds);
    ctx.now += tickSeconds * 1000;
    rds.tick(tickStart);
    ctx.runDue();
  };
  return {
    ctx,
    rds,
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
