/**
 * Builds audit records and applies the write-ahead rule for every audited change (actions,
 * settings, session switches, fault injections): the intent is durable before the change runs, the
 * outcome is appended after, both under one auditId.
 */
import { randomBytes } from 'node:crypto';
import type { AuditKind, AuditRecord, AuditResult } from '../contract/model-audit';
import type { ActionTarget } from './action-executor';
import { auditUnavailable, type AuditSink } from './audit-log';

export interface AuditSubject {
  kind: AuditKind;
  target: ActionTarget;
  /** API action or change name: SetDesiredCapacity, UpdateProfileSettings, SwitchSession, InjectFault… */
  action: string;
  /** The identifier the change is about (group, DB instance, profile, scenario). */
  targetId: string;
  parameters: AuditRecord['parameters'];
  nonce?: string;
}

let sequence = 0;

export function newAuditId(now: number, prefix = 'act'): string {
  return `${prefix}-${now.toString(36)}-${(++sequence).toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function auditRecord(subject: AuditSubject, auditId: string, time: number, result: AuditResult, message: string): AuditRecord {
  const { target } = subject;
  return {
    time: new Date(time).toISOString(),
    auditId,
    kind: subject.kind,
    ...(target.actor ? { actor: target.actor } : {}),
    mode: target.mode,
    profile: target.profile,
    ...(target.scenario ? { scenario: target.scenario } : {}),
    ...(target.accountId ? { accountId: target.accountId } : {}),
    region: target.region,
    action: subject.action,
    target: subject.targetId,
    parameters: subject.parameters,
    ...(subject.nonce ? { nonce: subject.nonce } : {}),
    result,
    message,
  };
}

/** Appends without letting a failure escape: for records after the fact (the change already happened or never will). */
export function appendAfterTheFact(audit: AuditSink, record: AuditRecord): boolean {
  try {
    audit.append(record);
    return true;
  } catch {
    // The intent record is already durable (or nothing changed): reporting this as a failure
    // would invite a retry of a change that did happen.
    return false;
  }
}

/**
 * Intent (durable, or a CoreError `AuditUnavailable` and `work` never runs) → work → outcome. The outcome is
 * `applied`, or `failed` with the error's message (then the error is rethrown).
 */
export async function writeAhead<T>(audit: AuditSink, subject: AuditSubject, now: () => number, work: () => T | Promise<T>, describe: (value: T) => string = () => 'done'): Promise<T> {
  const auditId = newAuditId(now(), subject.kind === 'action' ? 'act' : subject.kind.slice(0, 3));
  try {
    audit.append(auditRecord(subject, auditId, now(), 'intent', `${subject.action} ${subject.targetId}`));
  } catch (error) {
    // Whatever the sink threw, the window gets AuditUnavailable, never Internal.
    throw auditUnavailable(undefined, error);
  }
  let value: T;
  try {
    value = await work();
  } catch (error) {
    appendAfterTheFact(audit, auditRecord(subject, auditId, now(), 'failed', error instanceof Error ? error.message : String(error)));
    throw error;
  }
  appendAfterTheFact(audit, auditRecord(subject, auditId, now(), 'applied', describe(value)));
  return value;
}
