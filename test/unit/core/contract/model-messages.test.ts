/**
 * Messages the renderer translates cross the contract as a code and parameters (issue 9): the shared
 * shapes (codedMessage, ProblemText) accept and refuse exactly what each schema did on its own.
 */
import { describe, expect, it } from 'vitest';
import { ActionSummary, Consequence, Refusal } from '@main/core/contract/model-actions';
import { AuditText } from '@main/core/contract/model-audit';
import { DatasetStatus, ProblemText, SessionInfo } from '@main/core/contract/model';

describe('coded messages in the contract', () => {
  it('Refusal, Consequence, ActionSummary: a code of their own list, bounded parameters, nothing else required', () => {
    expect(Refusal.parse({ code: 'read-only', params: { profile: 'prod' } })).toEqual({ code: 'read-only', params: { profile: 'prod' } });
    expect(Refusal.safeParse({ code: 'promote.reboots', params: {} }).success).toBe(false);
    expect(Consequence.safeParse({ code: 'promote.reboots', params: { seconds: 60, ids: ['a'], warm: true } }).success).toBe(true);
    expect(Consequence.safeParse({ code: 'promote.reboots' }).success).toBe(false);
    expect(ActionSummary.safeParse({ code: 'read-only', params: {} }).success).toBe(false);
    expect(Refusal.safeParse({ code: 'read-only', params: { text: 'x'.repeat(2001) } }).success).toBe(false);
  });

  it('AuditText: a coded message with an optional refusal and timeline text', () => {
    const text = { code: 'settingsSaved', params: {}, refusal: { code: 'read-only', params: {} } };
    expect(AuditText.parse(text)).toEqual(text);
    expect(AuditText.safeParse({ ...text, refusal: { code: 'settingsSaved', params: {} } }).success).toBe(false);
  });

  it('ProblemText: the same in a dataset status and in a session, params defaulting to none', () => {
    expect(ProblemText.parse({ code: 'service.throttled' })).toEqual({ code: 'service.throttled', params: {} });
    expect(ProblemText.safeParse({ code: 'x'.repeat(81), params: {} }).success).toBe(false);
    expect(ProblemText.safeParse({ code: 'service.error', params: { status: 503 } }).success).toBe(false);
    const status = DatasetStatus.parse({ state: 'error', error: { code: 'AccessDenied', message: 'm', problem: { code: 'service.accessDenied' } } });
    expect(status.error?.problem).toEqual({ code: 'service.accessDenied', params: {} });
    const session = SessionInfo.parse({ mode: 'aws', profile: 'p', region: 'eu-west-1', credentialState: 'expired', readOnly: false, problem: { code: 'credentials.expired' } });
    expect(session.mode === 'aws' && session.problem).toEqual({ code: 'credentials.expired', params: {} });
  });
});
