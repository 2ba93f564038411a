/**
 * A minimal SimContext for testing the Lambda module on its own, until the engine's service-module
 * context lands: a real MetricStore, an EventQueue for `schedule`, seeded random streams, and arrays
 * collecting what the module reports. `step` plays one engine tick in the engine's order (events due,
 * traffic, service ticks, then on a minute boundary: periods close, `minute`).
 */
import type { TimelineEvent } from '../../../../../src-main/core/contract/model';
import { MetricStore } from '../../../../../src-main/core/sources/sim/cloudwatch/metric-store';
import { EventQueue } from '../../../../../src-main/core/sources/sim/kernel/event-queue';
import { createRandom, type Random } from '../../../../../src-main/core/sources/sim/kernel/random';
import type { LambdaContext } from '../../../../../src-main/core/sources/sim/lambda/lambda-service';
import type { SimService } from '../../../../../src-main/core/sources/sim/service-module';

export const START = Date.UTC(2026, 10, 20, 14, 0, 0);

export class FakeContext implements LambdaContext {
  now: number;
  readonly metrics = new MetricStore();
  readonly timeline: TimelineEvent[] = [];
  inventoryChanges = 0;
  readonly settings: { tickSeconds: number };
  private readonly events = new EventQueue<() => void>();
  private readonly streams = new Map<string, Random>();

  constructor(
    readonly seed = 1,
    tickSeconds = 5,
    startMs = START,
  ) {
    this.now = startMs;
    this.settings = { tickSeconds };
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

  /** One tick at the current time, then the clock moves on by one tick. */
  step(service: SimService, traffic: () => void = () => {}): void {
    for (const action of this.events.popDue(this.now)) action();
    traffic();
    service.tick?.(this.now);
    const next = this.now + this.settings.tickSeconds * 1000;
    if (Math.floor(next / 60_000) !== Math.floor(this.now / 60_000)) {
      this.metrics.closePeriodsBefore(next / 1000);
      service.minute?.();
    }
    this.now = next;
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
