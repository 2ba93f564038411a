/**
 * Audit records in the operator's language (Activity view): core writes the change's name in
 * `action` (a control action's API name, or an audited change: SwitchSession, InjectFault:<kind>…)
 * and what happened as a code + parameters in `text`; the record's English `message` is for people
 * reading the file, and is shown only for records written before `text` existed.
 */
import type { AuditRecord } from '@contract';
import { refusalText } from '@/components/actions/action-text';
import { awsValueText } from './aws-value-text';
import { timelineText } from './timeline-text';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

const name = (t: Translate, te: Exists, key: string, fallback: string): string => (te(key) ? t(key) : fallback);

/** `SetDesiredCapacity` → "Set desired capacity"; `InjectFault:FailTargets` → "Inject fault: Fail targets" (StopFault alike). */
export function auditActionText(t: Translate, te: Exists, action: string): string {
  const [change, kind] = action.split(':', 2);
  if ((change === 'InjectFault' || change === 'StopFault') && kind) return t(`auditText.action.${change}`, { kind: name(t, te, `faultNames.${kind}`, kind) });
  if (te(`simActions.${action}`)) return t(`simActions.${action}`);
  return name(t, te, `auditText.action.${action}`, action);
}

/** What the record says: a refusal in the action dialog's words, a fault as its timeline entry, the rest by code. */
export function auditMessageText(t: Translate, te: Exists, record: Pick<AuditRecord, 'action' | 'message' | 'text'>): string {
  const { text } = record;
  if (!text) return record.message;
  if (text.refusal) return refusalText(t, text.refusal);
  if ((text.code === 'faultInjected' || text.code === 'faultStopped') && text.timeline) return timelineText(t, te, text.timeline);
  const params: Record<string, unknown> = { ...text.params };
  // A DB instance's status in the console's words; a group's (`3/5 InService`) is figures and AWS's word.
  if (typeof params.status === 'string' && /DBInstance|ReadReplica/.test(record.action)) params.status = awsValueText(t, te, 'dbInstanceStatus', params.status);
  if (text.code === 'outcomeUnknown') return t('actionOutcomeUnknown.message', params);
  return t(`auditText.message.${text.code}`, params);
}

/** An audit result's name (Activity's outcome column and filter). */
export function auditOutcomeText(t: Translate, outcome: AuditRecord['result']): string {
  return outcome === 'outcome-unknown' ? t('actionOutcomeUnknown.outcome') : t(`activity.outcomes.${outcome}`);
}
