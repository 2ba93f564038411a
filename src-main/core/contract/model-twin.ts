/**
 * A twin: a scenario exported from a real account (`flightdeck aws export`, docs/twin.md) that
 * replays that account's recorded traffic in the simulator. What the window shows of it: where it was
 * taken from, over which window, and how close the simulated curves come to the recorded ones.
 * Shared with the renderer: zod only, codes and figures, no sentences.
 */
import { z } from 'zod';
import { IsoTime } from './model-common';

export const TwinSource = z.object({
  account: z.string().regex(/^\d{12}$/),
  region: z.string().max(64),
  profile: z.string().max(256).optional(),
});
export type TwinSource = z.infer<typeof TwinSource>;

/**
 * Why a series has no error figure: it was not recorded in the account (`notRecorded`), the twin has
 * no counterpart to it (`notSimulated`), or fewer paired periods than the minimum (`notEnoughData`).
 */
export const FitVerdict = z.enum(['measured', 'notEnoughData', 'notRecorded', 'notSimulated']);
export type FitVerdict = z.infer<typeof FitVerdict>;

export const SeriesFit = z.object({
  /** What the curve is: CPU (AWS/EC2 CPUUtilization of a group), capacity (instances in service), latency (TargetResponseTime), requests. */
  kind: z.enum(['cpu', 'capacity', 'latency', 'requests']),
  /** The group, load balancer or target group name the series belongs to. */
  resource: z.string().max(512),
  namespace: z.string().max(255),
  metricName: z.string().max(255),
  stat: z.string().max(32),
  /** Periods where both the recording and the twin have a value. */
  points: z.number().int().nonnegative(),
  /** Weighted absolute percentage error Σ|twin − real| / Σ|real| (0.12 = 12 %); null unless measured. */
  error: z.number().nonnegative().nullable(),
  verdict: FitVerdict,
});
export type SeriesFit = z.infer<typeof SeriesFit>;

export const TwinFit = z.object({
  /** The error measure: weighted absolute percentage error (docs/twin.md says why). */
  method: z.literal('wape'),
  /** Fewer paired periods than this: `notEnoughData`, never a figure. */
  minPoints: z.number().int().positive(),
  series: z.array(SeriesFit).max(2_000),
});
export type TwinFit = z.infer<typeof TwinFit>;

/** The twin a simulation session runs, for the "twin of account/region/window" banner and the fit panel. */
export const TwinSummary = z.object({
  source: TwinSource,
  windowStart: IsoTime,
  windowEnd: IsoTime,
  periodSeconds: z.number().int().positive(),
  /** Values left out of the export (secrets) and replaced by placeholders. */
  placeholders: z.number().int().nonnegative(),
  /** Filled once the simulation has covered enough of the window to compare. */
  fit: TwinFit.optional(),
});
export type TwinSummary = z.infer<typeof TwinSummary>;

/** "Open as twin" under way (docs/twin.md): reading the inventory, then each GetMetricData call of the history. */
export const TwinProgress = z.object({
  stage: z.enum(['history', 'done']),
  call: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
  series: z.number().int().nonnegative(),
});
export type TwinProgress = z.infer<typeof TwinProgress>;
