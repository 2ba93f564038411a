/**
 * Control actions — the same in simulation and on AWS — and their two-step protocol: the renderer
 * asks to prepare one, main answers with pre-flight checks, consequences and a short-lived nonce;
 * only `execute` with that nonce (and the typed confirmation, when required) runs it.
 *
 * Checks, consequences, the summary and refusals cross as codes with parameters
 * (model-action-codes.ts), never as sentences: the renderer words them in the operator's language.
 */
import { z } from 'zod';
import { CheckCode, codedMessage, ConsequenceCode, MessageParams, RefusalCode, SummaryCode } from './model-action-codes';
import { RequestProblem } from './model-request-problem';
import { IsoTime } from './model-common';

export * from './model-action-codes';

const identifier = z.string().min(1).max(255);
/** ExecutePolicy: the policy's name or ARN (API_ExecutePolicy PolicyName, up to 1600 characters). */
const policyName = z.string().min(1).max(1600);
const metricMagnitude = z.number().min(-1e15).max(1e15);
/**
 * New identifiers are checked by the shared rules (core/rules/rds-rules.ts), so that a malformed one
 * is a pre-flight check the window words, not a schema error; the schema only bounds the length.
 */
const newIdentifier = z.string().min(1).max(300);

/**
 * One schema per action type, in the API's parameters (camelCase); exhaustive for every registry
 * keyed by ActionType (core/rules, the simulator's and the AWS backend's action tables).
 */
export const CONTROL_ACTION_SCHEMAS = {
  PromoteReadReplica: z.object({ type: z.literal('PromoteReadReplica'), dbInstanceIdentifier: identifier, backupRetentionPeriod: z.number().int().min(0).max(35).optional() }).strict(),
  SetDesiredCapacity: z.object({ type: z.literal('SetDesiredCapacity'), autoScalingGroupName: identifier, desiredCapacity: z.number().int().min(0).max(10_000), honorCooldown: z.boolean().optional() }).strict(),
  RebootDBInstance: z.object({ type: z.literal('RebootDBInstance'), dbInstanceIdentifier: identifier, forceFailover: z.boolean() }).strict(),
  ExecutePolicy: z
    .object({
      type: z.literal('ExecutePolicy'),
      autoScalingGroupName: identifier,
      policyName,
      honorCooldown: z.boolean().optional(),
      metricValue: metricMagnitude.optional(),
      breachThreshold: metricMagnitude.optional(),
    })
    .strict(),
  /** API_CreateDBSnapshot: a manual snapshot of an available DB instance. */
  CreateDBSnapshot: z.object({ type: z.literal('CreateDBSnapshot'), dbInstanceIdentifier: identifier, dbSnapshotIdentifier: newIdentifier }).strict(),
  /**
   * API_RestoreDBInstanceToPointInTime: a NEW DB instance from the source's automated backups, at
   * `restoreTime` (ISO) or at the latest restorable time — exactly one of the two (the rules say so).
   */
  RestoreDBInstanceToPointInTime: z
    .object({
      type: z.literal('RestoreDBInstanceToPointInTime'),
      sourceDBInstanceIdentifier: identifier,
      targetDBInstanceIdentifier: newIdentifier,
      restoreTime: IsoTime.optional(),
      useLatestRestorableTime: z.boolean().optional(),
      multiAZ: z.boolean().optional(),
    })
    .strict(),
};

export const ControlAction = z.discriminatedUnion('type', [
  CONTROL_ACTION_SCHEMAS.PromoteReadReplica,
  CONTROL_ACTION_SCHEMAS.SetDesiredCapacity,
  CONTROL_ACTION_SCHEMAS.RebootDBInstance,
  CONTROL_ACTION_SCHEMAS.ExecutePolicy,
  CONTROL_ACTION_SCHEMAS.CreateDBSnapshot,
  CONTROL_ACTION_SCHEMAS.RestoreDBInstanceToPointInTime,
]);
export type ControlAction = z.infer<typeof ControlAction>;
export type ActionType = ControlAction['type'];
export type ActionOf<K extends ActionType> = Extract<ControlAction, { type: K }>;
export const ACTION_TYPES = Object.keys(CONTROL_ACTION_SCHEMAS) as ActionType[];

export const PreflightCheck = z.object({
  code: CheckCode,
  status: z.enum(['pass', 'warn', 'fail']),
  params: MessageParams,
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;
export type CheckStatus = PreflightCheck['status'];

export const Consequence = codedMessage(ConsequenceCode);
export type Consequence = z.infer<typeof Consequence>;

export const ActionSummary = codedMessage(SummaryCode);
export type ActionSummary = z.infer<typeof ActionSummary>;

export const Refusal = codedMessage(RefusalCode);
export type Refusal = z.infer<typeof Refusal>;

export const PreparedAction = z.object({
  nonce: z.string(),
  action: ControlAction,
  /** What the operator is about to do, in one line. */
  summary: ActionSummary,
  checks: z.array(PreflightCheck),
  consequences: z.array(Consequence),
  /** False when any check failed: execute will be refused. */
  allowed: z.boolean(),
  /** When set, execute must carry exactly this text (the resource identifier). */
  typedConfirmation: z.string().optional(),
  expiresAt: IsoTime,
});
export type PreparedAction = z.infer<typeof PreparedAction>;

export const ActionOutcome = z.object({
  action: ControlAction,
  accepted: z.boolean(),
  /** English, for the audit log and the CLI; the window shows `refusal` when there is one. */
  message: z.string(),
  /** Why it was not run, as a code (absent when it ran, or when AWS itself answered with an error). */
  refusal: Refusal.optional(),
  /** Why it failed without a refusal (an AWS call denied, a service the scenario lacks), as a request problem code (model-request-problem.ts). */
  problem: RequestProblem.optional(),
  /**
   * True when the call failed without saying whether AWS carried it out (a 5xx, a timeout or a lost
   * connection after sending): `accepted` is false, but the change may have happened. It was not sent
   * again; the resource is followed (`action.progress`) so the operator sees what it does.
   */
  outcomeUnknown: z.boolean().optional(),
  auditId: z.string().optional(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;
