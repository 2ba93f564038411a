/**
 * Control actions — the same in simulation and on AWS — and their two-step protocol: the renderer
 * asks to prepare one, main answers with pre-flight checks, consequences and a short-lived nonce;
 * only `execute` with that nonce (and the typed confirmation, when required) runs it.
 */
import { z } from 'zod';
import { IsoTime } from './model-common';

const identifier = z.string().min(1).max(255);

export const ControlAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PromoteReadReplica'), dbInstanceIdentifier: identifier, backupRetentionPeriod: z.number().int().min(0).max(35).optional() }).strict(),
  z.object({ type: z.literal('SetDesiredCapacity'), autoScalingGroupName: identifier, desiredCapacity: z.number().int().min(0).max(10_000) }).strict(),
  z.object({ type: z.literal('RebootDBInstance'), dbInstanceIdentifier: identifier, forceFailover: z.boolean() }).strict(),
]);
export type ControlAction = z.infer<typeof ControlAction>;

export const PreflightCheck = z.object({
  /** e.g. is-replica, status-available, not-backing-up, replica-lag, backup-retention */
  id: z.string(),
  label: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

export const PreparedAction = z.object({
  nonce: z.string(),
  action: ControlAction,
  /** What the operator is about to do, in one line. */
  summary: z.string(),
  checks: z.array(PreflightCheck),
  consequences: z.array(z.string()),
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
  message: z.string(),
  auditId: z.string().optional(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;
