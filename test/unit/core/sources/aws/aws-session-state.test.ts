/** The AWS session's own state: redacted before it leaves, announced only on a real change, silent once stopped. */
import { describe, expect, it } from 'vitest';
import { AwsSessionState, type AwsSession } from '@main/core/sources/aws/aws-session-state';
import type { SessionInfo } from '@main/core/contract/model';

const initial: AwsSession = { mode: 'aws', profile: 'dev', region: 'eu-west-1', credentialState: 'connecting', readOnly: false };

describe('AwsSessionState', () => {
  it('removes the secrets from every text it holds, the first state included', () => {
    const state = new AwsSessionState({ ...initial, customEndpoint: 'http://localhost:5000?token=hunter2-secret' }, ['hunter2-secret']);
    state.set({ credentialMessage: 'credential_process "get --key hunter2-secret" failed', credentialHint: 'hunter2-secret' });
    expect(JSON.stringify(state.copy())).not.toContain('hunter2-secret');
  });

  it('announces a change once, not a repeat of the same state, and drops fields set to undefined', () => {
    const state = new AwsSessionState(initial, []);
    const seen: SessionInfo[] = [];
    state.onChanged((session) => seen.push(session));
    state.set({ credentialState: 'connected', accountId: '123456789012', credentialHint: 'x' });
    state.set({ credentialState: 'connected', accountId: '123456789012', credentialHint: 'x' });
    state.set({ credentialHint: undefined });
    expect(seen).toHaveLength(2);
    expect('credentialHint' in state.copy()).toBe(false);
  });

  it('announces nothing after stop, although it still holds the change', () => {
    const state = new AwsSessionState(initial, []);
    const seen: SessionInfo[] = [];
    state.onChanged((session) => seen.push(session));
    state.stop();
    state.set({ credentialState: 'expired' });
    expect(seen).toEqual([]);
    expect(state.current.credentialState).toBe('expired');
  });
});
