/**
 * Builds audit records and applies the write-ahead rule for every audited change (actions,
 * settings, session switches, fault injections): the intent is durable before the change runs, the
 * outcome is appended after, both under one auditId.
 */
import { randomBytes } from 'node:crypto';
import type { MessageParams } from '../contract/model-action-codes';
import type { ControlAction } from '../contract/model-actions';
import type { AUDITED_CHANGES, AuditKind, AuditRecord, AuditResult, AuditText, AuditTextCode } from '../contract/model-audit';

/** What the `action` of a record can be: a control action's API name or an audited change (the window names each). */
export type AuditedAction = ControlAction['type'] | Exclude<(typeof AUDITED_CHANGES)[number], 'InjectFault' | 'StopFault'> | `InjectFault:${string}` | `StopFault:${string}`;
import type { ActionTarget } from './action-executor';
import { auditUnavailable, type AuditSink } from './audit-log';

export interface AuditSubject {
  kind: AuditKind;
  target: ActionTarget;
  /** API action or change name: SetDesiredCapacity, UpdateProfileSettings, SwitchSession, InjectFault:<kind>… */
  action: AuditedAction;
  /** The identifier the change is about (group, DB instance, profile, scenario). */
  targetId: string;
  parameters: AuditRecord['parameters'];
  nonce?: string;
}

/** What an outcome says: English for the file, a code for the window. */
export interface AuditWords {
  message: string;
  text: AuditText;
}

export function says(message: string, code: AuditTextCode, params: MessageParams = {}, extra: Omit<AuditText, 'code' | 'params'> = {}): AuditWords {
  return { message, text: { code, params, ...extra } };
}

/** The intent record of a change: what is about to run. */
export const intentWords = (subject: AuditSubject): AuditWords => says(`${subject.action} ${subject.targetId}`, 'intent');

/** A failure: the error as AWS or core worded it (a value, shown as it is). */
export const failureWords = (error: unknown): AuditWords => {
  const message = error instanceof Error ? error.message : String(error);
  return says(message, 'failed', { error: message.slice(0, 2000) });
};

let sequence = 0;

export function newAuditId(now: number, prefix = 'act'): string {
  return `${prefix}-${now.toString(36)}-${(++sequence).toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function auditRecord(subject: AuditSubject, auditId: string, time: number, result: AuditResult, words: AuditWords): AuditRecord {
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
    message: words.message,
    text: words.text,
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
export async function writeAhead<T>(audit: AuditSink, subject: AuditSubject, now: () => number, work: () => T | Promise<T>, describe: (value: T) => AuditWords = () => says('done', 'applied')): Promise<T> {
  const auditId = newAuditId(now(), subject.kind === 'action' ? 'act' : subject.kind.slice(0, 3));
  try {
    audit.append(auditRecord(subject, auditId, now(), 'intent', intentWords(subject)));
  } catch (error) {
    // Whatever the sink threw, the window gets AuditUnavailable, never Internal.
    throw auditUnavailable(undefined, error);
  }
  let value: T;
  try {
    value = await work();
  } catch (error) {
    appendAfterTheFact(audit, auditRecord(subject, auditId, now(), 'failed', failureWords(error)));
    throw error;
  }
  appendAfterTheFact(audit, auditRecord(subject, auditId, now(), 'applied', describe(value)));
  return value;
}
