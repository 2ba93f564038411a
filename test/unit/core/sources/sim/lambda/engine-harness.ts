/**
 * The Lambda module inside the real simulation engine. The engine is built from a scenario without
 * functions, and the helper builds the LambdaService itself, with the engine as its context, because the
 * tests pass service options no scenario can (durationNoise, the scaling rate, per-function knobs); the
 * service is then registered as the engine's function tier, so `engine.step()` ticks it, closes the
 * metric periods and calls `minute` exactly as in a run.
 */
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { LambdaService, type LambdaServiceOptions } from '@main/core/sources/sim/lambda/lambda-service';
import type { LoadedResource } from '@main/core/sources/sim/scenario/load-scenario';
import { SIMULATION_DEFAULTS } from '@main/core/sources/sim/scenario/sections';

export const START = Date.UTC(2026, 10, 20, 14, 0, 0);

export class LambdaInEngine {
  readonly engine: SimulationEngine;
  readonly service: LambdaService;
  private changes = 0;

  constructor(resources: LoadedResource[], options: LambdaServiceOptions = {}, settings: { seed?: number; tickSeconds?: number } = {}) {
    this.engine = new SimulationEngine({
      name: 'lambda-test',
      file: 'lambda-test.yaml',
      simulation: { ...SIMULATION_DEFAULTS, startTime: START, seed: settings.seed ?? 1, tickSeconds: settings.tickSeconds ?? 5 },
      resources: [],
      traffic: [],
      timeline: [],
      warnings: [],
    });
    // Count the module's calls through the engine's own method (the engine keeps a flag, not a count).
    const inventoryChanged = this.engine.inventoryChanged.bind(this.engine);
    this.engine.inventoryChanged = () => {
      this.changes++;
      inventoryChanged();
    };
    this.service = new LambdaService(this.engine, resources, options);
    this.engine.services.all.push(this.service);
    this.engine.services.functions = this.service;
  }

  /** How often the module told the engine its inventory changed. */
  get inventoryChanges(): number {
    return this.changes;
  }

  get timeline() {
    return this.engine.timeline;
  }

  get metrics() {
    return this.engine.metrics;
  }

  /** One engine tick; `traffic` runs at the tick's start, after what is due (where the traffic service offers its load). */
  step(traffic: () => void = () => {}): void {
    this.engine.advanceTo(this.engine.now);
    traffic();
    this.engine.step();
  }

  /** `ticks` steps with the same traffic each tick. */
  run(ticks: number, traffic: () => void = () => {}): void {
    for (let i = 0; i < ticks; i++) this.step(traffic);
  }

  /** Sum of a metric's datapoints (closed periods only) with the given statistic. */
  total(namespace: string, metricName: string, dimensions: Record<string, string>, stat: 'Sum' | 'Maximum' | 'Average' = 'Sum'): number {
    const series = this.engine.metrics.get(namespace, metricName, dimensions);
    return series ? series.points(stat).reduce((sum, [, value]) => sum + value, 0) : 0;
  }
}
