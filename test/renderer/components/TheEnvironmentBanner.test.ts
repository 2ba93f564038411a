// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '@contract';
import TheEnvironmentBanner from '@/components/layout/TheEnvironmentBanner.vue';
import { useSessionStore } from '@/stores/session';
import { awsSession } from '../support/fixtures';
import { mountWithApp } from '../support/mount';
import { pending, reset } from '../support/pending-mock';

vi.mock('@/api-pending', () => import('../support/pending-mock'));

const aws = awsSession as Extract<SessionInfo, { mode: 'aws' }>;

beforeEach(() => {
  setActivePinia(createPinia());
  reset();
});

describe('TheEnvironmentBanner fixes', () => {
  it('starts SSO sign-in and shows where to enter the code, then retries', async () => {
    useSessionStore().setSession({ ...aws, credentialState: 'sso-expired', credentialHint: 'aws sso login --profile prod' });
    pending.handlers.set('session.ssoLogin', () => ({ verificationUri: 'https://device.sso.us-east-1.amazonaws.com/', userCode: 'ABCD-EFGH', expiresAt: '2026-01-01T00:10:00Z' }));
    pending.handlers.set('session.retry', () => ({ ...aws, credentialState: 'connected' }));
    const wrapper = mountWithApp(TheEnvironmentBanner);
    await wrapper.get('[data-testid="sso-login"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="sso-prompt"]').text()).toBe('Open https://device.sso.us-east-1.amazonaws.com/ and enter ABCD-EFGH');
    await wrapper.get('[data-testid="credential-retry"]').trigger('click');
    await flushPromises();
    expect(pending.requests.map((r) => r.channel)).toEqual(['session.ssoLogin', 'session.retry']);
  });

  it('asks for the MFA code when the role needs one', async () => {
    useSessionStore().setSession({ ...aws, credentialState: 'mfa-required' });
    pending.handlers.set('session.retry', () => ({ ...aws, credentialState: 'connected' }));
    const wrapper = mountWithApp(TheEnvironmentBanner);
    await wrapper.get('[data-testid="mfa-code"]').setValue('123456');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(pending.requests).toEqual([{ channel: 'session.retry', payload: { mfaCode: '123456' } }]);
  });

  it('offers nothing it cannot do: no buttons while the core lacks the channels', () => {
    pending.declared = false;
    useSessionStore().setSession({ ...aws, credentialState: 'sso-expired' });
    const wrapper = mountWithApp(TheEnvironmentBanner);
    expect(wrapper.find('[data-testid="sso-login"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="credential-retry"]').exists()).toBe(false);
  });
});
