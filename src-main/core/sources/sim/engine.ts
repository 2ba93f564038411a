/**
 * The simulation engine: a virtual clock advanced in fixed ticks, an event queue for what happens at
 * a precise instant (an instance finishing its boot, a drain ending, a fault's end), and the service
 * modules (service-module.ts) that hold each AWS service's state and rules. Deterministic by
 * construction: no wall clock, no unseeded randomness, Maps iterated in insertion order, one named random
 * stream per subsystem. Same scenario + seed → same bytes.
 */
import type { ControlAction, Inventory, MetricStat, RdsEvent, ScalingActivity, TimelineEvent } from '../../contract/model';
import type { AlarmHistoryItem } from './cloudwatch/alarm';
import { AlarmService } from './cloudwatch/alarm-service';
import { MetricStore, type ClosedPeriod, type MetricSeriesData } from './cloudwatch/metric-store';
import { standardStats } from '../../metric-catalog';
import { EventQueue } from './kernel/event-queue';
import { createRandom, type Random } from './kernel/random';
import type { ScenarioModel } from './scenario/load-scenario';
import type { SimulationSettings } from './scenario/sections';
import { FAULT_PARAMETERS, parseScenarioAction, type FaultType } from './scenario/timed-entries';
import { runControlAction } from './sim-action-registry';
import { AlbService } from './alb/alb-service';
import { buildAlb } from './alb/build-alb';
import { AsgService } from './asg/asg-service';
import { buildAsg } from './asg/build-asg';
import { buildTraffic, TrafficService } from './traffic/traffic-service';
import { LambdaService } from './lambda/lambda-service';
import { Route53Service } from './route53/route53-service';
import { hasSimulatedDbInstances, RdsService } from './rds/rds-service';
import type { FaultEffect, SimService, SimServices } from './service-module';
import type { SimContext } from './sim-context';
import { createWorld, type SimActivity, type World } from './world';
import { isValidLeadIn, LEAD_IN_RULE } from './lead-in-rule';

export interface ClosedDatapoint {
  series: MetricSeriesData;
  stat: MetricStat;
  point: [number, number];
}

/** Newest timeline entries and RDS events kept. */
export const MAX_TIMELINE = 2000;

export interface FaultRecord {
  /** `fault-1`, `fault-2` … in injection order (deterministic). */
  id: string;
  type: FaultType;
  parameters: Record<string, unknown>;
  at: number;
  until?: number;
  message: string;
  /** When it was reverted (its duration ran out, or an operator stopped it). */
  endedAt?: number;
  /** False for one-shot faults (e.g. TerminateInstances) that have nothing to revert. */
  revertible: boolean;
}

export interface EngineOptions {
  /**
   * Seconds of history simulated before the scenario's StartTime (lead-in.ts); default: the file's
   * Simulation.LeadIn, else none. The constructor runs it, so a new engine stands at StartTime.
   */
  leadInSeconds?: number;
}

export class SimulationEngine implements SimContext {
  readonly world: World;
  readonly metrics = new MetricStore(60);
  readonly settings: SimulationSettings;
  /** The scenario's StartTime: t = 0 of its timeline, rate curves and clock. */
  readonly startTime: number;
  /** Where the clock began: StartTime minus the lead-in (equal to StartTime without one). */
  readonly beginTime: number;
  readonly leadInSeconds: number;
  readonly tickMs: number;
  readonly services: SimServices;
  readonly alb: AlbService;
  readonly asg: AsgService;
  readonly alarms: AlarmService;
  readonly traffic: TrafficService;
  now: number;

  readonly timeline: TimelineEvent[] = [];
  readonly rdsEvents: RdsEvent[] = [];
  readonly faults: FaultRecord[] = [];
  /** How to undo each running revertible fault, by FaultRecord.id. */
  private readonly reverts = new Map<string, () => string | void>();

  /** Called after every tick (an action being followed watches each state, however fast time runs). */
  readonly afterStep = new Set<() => void>();
  private readonly queue = new EventQueue<() => void>();
  private readonly streams = new Map<string, Random>();

  // Change tracking, drained by the data source into pushed Updates.
  private changedActivities = new Set<SimActivity>();
  private inventoryDirty = true;
  private closedDatapoints: ClosedDatapoint[] = [];
  private newTimeline: TimelineEvent[] = [];
  private newRdsEvents: RdsEvent[] = [];

  constructor(
    readonly scenario: ScenarioModel,
    options: EngineOptions = {},
  ) {
    this.settings = scenario.simulation;
    this.startTime = scenario.simulation.startTime;
    this.leadInSeconds = options.leadInSeconds ?? scenario.simulation.leadInSeconds ?? 0;
    if (!isValidLeadIn(this.leadInSeconds)) throw new Error(`lead-in of ${this.leadInSeconds} s: ${LEAD_IN_RULE}`);
    this.beginTime = this.startTime - this.leadInSeconds * 1000;
    this.now = this.beginTime;
    this.tickMs = scenario.simulation.tickSeconds * 1000;
    this.world = createWorld(scenario.simulation.region);
    // The stack is created when the clock begins: health checks, alarms and schedules start from there.
    const created = this.leadInSeconds > 0 ? { ...scenario, simulation: { ...scenario.simulation, startTime: this.beginTime } } : scenario;
    buildAlb(created, this.world);
    buildAsg(created, this.world);
    this.world.traffic = buildTraffic(scenario);

    this.alb = new AlbService(this);
    this.asg = new AsgService(this);
    this.traffic = new TrafficService(this, this.alb);
    this.alarms = new AlarmService(this, (actionArn, trigger) => {
      const policy = this.world.policiesByArn.get(actionArn);
      if (policy) this.asg.executePolicy(policy, trigger);
    });
    const all: SimService[] = [this.alb, this.asg, this.traffic, this.alarms];
    this.services = { all };
    // ---- optional services: Route 53 (services.dns), RDS (services.database), Lambda (services.functions) ----
    // Each is constructed only when the scenario has resources of its kind, then appended to `all`.
    if (scenario.resources.some((r) => r.type === 'AWS::Route53::HostedZone')) {
      this.services.dns = new Route53Service(this, scenario.resources);
      all.push(this.services.dns);
    }
    if (scenario.resources.some((r) => r.type === 'AWS::Lambda::Function')) {
      this.services.functions = new LambdaService(this, scenario.resources, { ...(this.settings.lambdaConcurrencyLimit !== undefined ? { concurrentExecutionsLimit: this.settings.lambdaConcurrencyLimit } : {}) });
      all.push(this.services.functions);
    }
    if (hasSimulatedDbInstances(scenario.resources)) {
      this.services.database = new RdsService(this, scenario.resources);
      all.push(this.services.database);
    }

    const desired = new Map(
      scenario.resources
        .filter((r) => r.type === 'AWS::AutoScaling::AutoScalingGroup')
        .map((r) => [r.identity.name, (r.properties.DesiredCapacity as number | undefined) ?? (r.properties.MinSize as number)]),
    );
    this.asg.createGroups(desired);
    for (const service of all) service.start?.();
    for (const entry of scenario.timeline) {
      const at = this.startTime + entry.atSeconds * 1000;
      this.schedule(at, () =>
        entry.kind === 'fault' ? this.tryInjectFault(entry.type, entry.parameters, entry.durationSeconds, entry.path) : this.tryPerform(entry.action, entry.path),
      );
    }
    // Warm start: the history before StartTime, tick by tick like any other simulated time. Entries
    // due exactly at StartTime (At: 0) stay queued, to run before the first tick after it.
    if (this.leadInSeconds > 0) while (this.now + this.tickMs <= this.startTime) this.step();
  }

  get seed(): number {
    return this.settings.seed;
  }

  get simulatedSeconds(): number {
    return (this.now - this.startTime) / 1000;
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
    this.queue.schedule(Math.max(atMs, this.now), action);
  }

  activityChanged(activity: SimActivity): void {
    this.changedActivities.add(activity);
  }

  inventoryChanged(): void {
    this.inventoryDirty = true;
  }

  recordTimeline(event: Omit<TimelineEvent, 'time'>): void {
    const entry = { time: new Date(this.now).toISOString(), ...event };
    this.timeline.push(entry);
    if (this.timeline.length > MAX_TIMELINE) this.timeline.splice(0, this.timeline.length - MAX_TIMELINE);
    this.newTimeline.push(entry);
  }

  recordRdsEvent(event: Omit<RdsEvent, 'date'>): void {
    const entry = { ...event, date: new Date(this.now).toISOString() };
    this.rdsEvents.push(entry);
    if (this.rdsEvents.length > MAX_TIMELINE) this.rdsEvents.splice(0, this.rdsEvents.length - MAX_TIMELINE);
    this.newRdsEvents.push(entry);
    this.inventoryDirty = true;
  }

  /** Runs whole ticks until virtual time reaches `targetMs` (never beyond); what is due at that instant has happened. */
  advanceTo(targetMs: number): void {
    while (this.now + this.tickMs <= targetMs) this.step();
    this.runDue();
  }

  /** Events due by now run before the tick that starts now, so they shape that tick's traffic. */
  private runDue(): void {
    for (const action of this.queue.popDue(this.now)) action();
  }

  advanceBy(seconds: number): void {
    this.advanceTo(this.now + seconds * 1000);
  }

  /** One tick; the order is documented in service-module.ts. */
  step(): void {
    const tickStart = this.now;
    this.runDue();
    this.traffic.serve(tickStart);
    this.now += this.tickMs;
    for (const service of this.services.all) service.tick?.(tickStart);
    if (this.now % 60_000 === 0) {
      for (const closed of this.metrics.closePeriodsBefore(this.now / 1000)) this.recordClosed(closed);
      for (const service of this.services.all) service.minute?.();
      this.alarms.evaluate();
    }
    for (const listener of this.afterStep) listener();
  }

  private recordClosed(closed: ClosedPeriod): void {
    const slot = closed.series.ring.slot(closed.series.ring.length - 1);
    for (const stat of standardStats(closed.series.metricName)) {
      this.closedDatapoints.push({ series: closed.series, stat, point: [closed.start, Math.round(closed.series.statAt(slot, stat) * 1e6) / 1e6] });
    }
  }

  // ---- faults and operator actions ---------------------------------------------------------------

  /**
   * Applies a fault now (scenario Faults, or "inject now" from the UI). Parameters are validated
   * against the kind's schema; the owning service applies it; with a duration it is reverted later.
   * Throws an Error with a clear message when it cannot be applied (unknown group, bad parameters).
   */
  injectFault(type: string, parameters: Record<string, unknown>, durationSeconds?: number): FaultRecord {
    if (!Object.hasOwn(FAULT_PARAMETERS, type)) throw new Error(`unknown fault type ${type} (known: ${Object.keys(FAULT_PARAMETERS).join(', ')})`);
    const parsed = FAULT_PARAMETERS[type as FaultType].safeParse(parameters);
    if (!parsed.success) throw new Error(`${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; ')}`);
    const params = parsed.data as Record<string, unknown>;
    const effect = type === 'FailAvailabilityZone' ? this.failAvailabilityZone(params.AvailabilityZone as string) : this.dispatchFault(type, params);
    const record: FaultRecord = {
      id: `fault-${this.faults.length + 1}`,
      type: type as FaultType,
      parameters: params,
      at: this.now,
      message: effect.message,
      revertible: effect.revert !== undefined,
      ...(durationSeconds !== undefined ? { until: this.now + durationSeconds * 1000 } : {}),
    };
    this.faults.push(record);
    const resource = faultResource(params);
    this.recordTimeline({
      service: 'simulator',
      kind: 'FaultInjected',
      resource,
      message: `${type}: ${effect.message}${durationSeconds !== undefined ? ` (for ${durationSeconds} s)` : ''}`,
      text: durationSeconds !== undefined ? { code: 'fault.injectedFor', params: { kind: type, resource, seconds: durationSeconds } } : { code: 'fault.injected', params: { kind: type, resource } },
      severity: 'warning',
    });
    if (effect.revert) {
      this.reverts.set(record.id, effect.revert);
      if (durationSeconds !== undefined) this.schedule(this.now + durationSeconds * 1000, () => this.endFault(record, undefined));
    }
    this.inventoryChanged();
    return record;
  }

  /** Faults still in effect that can be undone, oldest first. */
  runningFaults(): FaultRecord[] {
    return this.faults.filter((fault) => this.reverts.has(fault.id));
  }

  /**
   * Ends a running fault now (an operator's Stop), as if its duration had run out. Throws when the
   * id names no running fault (already ended, one-shot, or unknown).
   */
  stopFault(id: string): FaultRecord {
    const fault = this.faults.find((candidate) => candidate.id === id);
    if (!fault || !this.reverts.has(id)) throw new Error(`no running fault ${id}`);
    this.endFault(fault, 'stopped');
    return fault;
  }

  private endFault(fault: FaultRecord, why: 'stopped' | undefined): void {
    const revert = this.reverts.get(fault.id);
    if (!revert) return; // already stopped by an operator before its scheduled end
    this.reverts.delete(fault.id);
    fault.endedAt = this.now;
    const message = revert() ?? `${fault.type} ended`;
    const resource = faultResource(fault.parameters);
    const text = { code: why === 'stopped' ? ('fault.stopped' as const) : ('fault.ended' as const), params: { kind: fault.type, resource } };
    this.recordTimeline({ service: 'simulator', kind: 'FaultEnded', resource, message: why === 'stopped' ? `${message} (stopped by an operator)` : message, text, severity: 'info' });
    this.inventoryChanged();
  }

  private dispatchFault(type: string, params: Record<string, unknown>): FaultEffect {
    for (const service of this.services.all) {
      const effect = service.applyFault?.(type, params);
      if (effect) return effect;
    }
    throw new Error(`${type} needs a service this scenario does not have`);
  }

  private failAvailabilityZone(zone: string): FaultEffect {
    this.world.failedAvailabilityZones.set(zone, this.now);
    return {
      message: `Availability Zone ${zone} is down: its instances stop answering and launches there fail`,
      revert: () => {
        this.world.failedAvailabilityZones.delete(zone);
        return `Availability Zone ${zone} is back`;
      },
    };
  }

  /**
   * An operator action (the UI, or a scenario's Actions), typed: the service that owns it runs it
   * (sim-action-registry.ts). Returns what happened; throws in the API's words when AWS would refuse.
   */
  perform(action: ControlAction): string {
    const message = runControlAction(this, action);
    const resource = actionResource(action);
    this.recordTimeline({ service: 'simulator', kind: 'Action', resource, message: `${action.type}: ${message}`, text: { code: 'action.ran', params: { kind: action.type, resource } }, severity: 'info' });
    this.inventoryChanged();
    return message;
  }

  /** An action in a scenario file's words (PascalCase API parameters): validated once, then `perform`. */
  runAction(type: string, parameters: Record<string, unknown>): string {
    const parsed = parseScenarioAction(type, parameters);
    if ('problems' in parsed) throw new Error(parsed.problems.length === 1 && parsed.problems[0]!.startsWith('unknown action') ? parsed.problems[0] : `${type}: ${parsed.problems.join('; ')}`);
    return this.perform(parsed.action);
  }

  /** Scenario-scheduled entries must not stop the run: a refusal becomes a timeline error. */
  private tryInjectFault(type: string, parameters: Record<string, unknown>, durationSeconds: number | undefined, path: string): void {
    try {
      this.injectFault(type, parameters, durationSeconds);
    } catch (error) {
      const reason = (error as Error).message;
      this.recordTimeline({ service: 'simulator', kind: 'FaultFailed', resource: path, message: `${path}: ${type} could not be applied: ${reason}`, text: { code: 'fault.failed', params: { kind: type, path, error: reason } }, severity: 'error' });
    }
  }

  private tryPerform(action: ControlAction, path: string): void {
    try {
      this.perform(action);
    } catch (error) {
      const reason = (error as Error).message;
      this.recordTimeline({ service: 'simulator', kind: 'ActionRefused', resource: path, message: `${path}: ${action.type} was refused: ${reason}`, text: { code: 'action.refused', params: { kind: action.type, path, error: reason } }, severity: 'error' });
    }
  }

  // ---- export and change tracking ----------------------------------------------------------------

  inventory(): Inventory {
    const parts = this.services.all.map((service) => service.inventory?.() ?? {});
    return Object.assign(
      { loadBalancers: [], targetGroups: [], autoScalingGroups: [], alarms: [], hostedZones: [], recordSets: [], healthChecks: [], dbInstances: [], lambdaFunctions: [] },
      ...parts,
    ) as Inventory;
  }

  drainChanges() {
    const changes = {
      activities: [...this.changedActivities],
      inventoryChanged: this.inventoryDirty,
      datapoints: this.closedDatapoints,
      alarmHistory: this.alarms.newHistory,
      timeline: this.newTimeline,
      rdsEvents: this.newRdsEvents,
      accessLog: this.alb.newAccessLog,
    };
    this.changedActivities = new Set();
    this.inventoryDirty = false;
    this.closedDatapoints = [];
    this.alarms.newHistory = [];
    this.newTimeline = [];
    this.newRdsEvents = [];
    this.alb.newAccessLog = [];
    return changes;
  }
}

function actionResource(action: ControlAction): string {
  return 'dbInstanceIdentifier' in action ? action.dbInstanceIdentifier : action.autoScalingGroupName;
}

function faultResource(params: Record<string, unknown>): string {
  for (const key of ['AutoScalingGroupName', 'AvailabilityZone', 'TargetGroupName', 'DBInstanceIdentifier', 'FunctionName', 'HealthCheckId', 'Name']) {
    if (typeof params[key] === 'string') return params[key] as string;
  }
  return 'traffic';
}

export function toScalingActivity(activity: SimActivity): ScalingActivity {
  return {
    activityId: activity.activityId,
    autoScalingGroupName: activity.autoScalingGroupName,
    cause: activity.cause,
    description: activity.description,
    startTime: new Date(activity.startTime).toISOString(),
    ...(activity.endTime !== undefined ? { endTime: new Date(activity.endTime).toISOString() } : {}),
    statusCode: activity.statusCode,
    ...(activity.statusMessage ? { statusMessage: activity.statusMessage } : {}),
    progress: activity.progress,
  };
}

export type { AlarmHistoryItem };
