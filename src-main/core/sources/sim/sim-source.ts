/**
 * The simulator as a live data source: paces the engine's virtual clock against the wall clock at a
 * chosen speed (×1 … ×3600), and turns each frame's changes into one Update for the renderer.
 */
import type { ClientLocation, DnsTrace, Inventory, InstanceCpu, RunningFault, SessionInfo, SimClock, Snapshot, TimelineEvent, Update } from '../../contract/model';
import type { RequestOf } from '../../contract';
import { CoreError } from '../../core-error';
import { parseLocation } from '../../route53/geography';
import { Route53Service } from './route53/route53-service';
import { SimActionBackend } from './sim-actions';

/** Where the resolver is when a trace names no location: N. Virginia (our choice, as the CLI's). */
const DEFAULT_TRACE_FROM = 'us-east-1';
import type { DataSource, SimulationControls, SnapshotOptions } from '../data-source';
import type { WallClock } from '../../wall-clock';
import { InventoryTracker } from '../inventory-tracker';
import { SimulationEngine } from './engine';
import { exportMetrics } from './export';
import { exportActivities, toScalingActivity } from './asg/export-activities';
import type { ScenarioModel } from './scenario/load-scenario';
import type { TwinFit } from '../../contract/model-twin';
import { twinFit } from './report';
import { PaceMeter } from './pace-meter';

/** The share of a frame's wall time the simulation may use: the rest is the host's (sockets, requests). */
const FRAME_BUDGET_SHARE = 0.6;
/**
 * Wall ms a frame simulates before it lets the host answer what is waiting (WallClock.defer). A
 * frame in one piece held the event loop ~200 ms of every 250 at scale-1000 ×3600: each HTTP
 * request, file read and WebSocket request of a page being opened waited for a frame to end, and
 * opening the Overview took ~6 such waits before the snapshot was even asked for (issue 15, first
 * render at scale).
 */
export const FRAME_SLICE_MS = 20;

export interface SimSourceOptions {
  wallClock: WallClock;
  /** Simulated seconds per wall second. */
  speed?: number;
  /** How often the pacer runs and an Update is pushed (wall ms). */
  frameMs?: number;
  /** How much metric history a snapshot carries (simulated seconds). */
  snapshotWindowSeconds?: number;
  /** Start paused (tests drive the clock with step). */
  paused?: boolean;
  /**
   * Seconds of history to simulate before each loaded scenario's StartTime (warm start, lead-in.ts);
   * hosts pass liveLeadInSeconds. Without it, the file's Simulation.LeadIn, else none.
   */
  leadIn?: (scenario: ScenarioModel) => number;
}

export class SimSource implements DataSource, SimulationControls {
  session: SessionInfo;
  readonly control: SimulationControls = this;
  /** The two-step action protocol's simulator backend (pre-flight, execute, follow). */
  readonly actions: SimActionBackend;
  engine: SimulationEngine;
  scenario: ScenarioModel;
  private listeners = new Set<(update: Update) => void>();
  /** The inventory last published: frames carry what changed since, by resource key. */
  private readonly published: InventoryTracker;
  private speed: number;
  private running: boolean;
  private stopTimer?: () => void;
  private lastWall = 0;
  /** Virtual time the pacer aims for; the engine follows in whole ticks. */
  private virtualTarget: number;
  /** A frame is being simulated in slices: what is asked between two slices sees the engine at a whole tick, not yet published. */
  private slicing = false;
  /** Moves when something outside the frames moves or replaces the engine (load, step, stop): a frame still in slices lets go. */
  private epoch = 0;
  /** The timer fired while a frame was still in slices: the next frame starts as soon as that one ends. */
  private frameDue = false;
  /** The speed reached, measured at the end of each frame (the clock falls behind on a busy machine). */
  private readonly pace = new PaceMeter();

  constructor(
    scenario: ScenarioModel,
    private readonly options: SimSourceOptions,
  ) {
    this.scenario = scenario;
    this.engine = this.createEngine(scenario);
    this.virtualTarget = this.engine.now;
    this.speed = options.speed ?? 10;
    this.running = !options.paused;
    this.session = sessionOf(scenario);
    this.engine.drainChanges();
    this.published = new InventoryTracker(this.liveInventory().inventory);
    this.actions = new SimActionBackend(() => this.engine, options.wallClock);
  }

  /**
   * A new engine standing at the scenario's StartTime, its lead-in already simulated (synchronously:
   * the first snapshot must carry the history; lead-in.ts bounds the default so this stays short).
   */
  private createEngine(scenario: ScenarioModel): SimulationEngine {
    const leadInSeconds = this.options.leadIn?.(scenario);
    return new SimulationEngine(scenario, leadInSeconds !== undefined ? { leadInSeconds } : {});
  }

  /** A DNS trace on the running simulation: health checks and load balancers as they are now. */
  async traceDns(request: RequestOf<'dns.trace'>): Promise<DnsTrace> {
    const dns = this.engine.services.dns;
    if (!(dns instanceof Route53Service)) throw new CoreError('NotSupported', `${this.scenario.name} has no Route 53 hosted zone to trace`, { scenario: this.scenario.name }, { problem: 'simulation.noHostedZone' });
    const from = Object.keys(request.from).length > 0 ? request.from : (parseLocation(DEFAULT_TRACE_FROM) as ClientLocation);
    const trace = dns.trace({ name: request.name, type: request.type }, from, this.engine.random('dns-trace'), request.repeat);
    this.publish();
    return trace;
  }

  get scenarioName(): string {
    return this.scenario.name;
  }

  twinFit(): TwinFit | null {
    return twinFit(this.engine) ?? null;
  }

  reset(): void {
    this.load(this.scenario);
  }

  /** A fresh engine on `scenario` from its start; subscribers reload the snapshot (session.changed). */
  load(scenario: ScenarioModel): void {
    this.letGoOfFrame();
    this.scenario = scenario;
    this.engine = this.createEngine(scenario);
    this.engine.drainChanges();
    this.published.reset(this.liveInventory().inventory);
    this.virtualTarget = this.engine.now;
    this.session = sessionOf(scenario);
    this.pace.reset();
  }

  injectFault(type: string, parameters: Record<string, unknown>, durationSeconds?: number): TimelineEvent {
    this.engine.injectFault(type, parameters, durationSeconds);
    const event = this.engine.timeline[this.engine.timeline.length - 1]!;
    this.publish();
    return event;
  }

  runningFaults(): RunningFault[] {
    return this.engine.runningFaults().map((fault) => ({
      id: fault.id,
      type: fault.type,
      parameters: fault.parameters,
      startedAt: new Date(fault.at).toISOString(),
      ...(fault.until !== undefined ? { until: new Date(fault.until).toISOString() } : {}),
    }));
  }

  stopFault(id: string): TimelineEvent {
    this.engine.stopFault(id);
    const event = this.engine.timeline[this.engine.timeline.length - 1]!;
    this.publish();
    return event;
  }

  start(): void {
    if (this.stopTimer) return;
    this.lastWall = this.options.wallClock.now();
    this.stopTimer = this.options.wallClock.every(this.options.frameMs ?? 250, () => this.frame());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.letGoOfFrame();
  }

  /** A frame still in slices stops where it is (its deferred slice finds another epoch and does nothing). */
  private letGoOfFrame(): void {
    this.epoch++;
    this.slicing = false;
    this.frameDue = false;
  }

  private frame(): void {
    // The previous frame is still in slices: the next one follows it at once (a late frame on a busy
    // machine must not cost a whole timer period: the simulation keeps its share of the wall time).
    if (this.slicing) {
      this.frameDue = true;
      return;
    }
    const wall = this.options.wallClock.now();
    const elapsed = wall - this.lastWall;
    this.lastWall = wall;
    if (!this.running) return;
    this.virtualTarget += elapsed * this.speed;
    this.continueFrame(this.epoch, wall + (this.options.frameMs ?? 250) * FRAME_BUDGET_SHARE);
  }

  /**
   * One slice of a frame; the next one is deferred until the host has answered what arrived
   * meanwhile (request priority: a page's files and its snapshot request do not wait for the
   * simulation). The engine is advanced by the same whole ticks however the frame is cut, so the
   * slices change when updates are sent, never what is simulated.
   */
  private continueFrame(epoch: number, deadline: number): void {
    if (epoch !== this.epoch) return;
    this.slicing = false;
    if (!this.running) {
      // Paused between two slices (pause() published): the rest of this frame's target is dropped.
      this.virtualTarget = this.engine.now;
      return;
    }
    const defer = this.options.wallClock.defer;
    const sliceEnd = defer ? Math.min(deadline, this.options.wallClock.now() + FRAME_SLICE_MS) : deadline;
    if (!this.advanceWithin(sliceEnd, deadline) && defer) {
      this.slicing = true;
      defer(() => this.continueFrame(epoch, deadline));
      return;
    }
    this.pace.record(this.options.wallClock.now(), this.engine.now);
    this.publish();
    if (this.frameDue && defer) {
      this.frameDue = false;
      defer(() => {
        if (epoch === this.epoch && this.stopTimer && !this.slicing) this.frame();
      });
    }
  }

  /**
   * Back-pressure on the producer (issue 15 item 5): a frame simulates until the virtual target or
   * until its share of wall time is spent, whichever comes first, and lets go of the rest of the
   * target. On a machine that cannot sustain the speed (scale-1000 at ×3600 on a busy laptop) the
   * clock falls behind instead of the host: without this each late frame had more to simulate than
   * the one before, and the host stopped answering at all. Whole ticks either way: the same run.
   * Returns false when the slice ended with whole ticks still to simulate within the frame.
   */
  private advanceWithin(sliceEnd: number, deadline: number): boolean {
    const tickMs = this.engine.tickMs;
    while (this.engine.now + tickMs <= this.virtualTarget) {
      this.engine.advanceTo(this.engine.now + tickMs);
      const wall = this.options.wallClock.now();
      if (wall >= deadline) {
        this.virtualTarget = this.engine.now;
        break;
      }
      if (wall >= sliceEnd && this.engine.now + tickMs <= this.virtualTarget) return false;
    }
    this.engine.advanceTo(this.virtualTarget);
    return true;
  }

  clock(): SimClock {
    const pace = this.running ? this.pace.achieved() : undefined;
    return { now: this.engine.now, startTime: this.engine.startTime, running: this.running, speed: this.speed, ...(pace !== undefined ? { pace } : {}) };
  }

  pause(): void {
    this.running = false;
    this.pace.reset();
    this.publish();
  }

  resume(): void {
    this.running = true;
    this.pace.reset();
    this.lastWall = this.options.wallClock.now();
    this.publish();
  }

  step(seconds: number): void {
    this.letGoOfFrame();
    this.engine.advanceBy(seconds);
    this.virtualTarget = this.engine.now;
    this.pace.reset();
    this.publish();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.pace.reset();
    this.publish();
  }

  snapshot(options: SnapshotOptions = {}): Snapshot {
    const windowSeconds = this.options.snapshotWindowSeconds ?? 6 * 3600;
    // Asked between two slices of a frame: the frame ends here and what it simulated goes out
    // first, so that a snapshot is always of published state and the updates after it carry only
    // what is newer. The rest of its target is the next frame's (one publish, not two).
    if (this.slicing) {
      this.letGoOfFrame();
      this.publish();
    }
    const cpu = this.catchUpInventory();
    return {
      session: this.session,
      clock: this.clock(),
      inventory: this.published.current,
      inventoryVersion: this.published.version,
      // The newest 500, oldest first as lists travel (exportActivities answers newest first, like the API).
      scalingActivities: exportActivities(this.engine.world, 500).reverse(),
      alarmHistory: this.engine.alarmHistory.slice(-500),
      rdsEvents: this.engine.rdsEvents.slice(-500),
      timeline: this.engine.timeline.slice(-500),
      accessLog: this.engine.accessLogInOrder().slice(-200),
      metrics: exportMetrics(this.engine.metrics, this.engine.now / 1000 - windowSeconds, Infinity, options.metrics),
      datasets: {},
      instanceCpu: cpu,
    };
  }

  /**
   * The engine's inventory as the live views get it: each instance's current CPU taken out into a
   * map by group (it moves every minute; in the inventory it would make every group's record travel
   * in every frame), for the windows whose open views show it (contract/model-live.ts).
   */
  private liveInventory(): { inventory: Inventory; cpu: InstanceCpu } {
    const inventory = this.engine.inventory();
    const cpu: InstanceCpu = {};
    for (const group of inventory.autoScalingGroups) {
      const byInstance: Record<string, number> = {};
      for (const instance of group.instances) {
        if (instance.cpuUtilization === undefined) continue;
        byInstance[instance.instanceId] = instance.cpuUtilization;
        delete instance.cpuUtilization;
      }
      cpu[group.autoScalingGroupName] = byInstance;
    }
    return { inventory, cpu };
  }

  onUpdate(listener: (update: Update) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A snapshot carries the published inventory and its version, so that every client's next delta
   * applies to it. Something changed since the last frame (an action while paused): publish that
   * first, on its own, so that clients already following stay in step.
   */
  private catchUpInventory(): InstanceCpu {
    const { inventory, cpu } = this.liveInventory();
    const delta = this.published.publish(inventory);
    if (!delta) return cpu;
    const update: Update = { clock: this.clock(), inventory: delta, scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [] };
    for (const listener of this.listeners) listener(update);
    return cpu;
  }

  /** Pushes what changed since the last Update: new datapoints, changed activities, changed resources by key. */
  private publish(): void {
    const changes = this.engine.drainChanges();
    const grouped = new Map<string, Update['metrics'][number]>();
    for (const { series, stat, point } of changes.datapoints) {
      const key = `${series.key}|${stat}`;
      let entry = grouped.get(key);
      if (!entry) {
        entry = { namespace: series.namespace, metricName: series.metricName, dimensions: { ...series.dimensions }, stat, period: series.period, points: [] };
        grouped.set(key, entry);
      }
      entry.points.push(point);
    }
    const update: Update = {
      clock: this.clock(),
      scalingActivities: changes.activities.map(toScalingActivity),
      alarmHistory: changes.alarmHistory,
      rdsEvents: changes.rdsEvents,
      timeline: changes.timeline,
      accessLog: changes.accessLog,
      metrics: [...grouped.values()],
    };
    // After the first snapshot only the resources that changed travel (a whole scale-1000 inventory is ~440 KB).
    if (changes.inventoryChanged) {
      const { inventory, cpu } = this.liveInventory();
      const delta = this.published.publish(inventory);
      if (delta) update.inventory = delta;
      // Every group's: each window keeps the groups it subscribed to (core/live-interest.ts).
      update.instanceCpu = cpu;
    }
    for (const listener of this.listeners) listener(update);
  }
}

function sessionOf(scenario: ScenarioModel): SessionInfo {
  const twin = scenario.twin;
  return {
    mode: 'simulation',
    scenarioName: scenario.name,
    seed: scenario.simulation.seed,
    region: scenario.simulation.region,
    ...(twin ? { twin: { source: twin.source, windowStart: twin.window.start, windowEnd: twin.window.end, periodSeconds: twin.periodSeconds, placeholders: twin.placeholders.length } } : {}),
  };
}
