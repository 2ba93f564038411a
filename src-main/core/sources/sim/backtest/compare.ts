/**
 * The comparison of a backtest (docs/backtest.md), pure: two runs' samples (and optionally what
 * really happened) in, figures, deltas and ratios and the per-minute curves out. No engine, no clock.
 *
 * Minutes above target are counted against ONE threshold per group, the same in both runs: the
 * unchanged scenario's target-tracking CPU target (its lowest, when a group has several), else the
 * stated threshold. So lowering a target from 50 to 40 is judged by the minutes above 50 it saves.
 */
import type { BacktestChangeWarning, BacktestFigures, BacktestGroup, BacktestResult, ObservedSeries } from '../../../contract/model-backtest';
import { MAX_BACKTEST_CHANGE_WARNINGS } from '../../../contract/model-backtest';
import type { InstanceTypeOverrides } from '../scenario/sections';
import { hourlyPrice } from './instance-prices';
import type { GroupSamples, RunSamples } from './run-samples';

export type { ObservedSeries } from '../../../contract/model-backtest';

/** The threshold for groups without a target-tracking CPU policy, percent (docs/backtest.md). */
export const DEFAULT_CPU_THRESHOLD = 70;

export interface CompareInput {
  scenario: string;
  seed: number;
  base: RunSamples;
  changed: RunSamples;
  /** Simulation.InstanceTypes of each run (prices and capacities may differ). */
  baseInstanceTypes?: InstanceTypeOverrides;
  changedInstanceTypes?: InstanceTypeOverrides;
  changedPaths: string[];
  changeWarnings?: BacktestChangeWarning[];
  cpuThreshold?: number;
  observed?: readonly ObservedSeries[];
}

export function compareRuns(input: CompareInput): BacktestResult {
  const { base, changed } = input;
  const minutes = base.minutes;
  const stated = input.cpuThreshold ?? DEFAULT_CPU_THRESHOLD;
  const changedByName = new Map(changed.groups.map((group) => [group.name, group]));
  const observed = matchObserved(input.observed ?? [], base.groups.map((group) => group.name), base.startTime, minutes);

  const groups: BacktestGroup[] = base.groups.map((baseGroup) => {
    const changedGroup = changedByName.get(baseGroup.name) ?? baseGroup;
    const target = baseGroup.cpuTargets[0];
    const threshold = target ?? stated;
    const real = observed.byGroup.get(baseGroup.name);
    return {
      name: baseGroup.name,
      instanceType: { base: baseGroup.instanceType, changed: changedGroup.instanceType },
      cpuThreshold: threshold,
      thresholdSource: target !== undefined ? 'targetTracking' : 'stated',
      capacity: { base: baseGroup.inService, changed: changedGroup.inService, ...(real?.capacity ? { observed: real.capacity } : {}) },
      cpu: { base: baseGroup.cpu, changed: changedGroup.cpu, ...(real?.cpu ? { observed: real.cpu } : {}) },
      base: groupFigures(baseGroup, threshold, input.baseInstanceTypes),
      changed: groupFigures(changedGroup, threshold, input.changedInstanceTypes),
    };
  });

  const baseFigures = runFigures(base, groups.map((group) => group.base));
  const changedFigures = runFigures(changed, groups.map((group) => group.changed));
  const result: BacktestResult = {
    scenario: input.scenario,
    seed: input.seed,
    startTime: new Date(base.startTime).toISOString(),
    durationSeconds: minutes * 60,
    minutes,
    changedPaths: input.changedPaths,
    changeWarnings: (input.changeWarnings ?? []).slice(0, MAX_BACKTEST_CHANGE_WARNINGS),
    base: baseFigures,
    changed: changedFigures,
    delta: deltas(baseFigures, changedFigures),
    groups,
    unmatchedObserved: observed.unmatched.slice(0, 50),
  };
  if (observed.byGroup.size > 0) result.observed = observedFigures(groups, observed.matched);
  return result;
}

function groupFigures(group: GroupSamples, threshold: number, instanceTypes: InstanceTypeOverrides | undefined): BacktestFigures {
  const instanceHours = group.billed.reduce((sum, count) => sum + count, 0) / 60;
  const price = hourlyPrice(group.instanceType, instanceTypes);
  return {
    instanceHours: round(instanceHours),
    costUsd: price === undefined ? (instanceHours === 0 ? 0 : null) : round(instanceHours * price),
    minutesAboveTarget: group.cpu.filter((value) => value !== null && value > threshold).length,
    minutesWithoutCpuData: group.cpu.filter((value) => value === null).length,
    // The group's target groups: target 5XX and their latency (ELB 5XX belong to no target group).
    ...group.requests,
    scalingActivities: group.activities,
  };
}

function runFigures(run: RunSamples, groups: BacktestFigures[]): BacktestFigures {
  const costs = groups.map((group) => group.costUsd);
  return {
    instanceHours: round(groups.reduce((sum, group) => sum + group.instanceHours, 0)),
    costUsd: costs.some((cost) => cost === null) ? null : round(costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0)),
    minutesAboveTarget: groups.reduce((sum, group) => sum + group.minutesAboveTarget, 0),
    minutesWithoutCpuData: groups.reduce((sum, group) => sum + group.minutesWithoutCpuData, 0),
    http5xx: run.http5xx,
    requestsServed: run.requestsServed,
    requestsFailed: run.requestsFailed,
    p99LatencySeconds: run.p99LatencySeconds,
    worstMinuteP99Seconds: run.worstMinuteP99Seconds,
    scalingActivities: groups.reduce((sum, group) => sum + group.scalingActivities, 0),
  };
}

/** changed − base and changed / base for every figure (null when either is unknown, ratio null when base is 0). */
export function deltas(base: BacktestFigures, changed: BacktestFigures): BacktestResult['delta'] {
  const out: BacktestResult['delta'] = {};
  for (const key of Object.keys(base) as (keyof BacktestFigures)[]) {
    const a = base[key];
    const b = changed[key];
    if (a === null || b === null) out[key] = { delta: null, ratio: null };
    else out[key] = { delta: round(b - a), ratio: a === 0 ? null : round(b / a) };
  }
  return out;
}

interface MatchedGroup {
  capacity?: (number | null)[];
  cpu?: (number | null)[];
}

/**
 * Observed series beside the simulated groups: AWS/AutoScaling GroupInServiceInstances (capacity) and
 * AWS/EC2 CPUUtilization (CPU) with an AutoScalingGroupName dimension naming a group, resampled to the
 * backtest's minutes (each minute takes the value of the observed period that contains it).
 */
function matchObserved(series: readonly ObservedSeries[], groupNames: string[], startTime: number, minutes: number): { byGroup: Map<string, MatchedGroup>; unmatched: string[]; matched: number } {
  const names = new Set(groupNames);
  const byGroup = new Map<string, MatchedGroup>();
  const unmatched: string[] = [];
  let matched = 0;
  for (const one of series) {
    const group = one.dimensions.AutoScalingGroupName;
    const kind = one.namespace === 'AWS/AutoScaling' && one.metricName === 'GroupInServiceInstances' ? 'capacity' : one.namespace === 'AWS/EC2' && one.metricName === 'CPUUtilization' ? 'cpu' : undefined;
    if (!kind || group === undefined || !names.has(group) || Object.keys(one.dimensions).length !== 1) {
      unmatched.push(`${one.namespace} ${one.metricName} ${JSON.stringify(one.dimensions)}`.slice(0, 2000));
      continue;
    }
    const entry = byGroup.get(group) ?? {};
    entry[kind] = resample(one, startTime, minutes);
    byGroup.set(group, entry);
    matched++;
  }
  return { byGroup, unmatched, matched };
}

/** One value per backtest minute from an observed series of any period (null outside it or where it had none). */
export function resample(series: ObservedSeries, startTime: number, minutes: number): (number | null)[] {
  const from = Date.parse(series.start);
  const out = new Array<number | null>(minutes).fill(null);
  for (let minute = 0; minute < minutes; minute++) {
    const index = Math.floor((startTime + minute * 60_000 - from) / (series.periodSeconds * 1000));
    if (index >= 0 && index < series.values.length) out[minute] = series.values[index] ?? null;
  }
  return out;
}

/** Reality's instance-hours and minutes above target, over the groups whose series were observed. */
function observedFigures(groups: BacktestGroup[], matched: number): NonNullable<BacktestResult['observed']> {
  let hours: number | null = null;
  let above: number | null = null;
  for (const group of groups) {
    if (group.capacity.observed) hours = (hours ?? 0) + group.capacity.observed.reduce<number>((sum, value) => sum + (value ?? 0), 0) / 60;
    if (group.cpu.observed) above = (above ?? 0) + group.cpu.observed.filter((value) => value !== null && value > group.cpuThreshold).length;
  }
  return { instanceHours: hours === null ? null : round(hours), minutesAboveTarget: above, matchedSeries: matched };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
