/**
 * A refusal in the words and error code the AWS API answers with (API_PromoteReadReplica,
 * API_RebootDBInstance, API_SetDesiredCapacity, API_ExecutePolicy "Errors"): the simulator throws
 * these so that scenario timelines and the audit log read like AWS; the window translates the code.
 */
import { Refusal, type RefusalCode } from '../contract/model';
import { CoreError } from '../core-error';

/** The API error code for a service refusal; the protocol's own refusals have none. */
export const API_ERROR_CODES: Partial<Record<RefusalCode, string>> = {
  'db-not-found': 'DBInstanceNotFound',
  'not-a-replica': 'InvalidDBInstanceState',
  'not-available': 'InvalidDBInstanceState',
  'retention-with-replicas': 'InvalidParameterCombination',
  'not-multi-az': 'InvalidParameterCombination',
  'group-not-found': 'ValidationError',
  'outside-bounds': 'ValidationError',
  'in-cooldown': 'ScalingActivityInProgress',
  'policy-not-found': 'ValidationError',
  'target-tracking': 'ValidationError',
  'step-values-missing': 'ValidationError',
  'step-values-unexpected': 'ValidationError',
  // API_CreateDBSnapshot / API_RestoreDBInstanceToPointInTime "Errors".
  'invalid-identifier': 'InvalidParameterValue',
  'snapshot-exists': 'DBSnapshotAlreadyExists',
  'db-already-exists': 'DBInstanceAlreadyExists',
  'backups-disabled': 'PointInTimeRestoreNotEnabled',
  'restore-time-outside': 'InvalidParameterValue',
  'restore-time-both': 'InvalidParameterCombination',
  'restore-time-missing': 'InvalidParameterCombination',
};

const text = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/** English, as the API words it. */
export function refusalMessage(refusal: Refusal): string {
  const p = refusal.params;
  switch (refusal.code) {
    case 'db-not-found':
      return `DBInstance ${text(p.id)} not found.`;
    case 'not-a-replica':
      return `DB instance ${text(p.id)} is not a read replica.`;
    case 'not-available':
      return `DB instance ${text(p.id)} is not in available state.`;
    case 'retention-with-replicas':
      return `BackupRetentionPeriod can't be 0: ${text(p.id)} is the source of read replicas.`;
    case 'not-multi-az':
      return `You can't enable force failover if the instance isn't configured for Multi-AZ (${text(p.id)} is a Single-AZ DB instance).`;
    case 'group-not-found':
      return `AutoScalingGroup name not found - AutoScalingGroup '${text(p.group)}' not found`;
    case 'outside-bounds': {
      const below = Number(p.desired) < Number(p.min);
      return `New SetDesiredCapacity value ${text(p.desired)} is ${below ? 'below min value' : 'above max value'} ${text(below ? p.min : p.max)} for the AutoScalingGroup.`;
    }
    case 'in-cooldown':
      return `AutoScalingGroup ${text(p.group)} is in its cooldown period (ScalingActivityInProgress)`;
    case 'policy-not-found':
      return `No scaling policy ${text(p.policy)} for AutoScalingGroup ${text(p.group)} (give its name or ARN)`;
    case 'target-tracking':
      return 'ExecutePolicy is not supported for a target tracking scaling policy.';
    case 'step-values-missing':
      return 'ExecutePolicy for a step scaling policy needs MetricValue and BreachThreshold.';
    case 'step-values-unexpected':
      return `MetricValue and BreachThreshold are supported only for a step scaling policy (${text(p.policy)} is ${text(p.policyType)}).`;
    case 'invalid-identifier':
      return `The parameter ${text(p.field)} is not a valid identifier ("${text(p.value)}"). Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens (at most ${text(p.max)}); and must not end with a hyphen or contain two consecutive hyphens.`;
    case 'snapshot-exists':
      return `Cannot create the snapshot because a snapshot with the identifier ${text(p.snapshot)} already exists.`;
    case 'db-already-exists':
      return `DB instance ${text(p.target)} already exists.`;
    case 'backups-disabled':
      return `Point-in-time restore is not enabled: ${text(p.id)} has BackupRetentionPeriod 0.`;
    case 'restore-time-outside':
      return `The restore time ${text(p.time)} is outside the restorable window of the source (${text(p.earliest) || 'unknown'} to ${text(p.latest) || 'unknown'}).`;
    case 'restore-time-both':
      return 'RestoreTime cannot be given together with UseLatestRestorableTime.';
    case 'restore-time-missing':
      return 'Give RestoreTime or UseLatestRestorableTime.';
    case 'session-changed':
      return 'The session changed since this action was prepared (another profile, region, account, scenario, a reload or a reset): prepare it again.';
    case 'read-only':
      return `Profile ${text(p.profile)} is read-only: change it in settings to run actions.`;
    case 'preflight-failed':
      return 'A pre-flight check failed: the action was not run.';
    case 'confirmation-mismatch':
      return `Type ${text(p.expected)} exactly to confirm (this profile is not marked non-production).`;
    case 'protection-changed':
      return `Profile ${text(p.profile)} was marked production after this action was prepared, so it now needs ${text(p.expected)} typed: prepare it again.`;
  }
}

/**
 * A refused control action: core's one error type (CoreError `InvalidRequest`), the API's error code
 * in `params.awsCode` and `name`, `refusal` what the window translates.
 */
export class ActionRefusedError extends CoreError<{ awsCode: string }> {
  constructor(readonly refusal: Refusal) {
    const awsCode = API_ERROR_CODES[refusal.code] ?? 'Refused';
    super('InvalidRequest', refusalMessage(refusal), { awsCode });
    this.name = awsCode;
  }
}

/**
 * The refusal an error carries (ActionRefusedError, or the simulator's RdsApiError built from the
 * rules), so the window can word it; undefined for AWS's own errors, which stay in AWS's words.
 */
export function refusalCarriedBy(error: unknown): Refusal | undefined {
  if (!(error instanceof Error) || !('refusal' in error)) return undefined;
  const parsed = Refusal.safeParse(error.refusal);
  return parsed.success ? parsed.data : undefined;
}
