/**
 * The vocabulary of the action confirmation: every pre-flight check, consequence, summary and
 * refusal is one of these codes plus parameters; the renderer words them (i18n `actionRules`), the
 * CLI through its English formatter. The rules that produce them live in core/rules/.
 *
 * A check code is `<check>.<outcome>`: the part before the dot names the check (its label), the
 * whole code the outcome (its detail).
 */
import { z } from 'zod';

export const CHECK_CODES = [
  'profile-writable.read-only',
  'db-exists.missing',
  'group-exists.found',
  'group-exists.missing',
  'status-available.ok',
  'status-available.not',
  'is-replica.yes',
  'is-replica.no',
  'not-backing-up.idle',
  'not-backing-up.window-soon',
  'not-backing-up.running',
  'replica-lag.caught-up',
  'replica-lag.behind',
  'replica-lag.stopped',
  'replica-lag.unknown',
  'replica-lag.stale',
  'replica-lag.not-running',
  'backup-retention.kept',
  'backup-retention.disabled',
  'backup-retention.source-of-replicas',
  'multi-az.standby',
  'multi-az.single-az',
  'within-bounds.inside',
  'within-bounds.outside',
  'changes-capacity.changes',
  'changes-capacity.same',
  'scaling-policies.present',
  'policy-exists.found',
  'policy-exists.missing',
  'policy-type.supported',
  'policy-type.target-tracking',
  'step-values.given',
  'step-values.missing',
  'step-values.unexpected',
  // CreateDBSnapshot and RestoreDBInstanceToPointInTime (RDSB-n, docs/aws-behaviour.md)
  'snapshot-id.valid',
  'snapshot-id.invalid',
  'snapshot-id.taken',
  'backups-enabled.on',
  'backups-enabled.off',
  'restore-time.latest',
  'restore-time.inside',
  'restore-time.outside',
  'restore-time.both',
  'restore-time.missing',
  'target-id.valid',
  'target-id.invalid',
  'target-id.taken',
] as const;
export const CheckCode = z.enum(CHECK_CODES);
export type CheckCode = z.infer<typeof CheckCode>;

export const CONSEQUENCE_CODES = [
  'promote.stops-replicating',
  'promote.reboots',
  'promote.irreversible',
  'promote.siblings-unaffected',
  'promote.source-left-alone',
  'promote.lag-loss',
  'promote.own-replicas-continue',
  'promote.point-applications',
  'promote.backups-kept',
  'promote.backups-disabled',
  'reboot.failover',
  'reboot.restart',
  'reboot.connections-dropped',
  'reboot.replication-pauses',
  'capacity.launch',
  'capacity.terminate',
  'capacity.unchanged',
  'capacity.policies-may-rescale',
  'policy.executes',
  'policy.bounded',
  'snapshot.instance-backing-up',
  'snapshot.io-suspended',
  'snapshot.kept-until-deleted',
  'restore.new-instance',
  'restore.creating',
  'restore.single-az',
  'restore.multi-az',
  'restore.new-endpoint',
  'restore.source-untouched',
] as const;
export const ConsequenceCode = z.enum(CONSEQUENCE_CODES);
export type ConsequenceCode = z.infer<typeof ConsequenceCode>;

export const SUMMARY_CODES = ['promote', 'reboot', 'reboot-failover', 'set-capacity', 'execute-policy', 'create-snapshot', 'restore-pitr', 'restore-pitr-latest'] as const;
export const SummaryCode = z.enum(SUMMARY_CODES);
export type SummaryCode = z.infer<typeof SummaryCode>;

/**
 * Why an action was not run: the protocol's own refusals (session, profile, confirmation) and the
 * service's (what AWS answers with an error, e.g. InvalidDBInstanceState).
 */
export const REFUSAL_CODES = [
  'session-changed',
  'read-only',
  'preflight-failed',
  'confirmation-mismatch',
  'protection-changed',
  'db-not-found',
  'group-not-found',
  'not-a-replica',
  'not-available',
  'retention-with-replicas',
  'not-multi-az',
  'outside-bounds',
  'in-cooldown',
  'policy-not-found',
  'target-tracking',
  'step-values-missing',
  'step-values-unexpected',
  'invalid-identifier',
  'snapshot-exists',
  'db-already-exists',
  'backups-disabled',
  'restore-time-outside',
  'restore-time-both',
  'restore-time-missing',
] as const;
export const RefusalCode = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof RefusalCode>;

/** Parameters of a message: identifiers, counts, seconds; lists of identifiers. Bounded. */
export const MessageParams = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(300)).max(100)]));
export type MessageParams = z.infer<typeof MessageParams>;

/** A message the renderer words through i18n (the CLI in English): one of `code`'s codes and its parameters. */
export function codedMessage<C extends z.ZodType<string>>(code: C) {
  return z.object({ code, params: MessageParams });
}
