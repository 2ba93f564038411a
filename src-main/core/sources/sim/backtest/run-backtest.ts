/**
 * A what-if backtest (issue 17 item 4, docs/backtest.md): the scenario run twice headless with the same
 * seed and traffic — unchanged, then with the change applied — and compared (compare.ts). A twin is
 * just a scenario. Both runs start cold at the scenario's StartTime (no lead-in), so they differ only
 * by the change.
 */
import { MAX_BACKTEST_CHANGE_WARNINGS, MAX_BACKTEST_SECONDS, type BacktestChangeWarning, type BacktestProgress, type BacktestResult, type ObservedSeries } from '../../../contract/model-backtest';
import type { Diagnostic } from '../scenario/diagnostics';
import type { ScenarioModel } from '../scenario/load-scenario';
import { applyChange } from './change-overlay';
import { compareRuns } from './compare';
import { sampleRun } from './run-samples';

export { BacktestCancelled } from './run-samples';
export { MAX_BACKTEST_SECONDS };

export interface BacktestOptions {
  /** The change file's YAML text (a CloudFormation-shaped overlay). */
  change: string;
  /** Shown in the change's error messages. */
  changeFile?: string;
  /** Whole minutes are simulated: rounded up to the next minute; 60 s to MAX_BACKTEST_SECONDS. */
  durationSeconds: number;
  /** Overrides the scenario's seed for both runs. */
  seed?: number;
  /** For groups without a target-tracking CPU policy (percent, default 70). */
  cpuThreshold?: number;
  /** Real series over the same window (a twin's Twin.Observed), put beside the simulated curves. */
  observed?: readonly ObservedSeries[];
  signal?: AbortSignal;
  onProgress?: (progress: BacktestProgress) => void;
  /** Awaited every few simulated minutes: a host passes a yield to its event loop. */
  pause?: () => Promise<void>;
  /** The warnings the change causes (not the scenario's own), before anything runs. */
  onChangeWarnings?: (warnings: Diagnostic[]) => void;
}

export class BacktestRangeError extends Error {}

export async function runBacktest(scenario: ScenarioModel, options: BacktestOptions): Promise<BacktestResult> {
  if (!(options.durationSeconds >= 60 && options.durationSeconds <= MAX_BACKTEST_SECONDS)) {
    throw new BacktestRangeError(`a backtest lasts from 1 minute to ${MAX_BACKTEST_SECONDS / 3600} hours per run; got ${options.durationSeconds} s`);
  }
  const seeded: ScenarioModel = options.seed === undefined ? scenario : { ...scenario, simulation: { ...scenario.simulation, seed: options.seed } };
  // The change is checked before anything runs: a typo costs no simulation.
  const { scenario: changed, changedPaths, warnings } = applyChange(seeded, options.change, options.changeFile);
  if (warnings.length > 0) options.onChangeWarnings?.(warnings);
  const minutes = Math.ceil(options.durationSeconds / 60);
  const control = (run: BacktestProgress['run']) => ({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
    onProgress: (fraction: number) => options.onProgress?.({ run, fraction }),
  });
  const base = await sampleRun(seeded, minutes, control('base'));
  const after = await sampleRun(changed, minutes, control('changed'));
  return compareRuns({
    scenario: scenario.name,
    seed: seeded.simulation.seed,
    base,
    changed: after,
    ...(seeded.simulation.instanceTypes ? { baseInstanceTypes: seeded.simulation.instanceTypes } : {}),
    ...(changed.simulation.instanceTypes ? { changedInstanceTypes: changed.simulation.instanceTypes } : {}),
    changedPaths,
    changeWarnings: warnings.slice(0, MAX_BACKTEST_CHANGE_WARNINGS).map((warning) => changeWarning(warning, options.changeFile)),
    ...(options.cpuThreshold !== undefined ? { cpuThreshold: options.cpuThreshold } : {}),
    ...(options.observed ? { observed: options.observed } : {}),
  });
}

/**
 * A change's warning as it crosses the contract: its code and parameters, or `scenario.problem` with
 * the English text for a diagnostic without a code yet; bounded as the contract bounds them.
 */
export function changeWarning(diagnostic: Diagnostic, changeFile: string | undefined): BacktestChangeWarning {
  const file = diagnostic.file ?? changeFile;
  return {
    code: diagnostic.code ?? 'scenario.problem',
    params: Object.fromEntries(Object.entries(diagnostic.params ?? { message: diagnostic.message }).map(([key, value]) => [key.slice(0, 64), typeof value === 'string' ? value.slice(0, 4000) : value])),
    ...(file !== undefined ? { file: file.slice(-1000) } : {}),
    path: diagnostic.path.slice(0, 1000),
    line: diagnostic.line,
    column: diagnostic.column,
  };
}

/**
 * An example change for a scenario: its first target-tracking policy's target moved by 10 (a CPU
 * target, preferred, lowered by 10 points or raised when that would go below 5 %; another metric's,
 * such as requests per target, lowered by a fifth in its own unit), else a group's MaxSize raised.
 */
export function exampleChange(scenario: ScenarioModel): string {
  type Tracking = { TargetValue?: number; PredefinedMetricSpecification?: { PredefinedMetricType?: string } };
  const tracking = (r: ScenarioModel['resources'][number]) => r.properties.TargetTrackingConfiguration as Tracking | undefined;
  const policies = scenario.resources.filter((r) => r.type === 'AWS::AutoScaling::ScalingPolicy' && typeof tracking(r)?.TargetValue === 'number');
  const isCpu = (r: ScenarioModel['resources'][number]) => (tracking(r)!.PredefinedMetricSpecification?.PredefinedMetricType ?? 'ASGAverageCPUUtilization') === 'ASGAverageCPUUtilization' && !(r.properties.TargetTrackingConfiguration as Record<string, unknown>).CustomizedMetricSpecification;
  const policy = policies.find(isCpu) ?? policies[0];
  if (policy) {
    const target = tracking(policy)!.TargetValue!;
    const cpu = isCpu(policy);
    const proposed = cpu ? (target - 10 >= 5 ? target - 10 : target + 10) : Math.max(1, Math.round(target * 0.8));
    const unit = cpu ? ' %' : '';
    return `# What if ${policy.logicalId} aimed at ${proposed}${unit} instead of ${target}${unit}?\nResources:\n  ${policy.logicalId}:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: ${proposed}\n`;
  }
  const group = scenario.resources.find((r) => r.type === 'AWS::AutoScaling::AutoScalingGroup');
  if (group) {
    const max = Number(group.properties.MaxSize);
    return `# What if ${group.logicalId} could grow to ${max + 2} instances?\nResources:\n  ${group.logicalId}:\n    Properties:\n      MaxSize: ${max + 2}\n`;
  }
  return '# This scenario has no Auto Scaling group to change.\nResources: {}\n';
}
