/**
 * The `Twin` section of a scenario (docs/twin.md): where the twin was exported from, the window it
 * replays, the secrets left out, the recorded series it is compared with, and the fitted parameters.
 * Written by `flightdeck aws export`, read by the scenario loader (`loaded.twin`), used by the fit
 * report (compare.ts) and the backtest's "compare with reality". Bounded like every input.
 */
import { z } from 'zod';
import type { TwinSource } from '../contract/model-twin';
import { codedCheck, problemParams } from '../coded-checks';

/** Recorded series in one twin (our bound: 24 h of a few hundred resources' standard metrics). */
export const MAX_OBSERVED_SERIES = 2_000;
/** Values per recorded series: seven days at one minute (our bound; the export writes ≤ 1,000). */
export const MAX_OBSERVED_VALUES = 10_080;
/** Placeholders in one twin (our bound). */
export const MAX_PLACEHOLDERS = 10_000;
/** The longest window a twin may replay: 31 days (CloudWatch keeps 5-minute data 63 days). */
export const MAX_WINDOW_SECONDS = 31 * 86_400;

const isoTime = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(time)) {
    ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not an ISO date-time such as 2026-12-06T00:00:00Z`, params: problemParams('value.notADateTime', { value: String(value) }) });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});

const finite = z.number().refine(Number.isFinite, codedCheck('value.wrongType', 'a finite number', { expectedKind: 'number' }));

const ObservedSchema = z
  .object({
    Namespace: z.string().min(1).max(255),
    MetricName: z.string().min(1).max(255),
    Dimensions: z.record(z.string().min(1).max(255), z.string().max(1024)).refine((d) => Object.keys(d).length <= 30, codedCheck('value.tooManyKeys', 'at most 30 dimensions (CloudWatch)', { maximum: 30 })),
    Stat: z.string().min(1).max(32),
    Values: z
      .array(finite.nullable())
      .max(MAX_OBSERVED_VALUES, `at most ${MAX_OBSERVED_VALUES} values per series (seven days at one minute)`),
  })
  .strict();

const PlaceholderSchema = z.object({ Resource: z.string().min(1).max(255), Path: z.string().min(1).max(1024) }).strict();

/** Per-request CPU cost of one group's requests, fitted from its recorded CPU against its requests. */
const CpuFitSchema = z
  .object({
    AutoScalingGroupName: z.string().min(1).max(255),
    TargetGroupName: z.string().max(255).optional(),
    VCpus: z.number().int().positive().max(512),
    /** Seconds of CPU per request; null when there was not enough data to fit. */
    CpuPerRequestSeconds: finite.nonnegative().nullable(),
    Points: z.number().int().nonnegative(),
    /** WAPE of the fitted line over the recorded points; null when not fitted. */
    FitError: finite.nonnegative().nullable(),
  })
  .strict();

/** Service time implied by a load balancer's recorded TargetResponseTime (the simulator's latency model). */
const LatencyFitSchema = z
  .object({
    LoadBalancerName: z.string().min(1).max(255),
    ServiceSeconds: finite.nonnegative().nullable(),
    Points: z.number().int().nonnegative(),
    FitError: finite.nonnegative().nullable(),
  })
  .strict();

export const TwinSectionSchema = z
  .object({
    Source: z.object({ Account: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id'), Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1'), Profile: z.string().max(256).optional() }).strict(),
    Window: z.object({ Start: isoTime, End: isoTime }).strict(),
    PeriodSeconds: z.number().int().min(60).max(86_400).refine((p) => p % 60 === 0, codedCheck('value.notMultipleOf', 'PeriodSeconds is a multiple of 60 (CloudWatch periods)', { divisor: 60 })),
    Placeholders: z.array(PlaceholderSchema).max(MAX_PLACEHOLDERS).default([]),
    Observed: z.array(ObservedSchema).max(MAX_OBSERVED_SERIES, `at most ${MAX_OBSERVED_SERIES} recorded series`).default([]),
    Calibration: z
      .object({
        Method: z.string().max(200).optional(),
        CpuPerRequest: z.array(CpuFitSchema).max(MAX_OBSERVED_SERIES).default([]),
        Latency: z.array(LatencyFitSchema).max(MAX_OBSERVED_SERIES).default([]),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((twin, ctx) => {
    const seconds = (Date.parse(twin.Window.End) - Date.parse(twin.Window.Start)) / 1000;
    if (!(seconds > 0) || seconds > MAX_WINDOW_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['Window', 'End'], message: `Window.End must be after Window.Start and at most ${MAX_WINDOW_SECONDS / 86_400} days later`, params: problemParams('twin.windowInvalid', { maxDays: MAX_WINDOW_SECONDS / 86_400 }) });
      return;
    }
    const periods = Math.ceil(seconds / twin.PeriodSeconds);
    twin.Observed.forEach((series, index) => {
      if (series.Values.length > periods) {
        ctx.addIssue({
          code: 'custom',
          path: ['Observed', index, 'Values'],
          message: `${series.Values.length} values, but the window holds ${periods} periods of ${twin.PeriodSeconds} s`,
          params: problemParams('twin.valuesExceedWindow', { count: series.Values.length, periods, periodSeconds: twin.PeriodSeconds }),
        });
      }
    });
  });

/** One recorded series: a value per period from `start` (ISO), null where CloudWatch had no datapoint. */
export interface ObservedSeries {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: string;
  periodSeconds: number;
  start: string;
  values: (number | null)[];
}

export interface CpuCalibration {
  autoScalingGroupName: string;
  targetGroupName?: string;
  vcpus: number;
  cpuPerRequestSeconds: number | null;
  points: number;
  fitError: number | null;
}

export interface LatencyCalibration {
  loadBalancerName: string;
  serviceSeconds: number | null;
  points: number;
  fitError: number | null;
}

/** The parsed `Twin` section (`ScenarioModel.twin`). */
export interface TwinInfo {
  source: TwinSource;
  window: { start: string; end: string };
  periodSeconds: number;
  placeholders: { resource: string; path: string }[];
  observed: ObservedSeries[];
  calibration?: { method?: string; cpuPerRequest: CpuCalibration[]; latency: LatencyCalibration[] };
}

export function toTwinInfo(section: z.output<typeof TwinSectionSchema>): TwinInfo {
  return {
    source: { account: section.Source.Account, region: section.Source.Region, ...(section.Source.Profile ? { profile: section.Source.Profile } : {}) },
    window: { start: section.Window.Start, end: section.Window.End },
    periodSeconds: section.PeriodSeconds,
    placeholders: section.Placeholders.map((p) => ({ resource: p.Resource, path: p.Path })),
    observed: section.Observed.map((o) => ({
      namespace: o.Namespace,
      metricName: o.MetricName,
      dimensions: { ...o.Dimensions },
      stat: o.Stat,
      periodSeconds: section.PeriodSeconds,
      start: section.Window.Start,
      values: [...o.Values],
    })),
    ...(section.Calibration
      ? {
          calibration: {
            ...(section.Calibration.Method ? { method: section.Calibration.Method } : {}),
            cpuPerRequest: section.Calibration.CpuPerRequest.map((c) => ({
              autoScalingGroupName: c.AutoScalingGroupName,
              ...(c.TargetGroupName ? { targetGroupName: c.TargetGroupName } : {}),
              vcpus: c.VCpus,
              cpuPerRequestSeconds: c.CpuPerRequestSeconds,
              points: c.Points,
              fitError: c.FitError,
            })),
            latency: section.Calibration.Latency.map((l) => ({ loadBalancerName: l.LoadBalancerName, serviceSeconds: l.ServiceSeconds, points: l.Points, fitError: l.FitError })),
          },
        }
      : {}),
  };
}

/** The environment variable names a twin's placeholders keep, per function logical id's FunctionName (for a twin's own export). */
export function environmentNamesOf(twin: TwinInfo, functionNameOf: (logicalId: string) => string | undefined): Record<string, string[]> {
  const names: Record<string, string[]> = {};
  for (const p of twin.placeholders) {
    const match = /^Environment\.Variables\.(.+)$/.exec(p.path);
    const fn = match ? functionNameOf(p.resource) : undefined;
    if (match && fn) (names[fn] ??= []).push(match[1]!);
  }
  return names;
}
