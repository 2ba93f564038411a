/**
 * The domain model that both data sources (the simulator and AWS) produce and the renderer shows.
 * Field names follow the AWS APIs in camelCase (DescribeAutoScalingGroups → autoScalingGroupName,
 * desiredCapacity, …) so that an operator recognises them and AwsSource can map responses 1:1.
 *
 * This folder is shared with the renderer: it may import nothing but zod.
 */
import { z } from 'zod';
import { AccessLogEntry } from './model-alb';
import { ScalingActivity } from './model-asg';
import { AlarmHistoryItem } from './model-cloudwatch';
import { IsoTime, MetricSeries } from './model-common';
import { RdsEvent } from './model-rds';
import { HealthReport } from './model-health';
import { HealthDelta } from './health-delta';
import { Inventory, InventoryDelta } from './model-inventory';
import { InstanceCpu, OlderEntries, SkippedEntries } from './model-live';
import { FaultKindCode, TimelineText } from './model-sim-kinds';
import { TwinSummary } from './model-twin';

export * from './model-common';
export * from './model-alb';
export * from './model-asg';
export * from './model-cloudwatch';
export * from './model-route53';
export * from './model-rds';
export * from './model-lambda';
export * from './model-dns';
export * from './model-sim-kinds';
export * from './model-twin';
export * from './model-actions';
export * from './model-health';
export * from './model-inventory';
export * from './model-waf';
export * from './model-live';
export * from './health-delta';


export const Service = z.enum(['elbv2', 'autoscaling', 'cloudwatch', 'route53', 'rds', 'lambda', 'simulator']);
export type Service = z.infer<typeof Service>;

/**
 * A state change an operator looks for that has no AWS record type of its own: target-health and
 * health-check transitions, injected faults, operator actions. Scaling activities, alarm history and
 * RDS events travel in their own AWS-shaped lists.
 */
export const TimelineEvent = z.object({
  time: IsoTime,
  service: Service,
  kind: z.string(),
  resource: z.string(),
  /** English, for the CLI and logs; the renderer shows `text` when there is one. */
  message: z.string(),
  /** The entry as a code + parameters (simulator faults and actions so far). */
  text: TimelineText.optional(),
  severity: z.enum(['info', 'warning', 'error']),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** A simulator fault still in effect (sim.faults.running); times are simulated ISO-8601 UTC. */
export const RunningFault = z.object({
  id: z.string().max(64),
  type: FaultKindCode,
  parameters: z.record(z.string(), z.unknown()),
  startedAt: IsoTime,
  /** When its duration runs out; absent = until stopped or the simulation restarts. */
  until: IsoTime.optional(),
});
export type RunningFault = z.infer<typeof RunningFault>;

/** How fresh each service's data is, so the UI can show loading, staleness and per-service errors. */
/**
 * A session's or a dataset's problem as the renderer shows it: a connect-problem code or `service.*`
 * (sources/aws/credentials/connect-problem.ts, sources/aws/dataset-problem.ts) and its parameters.
 */
export const ProblemText = z.object({ code: z.string().max(80), params: z.record(z.string(), z.string().max(2000)).default({}) });
export type ProblemText = z.infer<typeof ProblemText>;

export const DatasetStatus = z.object({
  state: z.enum(['loading', 'ok', 'stale', 'error']),
  /**
   * Epoch ms of the last good data (wall clock). A numeric exception to ISO instants (IsoTime):
   * the window only subtracts it from its own clock to show an age.
   */
  fetchedAt: z.number().optional(),
  /**
   * AWS mode: how often core refreshes this dataset, and after how long without a good refresh its
   * data counts as stale (core's one rule, poll-plan.ts): the window marks data stale by this age too,
   * for when no status reaches it at all.
   */
  intervalMs: z.number().int().positive().max(86_400_000).optional(),
  staleAfterMs: z.number().int().positive().max(86_400_000).optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      /** The exact fix, e.g. `aws sso login --profile prod` or the missing IAM permission. */
      hint: z.string().optional(),
      /**
       * What the renderer shows, translated: a code + parameters (the session's problem codes and
       * `service.*`, sources/aws/dataset-problem.ts). `message`/`hint` are English for the CLI and
       * logs only; the UI never prints them (they can be SDK text).
       */
      problem: ProblemText.optional(),
    })
    .optional(),
});
export type DatasetStatus = z.infer<typeof DatasetStatus>;
export const DatasetStatuses = z.partialRecord(Service, DatasetStatus);
export type DatasetStatuses = z.infer<typeof DatasetStatuses>;

/** The simulation's clock: epoch ms, a numeric exception to ISO instants (IsoTime), being the charts' time axis. */
export const SimClock = z.object({
  /** Virtual time, epoch milliseconds. */
  now: z.number(),
  startTime: z.number(),
  running: z.boolean(),
  /** Simulated seconds per wall-clock second, as asked. */
  speed: z.number().positive(),
  /**
   * Simulated seconds per wall second actually reached over the last ~10 s of running (sim/pace-meter.ts):
   * below `speed` when this machine cannot simulate the scenario that fast. Absent until measured, and
   * after a pause, a step, a speed change or a reset.
   */
  pace: z.number().nonnegative().optional(),
});
export type SimClock = z.infer<typeof SimClock>;

export const SessionInfo = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('simulation'),
    scenarioName: z.string(),
    seed: z.number().int(),
    region: z.string(),
    /** The scenario is a twin of a real account (docs/twin.md): shown as a rehearsal banner; no AWS call is made. */
    twin: TwinSummary.omit({ fit: true }).optional(),
  }),
  z.object({
    mode: z.literal('aws'),
    profile: z.string(),
    region: z.string(),
    /** From STS GetCallerIdentity once connected. */
    accountId: z.string().optional(),
    callerArn: z.string().optional(),
    /** connected; or why not, with the fix in `credentialHint`. */
    credentialState: z.enum(['connecting', 'connected', 'offline', 'sso-expired', 'sso-missing', 'expired', 'mfa-required', 'missing', 'error']),
    credentialMessage: z.string().optional(),
    credentialHint: z.string().optional(),
    readOnly: z.boolean(),
    environmentColour: z.string().optional(),
    /** Set when the profile or environment points the SDK at a custom endpoint (moto, LocalStack). */
    customEndpoint: z.string().optional(),
    customEndpointFrom: z.enum(['env', 'profile']).optional(),
    /** The default chain: which link answered (env, container, imds …). */
    credentialSource: z.enum(['env', 'sso', 'profile', 'process', 'web-identity', 'container', 'imds']).optional(),
    /** What is wrong, as a code the renderer translates (credentialMessage/Hint stay for logs and the CLI). */
    problem: ProblemText.optional(),
  }),
]);
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The events and series a Snapshot carries whole (a subscribed window: bounded by its `newest`) and an Update carries as what is new since the last one. */
const EVENT_STREAMS = {
  scalingActivities: z.array(ScalingActivity),
  alarmHistory: z.array(AlarmHistoryItem).default([]),
  rdsEvents: z.array(RdsEvent).default([]),
  timeline: z.array(TimelineEvent).default([]),
  accessLog: z.array(AccessLogEntry).default([]),
  metrics: z.array(MetricSeries),
};

/** Sent in full when a client (re)connects; afterwards only Updates. */
export const Snapshot = z.object({
  session: SessionInfo,
  clock: SimClock.optional(),
  inventory: Inventory,
  /** The version of `inventory` (absent: 0); the next inventory delta applies to it (its `from`). */
  inventoryVersion: z.number().int().nonnegative().optional(),
  ...EVENT_STREAMS,
  datasets: DatasetStatuses.default({}),
  /** Verdicts with their reasons (core/health), for the data above. */
  health: HealthReport.optional(),
  /** The version of `health` (absent: 0); the next health delta applies to it (its `from`). */
  healthVersion: z.number().int().nonnegative().optional(),
  /** Simulation: each Auto Scaling instance's current CPU (for a subscribed window, its subscribed groups). */
  instanceCpu: InstanceCpu.optional(),
  /** Per list bounded by the window's `newest`: how many older entries the host holds (`live.older` pages through them). */
  older: OlderEntries.optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** What changed since the last Update: new datapoints only, changed activities, the inventory's changed resources. */
export const Update = z.object({
  clock: SimClock.optional(),
  inventory: InventoryDelta.optional(),
  ...EVENT_STREAMS,
  datasets: DatasetStatuses.optional(),
  /** Present when a verdict or reason changed: what changed since the report version before (health-delta.ts). */
  healthDelta: HealthDelta.optional(),
  /** Simulation: the current CPU of every instance of the groups named (replacing what was held for them). */
  instanceCpu: InstanceCpu.optional(),
  /** Entries of this Update's lists left out for this window, which asked for the newest only (`live.subscribe` newest). */
  skipped: SkippedEntries.optional(),
});
export type Update = z.infer<typeof Update>;
