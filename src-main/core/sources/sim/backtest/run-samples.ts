/**
 * One headless run of a backtest: the engine advanced a minute at a time, each Auto Scaling group's
 * instances counted at the end of every minute, and afterwards the CloudWatch series the run
 * published (group CPU, load balancer 5XX and TargetResponseTime) read back from the metric store.
 * Deterministic like the engine: the same scenario and seed give the same samples.
 */
import type { BacktestProgress } from '../../../contract/model-backtest';
import type { LifecycleState } from '../../../contract/model';
import { SimulationEngine } from '../engine';
import type { ScenarioModel } from '../scenario/load-scenario';

/** States in which EC2 bills an instance: from launch (pending → running) until it is terminated. */
const UNBILLED: ReadonlySet<LifecycleState> = new Set<LifecycleState>(['Terminated', 'Detached']);
/** How many simulated minutes run between two yields to the event loop (and progress reports). */
const MINUTES_PER_SLICE = 20;

export interface GroupSamples {
  name: string;
  instanceType: string;
  /** InService instances at the end of each minute. */
  inService: number[];
  /** Billed instances (any state but Terminated/Detached) at the end of each minute. */
  billed: number[];
  /** The group's AWS/EC2 CPUUtilization Average per minute (a 5-minute datapoint covers its five minutes). */
  cpu: (number | null)[];
  /** Target-tracking targets on ASGAverageCPUUtilization (lowest first). */
  cpuTargets: number[];
  /** Scaling activities started during the window. */
  activities: number;
  /** HTTPCode_Target_5XX_Count and TargetResponseTime of the group's target groups (ELB 5XX have no target group). */
  requests: RequestFigures;
}

export interface RequestFigures {
  http5xx: number;
  /** 2XX and 3XX responses (docs/backtest.md "Requests served"). */
  requestsServed: number;
  /** 4XX and 5XX responses from the load balancer or a target. */
  requestsFailed: number;
  /** Request-weighted p99 TargetResponseTime over the 1-minute periods; null without requests. */
  p99LatencySeconds: number | null;
  worstMinuteP99Seconds: number | null;
}

export interface RunSamples extends RequestFigures {
  startTime: number;
  minutes: number;
  groups: GroupSamples[];
}

export class BacktestCancelled extends Error {
  constructor() {
    super('the backtest was cancelled');
    this.name = 'BacktestCancelled';
  }
}

export interface RunControl {
  signal?: AbortSignal;
  /** Called after each slice with the fraction done. */
  onProgress?: (fraction: number) => void;
  /** Awaited between slices so a host's event loop keeps serving (web mode, IPC). */
  pause?: () => Promise<void>;
}

export type RunName = BacktestProgress['run'];

/** Runs `scenario` for `minutes` from its StartTime (no lead-in: both runs start alike) and samples it. */
export async function sampleRun(scenario: ScenarioModel, minutes: number, control: RunControl = {}): Promise<RunSamples> {
  const engine = new SimulationEngine(scenario, { leadInSeconds: 0, trackChanges: false, plannedSeconds: minutes * 60 });
  const groups = [...engine.world.autoScalingGroups.values()];
  const inService = groups.map(() => new Array<number>(minutes).fill(0));
  const billed = groups.map(() => new Array<number>(minutes).fill(0));
  for (let minute = 0; minute < minutes; minute++) {
    if (minute % MINUTES_PER_SLICE === 0 && minute > 0) {
      control.onProgress?.(minute / minutes);
      await control.pause?.();
      if (control.signal?.aborted) throw new BacktestCancelled();
    }
    engine.advanceBy(60);
    groups.forEach((group, index) => {
      let serving = 0;
      let held = 0;
      for (const instance of group.instances.values()) {
        if (instance.lifecycleState === 'InService') serving++;
        if (!UNBILLED.has(instance.lifecycleState)) held++;
      }
      inService[index]![minute] = serving;
      billed[index]![minute] = held;
    });
  }
  control.onProgress?.(1);
  const start = engine.startTime;
  const startSeconds = start / 1000;
  const endSeconds = startSeconds + minutes * 60;
  const samples: GroupSamples[] = groups.map((group, index) => {
    // A target group's metric dimension is the end of its ARN (targetgroup/name/hex).
    const targetGroups = new Set(group.targetGroupArns.map((arn) => arn.slice(arn.lastIndexOf(':') + 1)));
    return {
      name: group.name,
      instanceType: group.instanceType,
      inService: inService[index]!,
      billed: billed[index]!,
      cpu: perMinute(engine, 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: group.name }, startSeconds, minutes),
      cpuTargets: group.policies
        .flatMap((policy) => (policy.policyType === 'TargetTrackingScaling' && policy.predefinedMetricType === 'ASGAverageCPUUtilization' ? [policy.targetValue] : []))
        .sort((a, b) => a - b),
      activities: group.activities.filter((activity) => activity.startTime >= start && activity.startTime < start + minutes * 60_000).length,
      requests: requestFigures(engine, startSeconds, endSeconds, (dimensions) => Object.keys(dimensions).length === 2 && targetGroups.has(dimensions.TargetGroup ?? '')),
    };
  });
  // Load-balancer-level series only (the one dimension LoadBalancer): target groups' would count twice.
  const whole = requestFigures(engine, startSeconds, endSeconds, (dimensions) => Object.keys(dimensions).join() === 'LoadBalancer');
  return { startTime: start, minutes, groups: samples, ...whole };
}

/** 5XX and TargetResponseTime over the window, from the AWS/ApplicationELB series `pick` chooses. */
function requestFigures(engine: SimulationEngine, startSeconds: number, endSeconds: number, pick: (dimensions: Readonly<Record<string, string>>) => boolean): RequestFigures {
  let http5xx = 0;
  let served = 0;
  let failed = 0;
  let weighted = 0;
  let requests = 0;
  let worst: number | null = null;
  const span = endSeconds - startSeconds;
  for (const series of engine.metrics.all()) {
    if (series.namespace !== 'AWS/ApplicationELB' || !pick(series.dimensions)) continue;
    // Only the class counts (…_5XX_Count), not ELB's per-code series (HTTPCode_ELB_502_Count), which they already hold.
    const responses = /^HTTPCode_(ELB|Target)_([2-5])XX_Count$/.exec(series.metricName);
    if (responses) {
      const sum = series.aggregate(startSeconds, span, 'Sum') ?? 0;
      if (responses[2] === '5') http5xx += sum;
      if (responses[2] === '2' || responses[2] === '3') served += sum;
      else failed += sum;
    } else if (series.metricName === 'TargetResponseTime') {
      const count = series.aggregate(startSeconds, span, 'SampleCount') ?? 0;
      const p99 = series.aggregate(startSeconds, span, 'p99');
      if (count > 0 && p99 !== undefined) {
        weighted += p99 * count;
        requests += count;
      }
      for (const [, value] of series.points('p99', startSeconds, endSeconds)) worst = worst === null ? value : Math.max(worst, value);
    }
  }
  return { http5xx: Math.round(http5xx), requestsServed: Math.round(served), requestsFailed: Math.round(failed), p99LatencySeconds: requests > 0 ? round(weighted / requests) : null, worstMinuteP99Seconds: worst };
}

/** A series' Average per minute of the window; a datapoint of a longer period (basic monitoring, 300 s) fills its minutes. */
function perMinute(engine: SimulationEngine, namespace: string, metricName: string, dimensions: Record<string, string>, startSeconds: number, minutes: number): (number | null)[] {
  const out = new Array<number | null>(minutes).fill(null);
  const series = engine.metrics.get(namespace, metricName, dimensions);
  if (!series) return out;
  for (const [at, value] of series.points('Average', startSeconds - series.period, startSeconds + minutes * 60)) {
    for (let t = Math.max(at, startSeconds); t < at + series.period; t += 60) {
      const minute = Math.floor((t - startSeconds) / 60);
      if (minute >= 0 && minute < minutes) out[minute] = value;
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
