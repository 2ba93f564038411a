/**
 * Health verdicts: one model for every place that shows health (Overview tiles, the request-path
 * map, view headers, the command palette, `aws snapshot`). Core decides (core/health/), the
 * renderer translates: verdicts carry codes and parameters, never sentences.
 */
import { z } from 'zod';
import { IsoTime, TextParams } from './model-common';

/** Worst first: failing > degraded > unknown > ok. Unknown is never shown as healthy. */
export const HealthStatus = z.enum(['ok', 'degraded', 'failing', 'unknown']);
export type HealthStatus = z.infer<typeof HealthStatus>;

export const HealthReasonCode = z.enum([
  // data
  'data.stale',
  'data.missing',
  'metrics.waiting',
  // Elastic Load Balancing
  'lb.state',
  'lb.http5xx',
  'tg.noTargets',
  'tg.targetsLaunching',
  'tg.initial',
  'tg.noHealthyTargets',
  'tg.targetsUnused',
  'tg.unhealthyTargets',
  'tg.zoneUnhealthy',
  'tg.target5xx',
  'tg.healthChecksOff',
  'tg.notChecked',
  // Auto Scaling
  'asg.starting',
  'asg.launching',
  'asg.belowDesired',
  'asg.noneInService',
  'asg.noneInServiceReplacing',
  'asg.launchFailures',
  'asg.unhealthyInstances',
  // Route 53
  'hc.unhealthy',
  'hc.unknown',
  'record.outOfAnswers',
  'record.allUnhealthy',
  'record.nameAllUnhealthy',
  // RDS
  'db.notAvailable',
  'db.failover',
  'db.replicaLag',
  'db.replicaLagStale',
  'db.replicationStopped',
  'db.replicationSourceFailover',
  'db.replicationSourceDown',
  'db.replicationResuming',
  // Lambda
  'fn.errors',
  'fn.throttles',
  'fn.concurrencyLimit',
  'fn.reservedZero',
  'fn.state',
  // CloudWatch alarms
  'alarm.inAlarm',
  'alarm.scaling',
  'alarm.insufficientData',
]);
export type HealthReasonCode = z.infer<typeof HealthReasonCode>;

export const HealthReason = z.object({
  code: HealthReasonCode,
  /** The status this finding alone implies; `ok` for notes (scaling in progress, scaling alarms). */
  status: HealthStatus,
  /** The resource it is about, as an operator names it (target group, function, record …). */
  subject: z.string().max(512),
  params: TextParams.default({}),
});
export type HealthReason = z.infer<typeof HealthReason>;

export const HealthResourceKind = z.enum(['loadBalancer', 'targetGroup', 'autoScalingGroup', 'healthCheck', 'recordSet', 'dbInstance', 'lambdaFunction', 'alarm']);
export type HealthResourceKind = z.infer<typeof HealthResourceKind>;

export const ResourceHealth = z.object({
  kind: HealthResourceKind,
  /** ARN, name or record key (hostedZoneId|name|type|setIdentifier): see core/health/ids. */
  id: z.string().max(2048),
  name: z.string().max(512),
  status: HealthStatus,
  reasons: z.array(HealthReason),
});
export type ResourceHealth = z.infer<typeof ResourceHealth>;

export const HealthService = z.enum(['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch']);
export type HealthService = z.infer<typeof HealthService>;

export const ServiceHealth = z.object({
  service: HealthService,
  status: HealthStatus,
  /** Resources of this kind; 0 = none in this scenario or account. */
  total: z.number().int().nonnegative(),
  /** Numbers for the tile's summary line. */
  counts: z.record(z.string(), z.number()),
  /** Worst first; what the tile shows as "why". */
  reasons: z.array(HealthReason),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;

/**
 * The thresholds an operator may change (Settings). Defaults are what we would set on call; every
 * value is bounded so a typo cannot turn the dashboard permanently green or red.
 */
export const HealthThresholds = z
  .object({
    /** Minutes of CloudWatch data the shares below are taken over. */
    windowMinutes: z.number().int().min(1).max(60).default(5),
    /** Fewer requests (or invocations) than this in the window: too few to judge a share. */
    minRequests: z.number().int().min(1).max(1_000_000).default(100),
    /** ELB + target 5XX as a share of requests, percent. */
    http5xxDegradedPercent: z.number().min(0.01).max(100).default(1),
    http5xxFailingPercent: z.number().min(0.01).max(100).default(5),
    /** Lambda Errors / Invocations, percent. */
    lambdaErrorDegradedPercent: z.number().min(0.01).max(100).default(1),
    lambdaErrorFailingPercent: z.number().min(0.01).max(100).default(10),
    /** Lambda Throttles / (Invocations + Throttles), percent. */
    lambdaThrottleDegradedPercent: z.number().min(0.01).max(100).default(1),
    lambdaThrottleFailingPercent: z.number().min(0.01).max(100).default(10),
    /** RDS ReplicaLag above this many seconds is degraded. */
    replicaLagSeconds: z.number().min(1).max(86_400).default(30),
    /** InService below desired for longer than this (or the group's own warm-up/grace, if longer). */
    capacityShortfallSeconds: z.number().int().min(30).max(3600).default(300),
    /** Failed scaling activities this recent count. */
    failedActivityMinutes: z.number().int().min(1).max(1440).default(15),
  })
  .strict();
export type HealthThresholds = z.infer<typeof HealthThresholds>;

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = HealthThresholds.parse({});

export const HealthReport = z.object({
  /** When the verdicts are for, ISO-8601 UTC (virtual time in simulation). */
  evaluatedAt: IsoTime,
  services: z.array(ServiceHealth),
  resources: z.array(ResourceHealth),
  thresholds: HealthThresholds,
});
export type HealthReport = z.infer<typeof HealthReport>;
