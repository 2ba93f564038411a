/**
 * The simulation engine: a virtual clock advanced in fixed ticks, an event queue for what happens at
 * a precise instant (an instance finishing its boot, a drain ending, a fault's end), and the service
 * modules (service-module.ts) that hold each AWS service's state and rules. Deterministic by
 * construction: no wall clock, no unseeded randomness, Maps iterated in insertion order, one named random
 * stream per subsystem. Same scenario + seed → same bytes.
 */
import type { AccessLogEntry, ControlAction, Inventory, RdsEvent, TimelineEvent } from '../../contract/model';
import type { AlarmHistoryItem } from './cloudwatch/alarm';
import { MetricStore, type ClosedPeriod } from './cloudwatch/metric-store';
import { standardStats } from '../../metric-catalog';
import { EventQueue, type EventHandle } from './kernel/event-queue';
import { BoundedLog } from './kernel/bounded-log';
import { ChangeLog, type ClosedDatapoint, type SimChanges } from './change-log';
import { createRandom, type Random } from './kernel/random';
import { isoTime } from './kernel/iso-time';
import type { ScenarioModel } from './scenario/load-scenario';
import type { SimulationSettings } from './scenario/sections';
import { FAULT_PARAMETERS, parseScenarioAction, type FaultType } from './scenario/timed-entries';
import { runControlAction } from './sim-action-registry';
import { parametersRefused, simRefusal } from './sim-refusals';
import { CoreError } from '../../core-error';
import { problemOf } from '../../contract-error';
import type { FaultEffect, SimRole, SimService, SimServices } from './service-module';
import { SIM_MODULES } from './sim-modules';
import type { SimContext } from './sim-context';
import { createWorld, type World } from './world';
import { isValidLeadIn, LEAD_IN_RULE } from './lead-in-rule';

export type { ClosedDatapoint, SimChanges };

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
  /**
   * False when nobody drains the changes (a headless `sim run`): closed datapoints, timeline entries
   * and the other deltas for the live bridge are then not kept at all. Default true.
   */
  trackChanges?: boolean;
  /**
   * The simulated seconds the run will cover after StartTime, when known (`sim run --duration`): the
   * metric rings are sized to the run instead of two days each. Never smaller than needed, so no
   * datapoint is dropped that a two-day ring would keep — the report stays the same bytes.
   */
  plannedSeconds?: number;
}

/** 60 s periods kept per metric series in a live session: two days, the longest chart range. */
export const METRIC_RING_PERIODS = 2880;

export class SimulationEngine implements SimContext {
  readonly world: World;
  readonly metrics: MetricStore;
  readonly settings: SimulationSettings;
  /** The scenario's StartTime: t = 0 of its timeline, rate curves and clock. */
  readonly startTime: number;
  /** Where the clock began: StartTime minus the lead-in (equal to StartTime without one). */
  readonly beginTime: number;
  readonly leadInSeconds: number;
  readonly tickMs: number;
  readonly services: SimServices;
  now: number;

  private readonly timelineLog = new BoundedLog<TimelineEvent>(MAX_TIMELINE);
  private readonly rdsEventLog = new BoundedLog<RdsEvent>(MAX_TIMELINE);
  readonly faults: FaultRecord[] = [];
  /** How to undo each running revertible fault, by FaultRecord.id, and its scheduled end if it has one. */
  private readonly reverts = new Map<string, { revert: () => string | void; end?: EventHandle }>();

  /** Called after every tick (an action being followed watches each state, however fast time runs). */
  readonly afterStep = new Set<() => void>();
  private readonly queue = new EventQueue<() => void>();
  private readonly streams = new Map<string, Random>();

  /** Change tracking, drained by the data source into pushed Updates. Off during the lead-in (drained right after). */
  readonly changes = new ChangeLog(false);

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
    this.metrics = new MetricStore(60, metricRingPeriods(this.leadInSeconds, options.plannedSeconds));
    this.world = createWorld(scenario.simulation.region);
    // The stack is created when the clock begins: health checks, alarms and schedules start from there.
    const created = this.leadInSeconds > 0 ? { ...scenario, simulation: { ...scenario.simulation, startTime: this.beginTime } } : scenario;
    // Every service is built by its module (sim-modules.ts), in module order; the optional ones only
    // when the scenario has resources of their kind. Services reach each other through `services`.
    const all: SimService[] = [];
    this.services = { all };
    const roles: Partial<Record<SimRole, SimService>> = this.services;
    for (const module of SIM_MODULES) {
      const service = module.build(this, { scenario, created });
      if (!service) continue;
      all.push(service);
      // A module with a role builds a service of that role's interface (SimModule checks it at compile time).
      if (module.role) roles[module.role] = service;
    }
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
    this.changes.tracking = options.trackChanges ?? true;
  }

  /** Target-health and health-check transitions, faults and actions, the newest MAX_TIMELINE, oldest first. */
  get timeline(): readonly TimelineEvent[] {
    return this.timelineLog.items;
  }

  /** RDS events (DescribeEvents), the newest MAX_TIMELINE, oldest first. */
  get rdsEvents(): readonly RdsEvent[] {
    return this.rdsEventLog.items;
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

  schedule(atMs: number, action: () => void): EventHandle {
    return this.queue.schedule(Math.max(atMs, this.now), action);
  }

  inventoryChanged(): void {
    this.changes.inventory();
  }

  recordTimeline(event: Omit<TimelineEvent, 'time'>): void {
    const entry = { time: isoTime(this.now), ...event };
    this.timelineLog.push(entry);
    this.changes.timelineEntry(entry);
  }

  recordRdsEvent(event: Omit<RdsEvent, 'date'>): void {
    const entry = { ...event, date: isoTime(this.now) };
    this.rdsEventLog.push(entry);
    this.changes.rdsEvent(entry);
    this.changes.inventory();
  }

  /** Runs whole ticks until virtual time reaches `targetMs` (never beyond); what is due at that instant has happened. */
  advanceTo(targetMs: number): void {
    while (this.now + this.tickMs <= targetMs) this.step();
    this.runDue();
  }

  /** Events due by now run before the tick that starts now, so they shape that tick's traffic. */
  private runDue(): void {
    this.queue.runDue(this.now, (action) => action());
  }

  advanceBy(seconds: number): void {
    this.advanceTo(this.now + seconds * 1000);
  }

  /** One tick; the order is documented in service-module.ts. */
  step(): void {
    const tickStart = this.now;
    this.runDue();
    for (const service of this.services.all) service.startTick?.(tickStart);
    for (const service of this.services.all) service.offerTraffic?.(tickStart);
    this.now += this.tickMs;
    for (const service of this.services.all) service.tick?.(tickStart);
    if (this.now % 60_000 === 0) {
      const closed = this.metrics.closePeriodsBefore(this.now / 1000, this.changes.tracking);
      if (this.changes.tracking) for (const period of closed) this.recordClosed(period);
      for (const service of this.services.all) service.minute?.();
    }
    for (const listener of this.afterStep) listener();
  }

  private recordClosed(closed: ClosedPeriod): void {
    const slot = closed.series.ring.slot(closed.series.ring.length - 1);
    for (const stat of standardStats(closed.series.metricName)) {
      this.changes.datapoint({ series: closed.series, stat, point: [closed.start, Math.round(closed.series.statAt(slot, stat) * 1e6) / 1e6] });
    }
  }

  // ---- faults and operator actions ---------------------------------------------------------------

  /**
   * Applies a fault now (scenario Faults, or "inject now" from the UI). Parameters are validated
   * against the kind's schema; the owning service applies it; with a duration it is reverted later.
   * Throws an Error with a clear message when it cannot be applied (unknown group, bad parameters).
   */
  injectFault(type: string, parameters: Record<string, unknown>, durationSeconds?: number): FaultRecord {
    const known = Object.keys(FAULT_PARAMETERS).join(', ');
    if (!Object.hasOwn(FAULT_PARAMETERS, type)) throw simRefusal('fault.unknownType', `unknown fault type ${type} (known: ${known})`, { kind: type, known });
    const schema = FAULT_PARAMETERS[type as FaultType];
    const parsed = schema.safeParse(parameters);
    if (!parsed.success) throw parametersRefused('fault.parameterInvalid', type, schema, parameters, `${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; ')}`);
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
      // An operator's Stop cancels the scheduled end: the fault ends once, not again when its time runs out.
      const end = durationSeconds !== undefined ? this.schedule(this.now + durationSeconds * 1000, () => this.endFault(record, undefined)) : undefined;
      this.reverts.set(record.id, { revert: effect.revert, ...(end ? { end } : {}) });
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
    if (!fault || !this.reverts.has(id)) throw simRefusal('fault.notRunning', `no running fault ${id}`, { id });
    this.endFault(fault, 'stopped');
    return fault;
  }

  private endFault(fault: FaultRecord, why: 'stopped' | undefined): void {
    const running = this.reverts.get(fault.id);
    if (!running) return;
    this.reverts.delete(fault.id);
    running.end?.cancel();
    fault.endedAt = this.now;
    const message = running.revert() ?? `${fault.type} ended`;
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
    throw simRefusal('fault.serviceMissing', `${type} needs a service this scenario does not have`, { kind: type });
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
    if ('problems' in parsed) throw parsed.refusal;
    return this.perform(parsed.action);
  }

  /** Scenario-scheduled entries must not stop the run: a refusal becomes a timeline error. */
  private tryInjectFault(type: string, parameters: Record<string, unknown>, durationSeconds: number | undefined, path: string): void {
    try {
      this.injectFault(type, parameters, durationSeconds);
    } catch (error) {
      const reason = (error as Error).message;
      this.recordTimeline({ service: 'simulator', kind: 'FaultFailed', resource: path, message: `${path}: ${type} could not be applied: ${reason}`, text: { code: 'fault.failed', params: { kind: type, path, error: reason, ...errorProblemParams(error) } }, severity: 'error' });
    }
  }

  private tryPerform(action: ControlAction, path: string): void {
    try {
      this.perform(action);
    } catch (error) {
      const reason = (error as Error).message;
      this.recordTimeline({ service: 'simulator', kind: 'ActionRefused', resource: path, message: `${path}: ${action.type} was refused: ${reason}`, text: { code: 'action.refused', params: { kind: action.type, path, error: reason, ...errorProblemParams(error) } }, severity: 'error' });
    }
  }

  // ---- export and change tracking ----------------------------------------------------------------

  inventory(): Inventory {
    const parts = this.services.all.map((service) => service.inventory?.() ?? {});
    return Object.assign(
      { loadBalancers: [], targetGroups: [], autoScalingGroups: [], alarms: [], hostedZones: [], recordSets: [], healthChecks: [], dbInstances: [], dbSnapshots: [], lambdaFunctions: [], webAcls: [] },
      ...parts,
    ) as Inventory;
  }

  /** What changed since the last drain (empty lists when the engine does not track changes). */
  drainChanges(): SimChanges {
    return this.changes.drain();
  }

  /** CloudWatch alarm history (DescribeAlarmHistory), the newest MAX_ALARM_HISTORY, oldest first. */
  get alarmHistory(): readonly AlarmHistoryItem[] {
    return this.services.alarms?.history ?? [];
  }

  /** The load balancers' sampled access log (ALB-9), the newest ACCESS_LOG_CAPACITY, oldest first. */
  accessLogInOrder(): AccessLogEntry[] {
    return this.services.loadBalancers?.accessLogInOrder() ?? [];
  }
}

/**
 * Periods per metric ring: two days, or — for a run of known length — just enough for the lead-in and
 * the run (plus the open period and one spare), whichever is smaller.
 */
export function metricRingPeriods(leadInSeconds: number, plannedSeconds: number | undefined): number {
  if (plannedSeconds === undefined) return METRIC_RING_PERIODS;
  return Math.min(METRIC_RING_PERIODS, Math.ceil((leadInSeconds + plannedSeconds) / 60) + 2);
}

function actionResource(action: ControlAction): string {
  if (action.type === 'RestoreDBInstanceToPointInTime') return action.sourceDBInstanceIdentifier;
  return 'dbInstanceIdentifier' in action ? action.dbInstanceIdentifier : action.autoScalingGroupName;
}

function faultResource(params: Record<string, unknown>): string {
  for (const key of ['AutoScalingGroupName', 'AvailabilityZone', 'TargetGroupName', 'DBInstanceIdentifier', 'FunctionName', 'HealthCheckId', 'Name', 'Path']) {
    if (typeof params[key] === 'string') return params[key] as string;
  }
  return 'traffic';
}

export type { AlarmHistoryItem };

/**
 * A refusal's problem code and parameters for a timeline entry (`errorCode`, `error.<name>`), so the
 * window words it as it words a refused request; `error` keeps the English for the CLI.
 */
function errorProblemParams(error: unknown): Record<string, string | number> {
  const problem = error instanceof CoreError ? problemOf(error) : undefined;
  if (!problem) return {};
  return { errorCode: problem.code, ...Object.fromEntries(Object.entries(problem.params).map(([name, value]) => [`error.${name}`.slice(0, 64), value])) };
}
