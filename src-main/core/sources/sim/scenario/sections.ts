/**
 * The non-CloudFormation sections of a scenario: `Simulation` and `Traffic`.
 * Their keys are PascalCase like CloudFormation's, and locations use Route 53's own keys
 * (ContinentCode, CountryCode, SubdivisionCode) so they read naturally next to the Resources.
 */
import { z } from 'zod';
import { parseDuration } from '../kernel/duration';
import type { RateCurve } from '../traffic/rate-curve';
import {
  listOf,
  MAX_BOOT_SECONDS,
  MAX_CLIENT_IP_BLOCKS,
  MAX_CPU_PER_REQUEST_SECONDS,
  MAX_LATENCY_MS,
  MAX_RATE,
  MAX_RATE_POINTS,
  MAX_RATE_STEPS,
  MAX_REQUEST_CLASSES,
  MAX_SCENARIO_SECONDS,
  MAX_SHARE,
  MAX_START_TIME,
  MIN_START_TIME,
  numberIn,
} from './limits';
import { codedCheck, problemParams, valueProblemParams } from './section-issues';
import { isValidLeadIn, LEAD_IN_RULE } from '../lead-in-rule';
import { parseCidr } from '../waf/cidr';

/** Seconds, written `30s`, `10m`, `2h` or as a number; at most `maxSeconds` (a digit string cannot overflow past it). */
const durationUpTo = (what: string, maxSeconds: number, note = '') =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration (use e.g. 30s, 10m, 2h)`, params: problemParams('value.notADuration', { value: String(value) }) });
      return z.NEVER;
    }
    if (!(seconds <= maxSeconds)) {
      const given = typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value;
      ctx.addIssue({ code: 'custom', message: `${what} must be between 0 and ${maxSeconds} seconds${note}; got ${given}`, params: valueProblemParams('value.durationAboveMaximum', { maxSeconds }) });
      return z.NEVER;
    }
    return seconds;
  });
/** An offset or a length within the scenario's time span. */
const span = (what: string) => durationUpTo(what, MAX_SCENARIO_SECONDS, ' (366 days)');

const timeOfDay = z.string().transform((value, ctx) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a time of day HH:MM (UTC)`, params: problemParams('value.notATimeOfDay', { value }) });
    return z.NEVER;
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60;
});

const rate = numberIn('Rate', 0, MAX_RATE, { why: 'requests per second of one population' });

export const RateSchema = z.union([
  rate.transform((value): RateCurve => ({ kind: 'constant', value })),
  z.object({ Constant: rate }).strict().transform((v): RateCurve => ({ kind: 'constant', value: v.Constant })),
  z
    .object({ Ramp: z.object({ From: rate, To: rate, Start: span('Start').optional(), Over: span('Over') }).strict() })
    .strict()
    .transform((v): RateCurve => ({ kind: 'ramp', from: v.Ramp.From, to: v.Ramp.To, startSeconds: v.Ramp.Start ?? 0, overSeconds: v.Ramp.Over })),
  z
    .object({ Diurnal: z.object({ Min: rate, Max: rate, PeakAt: timeOfDay }).strict() })
    .strict()
    .transform((v): RateCurve => ({ kind: 'diurnal', min: v.Diurnal.Min, max: v.Diurnal.Max, peakSecondOfDay: v.Diurnal.PeakAt })),
  z
    .object({ Spike: z.object({ Base: rate, Peak: rate, At: span('At'), Duration: span('Duration') }).strict() })
    .strict()
    .transform((v): RateCurve => ({ kind: 'spike', base: v.Spike.Base, peak: v.Spike.Peak, atSeconds: v.Spike.At, durationSeconds: v.Spike.Duration })),
  z
    .object({ Points: listOf('Points', z.tuple([span('A point\'s time'), rate]), MAX_RATE_POINTS).min(1) })
    .strict()
    .transform((v): RateCurve => ({ kind: 'points', points: [...v.Points].sort((a, b) => a[0] - b[0]) })),
  // A recorded history replayed period by period (flightdeck aws export, docs/twin.md): each value holds
  // for `Every`, so the requests of each period are the recorded ones, not a line between averages.
  z
    .object({
      Steps: z
        .object({
          Every: durationUpTo('Every', 86_400, ' (one day)').refine((seconds) => seconds >= 1, codedCheck('value.durationBelowMinimum', 'Every must be at least 1 second', { minSeconds: 1 })),
          Values: listOf('Values', rate, MAX_RATE_STEPS, 'seven days at one minute').min(1),
        })
        .strict(),
    })
    .strict()
    .transform((v): RateCurve => ({ kind: 'steps', everySeconds: v.Steps.Every, values: v.Steps.Values })),
]);

export const LocationSchema = z
  .object({
    ContinentCode: z.enum(['AF', 'AN', 'AS', 'EU', 'OC', 'NA', 'SA']).optional(),
    CountryCode: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 country code').optional(),
    SubdivisionCode: z.string().max(3).optional(),
  })
  .strict();

const share = z.number().min(0).max(1);

const cpuPerRequest = durationUpTo('CpuPerRequest', MAX_CPU_PER_REQUEST_SECONDS);

/** One kind of request in a population's mix: path (and host) decide the listener rule (ALB-1…3). */
export const RequestClassSchema = z
  .object({
    Path: z.string().startsWith('/', 'a path starts with /'),
    Host: z.string().optional(),
    /** The HTTP method (default GET), for http-request-method rule conditions. */
    Method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
    /** Request headers, for http-header rule conditions (at most 10 of 1 KiB: our bound). */
    Headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name is letters, digits and hyphens'), z.string().max(1024))
      .refine((headers) => Object.keys(headers).length <= 10, codedCheck('value.tooManyKeys', 'at most 10 headers per request class', { maximum: 10 }))
      .optional(),
    Share: numberIn('Share', 0, MAX_SHARE).refine((share) => share > 0, codedCheck('value.numberNotAboveMinimum', 'Share must be greater than 0', { bound: 0 })),
    CpuPerRequest: cpuPerRequest.optional(),
  })
  .strict();

export const TrafficSchema = z
  .object({
    Name: z.string().min(1),
    /**
     * What the clients call: an ALB's DNSName or a Route 53 record name; a Lambda function (LAM-8); a
     * DB instance's DBInstanceIdentifier (clients querying it directly; Database.WriteShare splits reads and writes);
     * an API Gateway HTTP API (its id, `!Ref Api`, or its endpoint, `!GetAtt Api.ApiEndpoint`; Requests give
     * methods and paths); or an S3 bucket (its name, `!Ref Bucket`; Rate is PUTs per second, Keys the keys).
     */
    Target: z.string().min(1),
    Location: LocationSchema.optional(),
    Rate: RateSchema,
    /** Relative standard deviation of per-tick noise on the rate (0.05 = ±5 %). */
    Noise: z.number().min(0).max(1).optional(),
    /** CPU time one request costs on a target instance (default for every class in Requests). */
    CpuPerRequest: cpuPerRequest.optional(),
    /**
     * Where the requests come from, for WAF IP sets and rate-based rules: CIDR blocks and their relative
     * weights (default: TEST-NET-3, 203.0.113.0/24). A few addresses of each block are the clients.
     */
    ClientIps: listOf('ClientIps', z.object({ Cidr: z.string().max(50).refine((cidr) => parseCidr(cidr) !== undefined, codedCheck('value.notACidr', 'Cidr is a CIDR block such as 203.0.113.0/24 or 2001:db8::/64')), Weight: numberIn('Weight', 0, MAX_SHARE).optional() }).strict(), MAX_CLIENT_IP_BLOCKS).min(1).optional(),
    /** The mix of paths and host headers; shares are relative. Default: everything to `/`. */
    Requests: listOf('Requests', RequestClassSchema, MAX_REQUEST_CLASSES).min(1).optional(),
    /** Share of served requests that read / write the database; reads spread over the primary's replicas. */
    Database: z.object({ DBInstanceIdentifier: z.string().min(1), ReadShare: share.optional(), WriteShare: share.optional() }).strict().optional(),
    /** Share of served requests that call a Lambda function synchronously. */
    Lambda: z.object({ FunctionName: z.string().min(1), Share: share }).strict().optional(),
    /**
     * LAM-8: when Target is a Lambda function (its name or `!GetAtt Fn.Arn`), the clients invoke it
     * directly: `RequestResponse` (default, synchronous) or `Event` (asynchronous: Lambda queues the
     * event, retries function errors twice, drops events past their maximum age) — API_Invoke.
     */
    InvocationType: z.enum(['RequestResponse', 'Event']).optional(),
    /**
     * S3EV-4: when Target is an S3 bucket (its name, `!Ref Bucket`), Rate counts PutObject requests per
     * second and Keys the object keys they write, by relative share (`*` in a key stands for a generated
     * part: `uploads/*.jpg`). Default: every PUT writes the key `object`.
     */
    Keys: listOf('Keys', z.object({ Key: z.string().min(1).max(1024), Share: numberIn('Share', 0, MAX_SHARE).refine((s) => s > 0, codedCheck('value.numberNotAboveMinimum', 'Share must be greater than 0', { bound: 0 })) }).strict(), MAX_REQUEST_CLASSES).min(1).optional(),
  })
  .strict();
export type TrafficInput = z.output<typeof TrafficSchema>;

export const SimulationSchema = z
  .object({
    StartTime: z
      .union([z.string(), z.date()])
      .transform((value, ctx) => {
        const time = value instanceof Date ? value.getTime() : Date.parse(value);
        if (!Number.isFinite(time)) {
          ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not an ISO date-time such as 2026-11-20T14:00:00Z`, params: problemParams('value.notADateTime', { value: String(value) }) });
          return z.NEVER;
        }
        if (time < MIN_START_TIME || time > MAX_START_TIME) {
          const [min, max, given] = [new Date(MIN_START_TIME).toISOString(), new Date(MAX_START_TIME).toISOString(), String(value instanceof Date ? value.toISOString() : value)];
          ctx.addIssue({ code: 'custom', message: `StartTime must be between ${min} and ${max}; got ${given}`, params: problemParams('value.dateTimeOutOfRange', { field: 'StartTime', min, max, value: given }) });
          return z.NEVER;
        }
        return time;
      })
      .optional(),
    Seed: numberIn('Seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, { integer: true }).optional(),
    Tick: span('Tick').optional(),
    Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1').optional(),
    InstanceBootTime: durationUpTo('InstanceBootTime', MAX_BOOT_SECONDS).optional(),
    /**
     * false (default): the stack is already running at StartTime — each group's instances are InService
     * and their targets healthy, so traffic is served from the first tick. true: the stack is created
     * at StartTime — instances boot and targets pass their health checks first, and requests meanwhile
     * fail as HTTPCode_ELB_5XX_Count (503, no healthy target), as a freshly created stack would.
     */
    ColdStart: z.boolean().optional(),
    /**
     * EC2-1: whether each instance also publishes its own AWS/EC2 CPUUtilization series (dimension
     * InstanceId), as EC2 does, besides its Auto Scaling group's. See docs/metrics.md for the default.
     */
    InstanceMetrics: z.boolean().optional(),
    /**
     * Latency from client locations to AWS regions, for latency routing (R53-2), overriding the
     * built-in great-circle model: `{ DE: { eu-central-1: 12, us-east-1: 95 }, EU: { … } }`. Keys are
     * a subdivision (US-CA), a country (DE), a continent (EU) or a region; the most specific wins.
     */
    Latency: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a location code such as EU, DE, US-CA or an AWS region'), z.record(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1'), numberIn('Latency', 0, MAX_LATENCY_MS, { why: 'milliseconds' }))).optional(),
    /** The account's regional Lambda concurrency quota (LAM-1; AWS default 1,000). */
    LambdaConcurrencyLimit: z.number().int().min(100).max(100_000).optional(),
    /**
     * History simulated before StartTime, as fast as the CPU allows, so charts open filled (lead-in.ts):
     * whole minutes, 0 to 24 h. The scenario's clock, Faults and Actions still count from StartTime.
     */
    LeadIn: durationUpTo('LeadIn', 86_400, ' (24 h)').refine((seconds) => isValidLeadIn(seconds), codedCheck('value.leadInInvalid', LEAD_IN_RULE)).optional(),
    /**
     * Per instance type, the simulator's figures instead of its built-in table (build-asg.ts): Vcpus is
     * the CPU-seconds an instance serves per second (its capacity), HourlyPrice the On-Demand USD per
     * hour a backtest bills it at (backtest/instance-prices.ts). A what-if backtest changes these to
     * ask "what if this type were bigger" (docs/backtest.md). At most 100 types.
     */
    InstanceTypes: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as c5.large'),
        z.object({ Vcpus: z.number().int().min(1).max(448).optional(), HourlyPrice: z.number().min(0).max(1000).optional() }).strict(),
      )
      .refine((types) => Object.keys(types).length <= 100, codedCheck('value.tooManyKeys', 'at most 100 instance types', { maximum: 100 }))
      .optional(),
  })
  .strict();

/** Simulation.InstanceTypes as loaded: capacity and price per instance type, each optional. */
export type InstanceTypeOverrides = Record<string, { vcpus?: number; hourlyPrice?: number }>;

export interface SimulationSettings {
  /** Epoch milliseconds. */
  startTime: number;
  seed: number;
  tickSeconds: number;
  region: string;
  instanceBootSeconds: number;
  /** Simulation.ColdStart: the stack is created at StartTime instead of already running. */
  coldStart?: boolean;
  /** Simulation.InstanceMetrics (EC2-1): per-instance CPUUtilization series besides the group's. */
  instanceMetrics?: boolean;
  lambdaConcurrencyLimit?: number;
  /** Location code → region → milliseconds (Simulation.Latency). */
  latency?: Record<string, Record<string, number>>;
  /** Simulation.LeadIn in seconds: history simulated before startTime. */
  leadInSeconds?: number;
  /** Simulation.InstanceTypes: vCPUs and price per instance type, over the built-in tables. */
  instanceTypes?: InstanceTypeOverrides;
}

/** Defaults chosen for a lively but readable default run; every one is overridable in the file. */
export const SIMULATION_DEFAULTS: SimulationSettings = {
  startTime: Date.UTC(2026, 10, 20, 14, 0, 0),
  seed: 1,
  tickSeconds: 5,
  region: 'us-east-1',
  // AWS documents no boot time; 60 s is a typical Amazon Linux boot plus user data (our choice).
  instanceBootSeconds: 60,
};
