/**
 * What-if backtests (issue 17 item 4, docs/backtest.md): a scenario run twice with the same seed and
 * traffic — unchanged and with a change applied — and the two compared, optionally beside what really
 * happened (an observed CloudWatch series). Shared with the renderer: zod only.
 */
import { z } from 'zod';
import { ScenarioProblem } from './model-scenario-problem';

/** The most change text (a CloudFormation-shaped overlay, YAML) a window or a file may hold. */
export const MAX_CHANGE_TEXT_CHARS = 100_000;
/** The longest backtest: two simulated days per run (both runs together are four days of simulation). */
export const MAX_BACKTEST_SECONDS = 2 * 86_400;
/** At most this many observed series beside a backtest. */
export const MAX_OBSERVED_SERIES = 50;
/** At most this many values in one observed series (two days of 1-minute datapoints, with room). */
export const MAX_OBSERVED_VALUES = 4_000;

/**
 * A real CloudWatch series over the replayed window, as GetMetricData returns it: one value per
 * period from `start` (null where there was no datapoint). A twin's `Twin.Observed` section loads
 * into this shape; a backtest puts a series beside the simulated ones when it is a group's
 * GroupInServiceInstances (capacity) or AWS/EC2 CPUUtilization (CPU), by AutoScalingGroupName.
 */
export const ObservedSeries = z
  .object({
    namespace: z.string().min(1).max(255),
    metricName: z.string().min(1).max(255),
    dimensions: z.record(z.string().max(255), z.string().max(1024)).refine((d) => Object.keys(d).length <= 30, { message: 'at most 30 dimensions' }),
    stat: z.string().min(1).max(32),
    periodSeconds: z.number().int().min(1).max(86_400),
    /** ISO 8601 time of the first value's period start. */
    start: z.string().max(40).refine((value) => Number.isFinite(Date.parse(value)), { message: 'an ISO date-time such as 2026-11-20T14:00:00Z' }),
    values: z.array(z.number().finite().nullable()).max(MAX_OBSERVED_VALUES),
  })
  .strict();
export type ObservedSeries = z.infer<typeof ObservedSeries>;

/** Totals of one run (or of reality, where the observed series allow). */
export const BacktestFigures = z.object({
  /** Instance-hours: every instance an Auto Scaling group held, each minute (launch to termination). */
  instanceHours: z.number(),
  /** Their On-Demand cost in USD (illustrative list prices, backtest/instance-prices.ts); null when a type has no price. */
  costUsd: z.number().nullable(),
  /** Minutes a group's average CPU was above its threshold, summed over groups. */
  minutesAboveTarget: z.number(),
  /**
   * Minutes a group had no CPU datapoint (no instance running, or none publishing), summed over
   * groups: they count as not above target, so a change that stops instances must not read as better.
   */
  minutesWithoutCpuData: z.number(),
  /**
   * Requests answered with 2XX or 3XX (HTTPCode_Target_2XX/3XX_Count + HTTPCode_ELB_3XX_Count): a
   * change that makes the service unreachable serves none, however cheap it is.
   */
  requestsServed: z.number(),
  /** Requests answered with 4XX or 5XX by the load balancer or a target (HTTPCode_ELB_/Target_4XX/5XX_Count). */
  requestsFailed: z.number(),
  /** HTTPCode_ELB_5XX_Count + HTTPCode_Target_5XX_Count over every load balancer. */
  http5xx: z.number(),
  /** TargetResponseTime p99 in seconds (request-weighted over the 1-minute periods); null without requests. */
  p99LatencySeconds: z.number().nullable(),
  /** The worst 1-minute p99 TargetResponseTime, seconds. */
  worstMinuteP99Seconds: z.number().nullable(),
  /** Scaling activities started during the window. */
  scalingActivities: z.number().int(),
});
export type BacktestFigures = z.infer<typeof BacktestFigures>;

/** Why a group's CPU threshold is what it is (the window says it in its language). */
export const ThresholdSource = z.enum(['targetTracking', 'stated']);

/** One Auto Scaling group in both runs: its curves per minute and its own figures. */
export const BacktestGroup = z.object({
  name: z.string(),
  /** The instance type in each run (a change may switch the launch template's). */
  instanceType: z.object({ base: z.string(), changed: z.string() }),
  /** The CPU threshold minutes above target are counted against, the same in both runs. */
  cpuThreshold: z.number(),
  thresholdSource: ThresholdSource,
  /** InService instances at the end of each minute. */
  capacity: z.object({ base: z.array(z.number()), changed: z.array(z.number()), observed: z.array(z.number().nullable()).optional() }),
  /** The group's average CPU per minute (null: no datapoint that minute). */
  cpu: z.object({ base: z.array(z.number().nullable()), changed: z.array(z.number().nullable()), observed: z.array(z.number().nullable()).optional() }),
  base: BacktestFigures,
  changed: BacktestFigures,
});
export type BacktestGroup = z.infer<typeof BacktestGroup>;

/** changed − base, and changed / base (null when base is 0 or either is unknown). */
export const BacktestDelta = z.record(z.string(), z.object({ delta: z.number().nullable(), ratio: z.number().nullable() }));

/** At most this many of the change's warnings travel with a result. */
export const MAX_BACKTEST_CHANGE_WARNINGS = 100;

/**
 * A warning the change causes (not the scenario's own), as codes and parameters: a ScenarioProblem
 * without its severity (always a warning), so the window translates it the same way
 * (`scenarioProblems.<code>`; `scenario.problem` with the English `params.message` for a diagnostic
 * without a code yet).
 */
export const BacktestChangeWarning = ScenarioProblem.omit({ severity: true });
export type BacktestChangeWarning = z.infer<typeof BacktestChangeWarning>;

export const BacktestResult = z.object({
  scenario: z.string(),
  seed: z.number(),
  /** ISO time of the first minute. */
  startTime: z.string(),
  durationSeconds: z.number().int(),
  /** One point per minute: minute i ends at startTime + (i + 1) min. */
  minutes: z.number().int(),
  /** What the change set, as paths (Resources.WebScaling.Properties.TargetTrackingConfiguration.TargetValue). */
  changedPaths: z.array(z.string().max(1000)).max(1000),
  /** Warnings the change causes (an alias that answers nothing …): read them before trusting the figures. */
  changeWarnings: z.array(BacktestChangeWarning).max(MAX_BACKTEST_CHANGE_WARNINGS).default([]),
  base: BacktestFigures,
  changed: BacktestFigures,
  delta: BacktestDelta,
  /** Reality over the same window where observed series allow (instance-hours, minutes above target). */
  observed: z.object({ instanceHours: z.number().nullable(), minutesAboveTarget: z.number().nullable(), matchedSeries: z.number().int() }).optional(),
  groups: z.array(BacktestGroup).max(500),
  /** Observed series that matched no group (namespace/metric/dimensions), said rather than dropped. */
  unmatchedObserved: z.array(z.string().max(2000)).max(50).default([]),
});
export type BacktestResult = z.infer<typeof BacktestResult>;

/** The request a window sends: the change for the loaded scenario, how long, optionally a seed and reality. */
export const BacktestRequest = z
  .object({
    change: z.string().max(MAX_CHANGE_TEXT_CHARS),
    durationSeconds: z.number().int().min(60).max(MAX_BACKTEST_SECONDS),
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    /** The CPU threshold for groups without a target-tracking CPU policy (percent; default 70). */
    cpuThreshold: z.number().min(1).max(100).optional(),
    observed: z.array(ObservedSeries).max(MAX_OBSERVED_SERIES).optional(),
  })
  .strict();
export type BacktestRequest = z.infer<typeof BacktestRequest>;

/** Pushed while a backtest runs: which run and how far (0..1). */
export const BacktestProgress = z.object({
  run: z.enum(['base', 'changed']),
  fraction: z.number().min(0).max(1),
});
export type BacktestProgress = z.infer<typeof BacktestProgress>;
