/**
 * A minimal SimContext (the part LambdaContext picks) for testing the Lambda module on its own: a real
 * MetricStore, an EventQueue for `schedule`, seeded random streams, and arrays collecting what the module
 * reports. `step` plays one tick exactly as engine.ts does: events due, traffic at the tick's start, the
 * clock moves to the tick's end, `tick(tickStart)`, and on a minute boundary periods close, then `minute`.
 */
import type { TimelineEvent } from '../../../../../../src-main/core/contract/model';
import { MetricStore } from '../../../../../../src-main/core/sources/sim/cloudwatch/metric-store';
import { EventQueue } from '../../../../../../src-main/core/sources/sim/kernel/event-queue';
import { createRandom, type Random } from '../../../../../../src-main/core/sources/sim/kernel/random';
import type { LambdaContext } from '../../../../../../src-main/core/sources/sim/lambda/lambda-service';
import { SIMULATION_DEFAULTS, type SimulationSettings } from '../../../../../../src-main/core/sources/sim/scenario/sections';
import type { SimService } from '../../../../../../src-main/core/sources/sim/service-module';

export const START = Date.UTC(2026, 10, 20, 14, 0, 0);

export class FakeContext implements LambdaContext {
  now: number;
  readonly metrics = new MetricStore();
  readonly timeline: TimelineEvent[] = [];
  inventoryChanges = 0;
  readonly settings: SimulationSettings;
  private readonly events = new EventQueue<() => void>();
  private readonly streams = new Map<string, Random>();

  constructor(
    readonly seed = 1,
    tickSeconds = 5,
    startMs = START,
  ) {
    this.now = startMs;
    this.settings = { ...SIMULATION_DEFAULTS, startTime: startMs, seed, tickSeconds };
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
    this.events.schedule(atMs, action);
  }

  recordTimeline(event: Omit<TimelineEvent, 'time'>): void {
    this.timeline.push({ time: new Date(this.now).toISOString(), ...event });
  }

  inventoryChanged(): void {
    this.inventoryChanges++;
  }

  /** Seconds since the start. */
  get elapsedSeconds(): number {
    return (this.now - START) / 1000;
  }

  /** One tick starting at the current time; afterwards the clock is at the tick's end. */
  step(service: SimService, traffic: () => void = () => {}): void {
    const tickStart = this.now;
    for (const action of this.events.popDue(this.now)) action();
    traffic();
    this.now += this.settings.tickSeconds * 1000;
    service.tick?.(tickStart);
    if (this.now % 60_000 === 0) {
      this.metrics.closePeriodsBefore(this.now / 1000);
      service.minute?.();
    }
  }

  /** `ticks` steps with the same traffic each tick. */
  run(service: SimService, ticks: number, traffic: () => void = () => {}): void {
    for (let i = 0; i < ticks; i++) this.step(service, traffic);
  }

  /** Sum of a metric's datapoints (closed periods only) with the given statistic. */
  total(namespace: string, metricName: string, dimensions: Record<string, string>, stat: 'Sum' | 'Maximum' | 'Average' = 'Sum'): number {
    const series = this.metrics.get(namespace, metricName, dimensions);
    return series ? series.points(stat).reduce((sum, [, value]) => sum + value, 0) : 0;
  }
}
