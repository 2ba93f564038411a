/**
 * The shapes every rule returns: a check `{ code, status, params }`, a consequence `{ code, params }`,
 * a refusal, and a whole pre-flight. Codes are the contract's (model-action-codes.ts).
 */
import type { ActionSummary, CheckCode, CheckStatus, Consequence, ConsequenceCode, MessageParams, PreflightCheck, Refusal, RefusalCode, SummaryCode } from '../contract/model';

export interface Preflight {
  summary: ActionSummary;
  checks: PreflightCheck[];
  /** What will happen, in order. */
  consequences: Consequence[];
}

export const check = (code: CheckCode, status: CheckStatus, params: MessageParams = {}): PreflightCheck => ({ code, status, params });
export const consequence = (code: ConsequenceCode, params: MessageParams = {}): Consequence => ({ code, params });
export const summary = (code: SummaryCode, params: MessageParams = {}): ActionSummary => ({ code, params });
export const refusal = (code: RefusalCode, params: MessageParams = {}): Refusal => ({ code, params });

/**
 * Which failing check AWS answers with which refusal. A check that fails is exactly a request the
 * service refuses, so pre-flight and refusal can never disagree: both come from the same checks.
 */
const REFUSED_BY: Partial<Record<CheckCode, RefusalCode>> = {
  'db-exists.missing': 'db-not-found',
  'group-exists.missing': 'group-not-found',
  'is-replica.no': 'not-a-replica',
  'status-available.not': 'not-available',
  'not-backing-up.running': 'not-available',
  'backup-retention.source-of-replicas': 'retention-with-replicas',
  'multi-az.single-az': 'not-multi-az',
  'within-bounds.outside': 'outside-bounds',
  'policy-exists.missing': 'policy-not-found',
  'policy-type.target-tracking': 'target-tracking',
  'step-values.missing': 'step-values-missing',
  'step-values.unexpected': 'step-values-unexpected',
  'snapshot-id.invalid': 'invalid-identifier',
  'snapshot-id.taken': 'snapshot-exists',
  'target-id.invalid': 'invalid-identifier',
  'target-id.taken': 'db-already-exists',
  'backups-enabled.off': 'backups-disabled',
  'restore-time.outside': 'restore-time-outside',
  'restore-time.both': 'restore-time-both',
  'restore-time.missing': 'restore-time-missing',
};

/** The refusal of the first failing check that the service itself refuses, or undefined. */
export function refusalOf(checks: readonly PreflightCheck[]): Refusal | undefined {
  for (const c of checks) {
    const code = c.status === 'fail' ? REFUSED_BY[c.code] : undefined;
    if (code) return refusal(code, c.params);
  }
  return undefined;
}

/** Seconds rounded to one decimal, as the checks and consequences show them. */
export const tenths = (seconds: number): number => Math.round(seconds * 10) / 10;
