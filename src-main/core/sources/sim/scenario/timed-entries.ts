/**
 * The `Faults` and `Actions` sections: timed entries `- At: 10m` (offset from the start, or an ISO
 * time), `Type: <Kind>`, the parameters named as in the AWS API, and `Duration` for faults.
 * Each kind's parameters are declared here once: the loader validates scenario files with them, the
 * live simulator validates "inject now" requests with them, and the service that owns the kind
 * implements it (applyFault in its service module; actions: the owner in sim-action-registry.ts).
 */
import { z } from 'zod';
import type { ActionOf, ActionType as ControlActionType, ControlAction } from '../../../contract/model';
import type { FaultFieldCode, FaultKindCode } from '../../../contract/model-sim-kinds';
import { listOf, MAX_GROUP_INSTANCES, MAX_LAMBDA_CONCURRENCY, MAX_METRIC_MAGNITUDE, MAX_REPLICA_LAG_SECONDS, numberIn } from './limits';
import { codedCheck } from '../../../coded-checks';
import { definedFields } from '../../../defined-fields';
import type { CoreError } from '../../../core-error';
import { parametersRefused, simRefusal } from '../sim-refusals';

const name = z.string().min(1).max(255);
const count = numberIn('Count', 1, MAX_GROUP_INSTANCES, { integer: true, why: 'instances per Auto Scaling group in the simulator' });

/** Operator actions — the same ones the UI offers. */
export const ACTION_PARAMETERS = {
  SetDesiredCapacity: z.object({ AutoScalingGroupName: name, DesiredCapacity: numberIn('DesiredCapacity', 0, MAX_GROUP_INSTANCES, { integer: true, why: 'instances per Auto Scaling group in the simulator' }), HonorCooldown: z.boolean().optional() }).strict(),
  // PolicyName: the name or ARN (API_ExecutePolicy); in a scenario also `!Ref <Policy>` or its logical id.
  ExecutePolicy: z
    .object({
      AutoScalingGroupName: name,
      PolicyName: z.string().min(1).max(1600),
      HonorCooldown: z.boolean().optional(),
      MetricValue: numberIn('MetricValue', -MAX_METRIC_MAGNITUDE, MAX_METRIC_MAGNITUDE).optional(),
      BreachThreshold: numberIn('BreachThreshold', -MAX_METRIC_MAGNITUDE, MAX_METRIC_MAGNITUDE).optional(),
    })
    .strict(),
  PromoteReadReplica: z.object({ DBInstanceIdentifier: name, BackupRetentionPeriod: z.number().int().min(0).max(35).optional() }).strict(),
  RebootDBInstance: z.object({ DBInstanceIdentifier: name, ForceFailover: z.boolean().optional() }).strict(),
  // Identifiers are checked by the shared rules when the action runs (a malformed one is refused, on the timeline).
  CreateDBSnapshot: z.object({ DBInstanceIdentifier: name, DBSnapshotIdentifier: z.string().min(1).max(300) }).strict(),
  RestoreDBInstanceToPointInTime: z
    .object({
      SourceDBInstanceIdentifier: name,
      TargetDBInstanceIdentifier: z.string().min(1).max(300),
      // An ISO time, as the API takes it; it must fall in the source's restorable window when the action runs.
      RestoreTime: z.string().min(1).max(40).optional(),
      UseLatestRestorableTime: z.boolean().optional(),
      MultiAZ: z.boolean().optional(),
    })
    .strict(),
} satisfies Record<ControlActionType, z.ZodType>;

/** Fault kinds: what can break, named after what an operator would see break. */
export const FAULT_PARAMETERS = {
  /** Terminates instances without the group asking (like an EC2 failure); the group replaces them. */
  TerminateInstances: z.object({ AutoScalingGroupName: name, Count: count.optional(), InstanceIds: listOf('InstanceIds', z.string(), MAX_GROUP_INSTANCES).optional() }).strict(),
  /** Every instance in the zone stops answering; launches there fail until it recovers. */
  FailAvailabilityZone: z.object({ AvailabilityZone: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'an Availability Zone such as us-east-1a') }).strict(),
  /** Targets of a target group fail their health checks (e.g. a bad deploy returning 500 on /health). */
  FailTargets: z.object({ TargetGroupName: name, Count: count.optional(), Percent: z.number().min(1).max(100).optional() }).strict(),
  /** The primary of a Multi-AZ instance fails; RDS fails over to the standby (RDS-1). */
  FailDBInstance: z.object({ DBInstanceIdentifier: name }).strict(),
  /** Replication on a read replica falls behind by this many seconds (RDS-3). */
  RaiseReplicaLag: z.object({ DBInstanceIdentifier: name, LagSeconds: numberIn('LagSeconds', 0, MAX_REPLICA_LAG_SECONDS, { why: 'seven days' }).refine((lag) => lag > 0, codedCheck('value.numberNotAboveMinimum', 'LagSeconds must be greater than 0', { bound: 0 })) }).strict(),
  /** A share of a function's invocations fail (Errors). */
  RaiseFunctionErrorRate: z.object({ FunctionName: name, ErrorRate: z.number().min(0).max(1) }).strict(),
  /** Reserved concurrency cut to this value (0 throttles every call, LAM-1). */
  LimitFunctionConcurrency: z.object({ FunctionName: name, ReservedConcurrentExecutions: numberIn('ReservedConcurrentExecutions', 0, MAX_LAMBDA_CONCURRENCY, { integer: true }) }).strict(),
  /** A Route 53 health check reports its endpoint unhealthy. */
  FailHealthCheck: z.object({ HealthCheckId: name }).strict(),
  /** Every population's request rate times this factor. */
  MultiplyTraffic: z.object({ Factor: numberIn('Factor', 0, 1000).refine((factor) => factor > 0, codedCheck('value.numberNotAboveMinimum', 'Factor must be greater than 0', { bound: 0 })), Name: z.string().optional() }).strict(),
  /**
   * AWS WAF: a Block rule on the URI path added to a web ACL now (WAF-9): `/admin*` starts with, `*.php`
   * ends with, `*wp-*` contains, else exactly. Default web ACL: the first one associated with a load balancer.
   */
  WafBlockPath: z
    .object({
      Path: z
        .string()
        .min(1)
        .max(512)
        .refine((path) => path.replace(/^\*|\*$/g, '').length > 0, codedCheck('waf.blockPathOnlyWildcards', 'Path needs something to match besides *'))
        // A URI path always begins with "/": `admin*` (STARTS_WITH "admin") could never match anything.
        .refine((path) => path.startsWith('/') || path.startsWith('*'), codedCheck('waf.blockPathNotAPath', 'Path is a URI path beginning with / (e.g. /admin*), or * for "ends with" / "contains"')),
      Priority: numberIn('Priority', 0, 2_147_483_647, { integer: true }).optional(),
      WebACLName: z.string().min(1).max(128).optional(),
    })
    .strict(),
  // The contract's codes, exactly: a kind or a parameter name missing there (so untranslatable) does not compile.
} satisfies Record<FaultKindCode, z.ZodType>;

type FieldsOf<T> = T extends z.ZodObject<infer Shape> ? keyof Shape : never;
type UnnamedFields = Exclude<{ [K in FaultKindCode]: FieldsOf<(typeof FAULT_PARAMETERS)[K]> }[FaultKindCode], FaultFieldCode>;
/** Fails to compile, naming the field, when a fault parameter is not a FaultFieldCode (the renderer could not label it). */
export const EVERY_FAULT_FIELD_NAMED: [UnnamedFields] extends [never] ? true : UnnamedFields = true;

/** One line each, for the scenario JSON Schema (editors); the app's fault forms translate `faults.<kind>` instead. */
export const FAULT_DESCRIPTIONS: Record<keyof typeof FAULT_PARAMETERS, string> = {
  TerminateInstances: 'Terminate instances of an Auto Scaling group outside Auto Scaling; the group replaces them.',
  FailAvailabilityZone: 'Take an Availability Zone down: its instances stop answering and launches there fail.',
  FailTargets: 'Make targets of a target group fail their health checks (a bad deploy).',
  FailDBInstance: 'Fail the primary of a Multi-AZ DB instance: RDS fails over to the standby.',
  RaiseReplicaLag: 'Make a read replica fall behind by some seconds.',
  RaiseFunctionErrorRate: "Make a share of a Lambda function's invocations fail.",
  LimitFunctionConcurrency: "Cut a Lambda function's reserved concurrency (0 throttles every call).",
  FailHealthCheck: 'Make a Route 53 health check report its endpoint unhealthy.',
  MultiplyTraffic: 'Multiply the request rate of every population (or of one, by Name).',
  WafBlockPath: 'Add an AWS WAF rule that blocks a URI path (e.g. /admin*) to a web ACL now.',
};

export type ActionType = keyof typeof ACTION_PARAMETERS;
export type FaultType = keyof typeof FAULT_PARAMETERS;
export type ActionParameters<T extends ActionType> = z.output<(typeof ACTION_PARAMETERS)[T]>;
export type FaultParameters<T extends FaultType> = z.output<(typeof FAULT_PARAMETERS)[T]>;

export const ACTION_TYPES = Object.keys(ACTION_PARAMETERS) as ActionType[];
export const FAULT_TYPES = Object.keys(FAULT_PARAMETERS) as FaultType[];

/**
 * A scenario's action (the file's PascalCase API parameters, validated) as the typed ControlAction
 * the UI sends too: converted once, here, so every action reaches the simulator in one shape.
 */
const TO_CONTROL_ACTION: { [K in ControlActionType]: (p: ActionParameters<K>) => ActionOf<K> } = {
  SetDesiredCapacity: (p) => definedFields({ type: 'SetDesiredCapacity', autoScalingGroupName: p.AutoScalingGroupName, desiredCapacity: p.DesiredCapacity, honorCooldown: p.HonorCooldown }),
  ExecutePolicy: (p) =>
    definedFields({
      type: 'ExecutePolicy',
      autoScalingGroupName: p.AutoScalingGroupName,
      policyName: p.PolicyName,
      honorCooldown: p.HonorCooldown,
      metricValue: p.MetricValue,
      breachThreshold: p.BreachThreshold,
    }),
  PromoteReadReplica: (p) => definedFields({ type: 'PromoteReadReplica', dbInstanceIdentifier: p.DBInstanceIdentifier, backupRetentionPeriod: p.BackupRetentionPeriod }),
  RebootDBInstance: (p) => ({ type: 'RebootDBInstance', dbInstanceIdentifier: p.DBInstanceIdentifier, forceFailover: p.ForceFailover ?? false }),
  CreateDBSnapshot: (p) => ({ type: 'CreateDBSnapshot', dbInstanceIdentifier: p.DBInstanceIdentifier, dbSnapshotIdentifier: p.DBSnapshotIdentifier }),
  RestoreDBInstanceToPointInTime: (p) =>
    definedFields({
      type: 'RestoreDBInstanceToPointInTime',
      sourceDBInstanceIdentifier: p.SourceDBInstanceIdentifier,
      targetDBInstanceIdentifier: p.TargetDBInstanceIdentifier,
      restoreTime: p.RestoreTime,
      useLatestRestorableTime: p.UseLatestRestorableTime,
      multiAZ: p.MultiAZ,
    }),
};

/**
 * Validates a scenario-format action; the typed action, or the problems (path: message, the CLI's
 * English) and the refusal to throw, with the code a window translates (sim-refusals.ts).
 */
export function parseScenarioAction(type: string, parameters: unknown): { action: ControlAction } | { problems: string[]; refusal: CoreError } {
  if (!Object.hasOwn(ACTION_PARAMETERS, type)) {
    const known = ACTION_TYPES.join(', ');
    const problem = `unknown action ${type} (known: ${known})`;
    return { problems: [problem], refusal: simRefusal('action.unknownType', problem, { kind: type, known }) };
  }
  const kind = type as ActionType;
  const schema = ACTION_PARAMETERS[kind];
  const parsed = schema.safeParse(parameters);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`);
    return { problems, refusal: parametersRefused('action.parameterInvalid', type, schema, parameters, `${type}: ${problems.join('; ')}`) };
  }
  return { action: toControlAction(kind, parsed.data) };
}

export function toControlAction<K extends ActionType>(type: K, parameters: ActionParameters<K>): ActionOf<K> {
  return (TO_CONTROL_ACTION[type] as (p: ActionParameters<K>) => ActionOf<K>)(parameters);
}

export interface TimedAction {
  kind: 'action';
  atSeconds: number;
  type: ActionType;
  parameters: Record<string, unknown>;
  /** The same action, typed: what the engine runs. */
  action: ControlAction;
  /** Where it came from in the scenario file, for messages. */
  path: string;
}

export interface TimedFault {
  kind: 'fault';
  atSeconds: number;
  type: FaultType;
  parameters: Record<string, unknown>;
  /** Until it is reverted; undefined = for the rest of the run. */
  durationSeconds?: number;
  path: string;
}
