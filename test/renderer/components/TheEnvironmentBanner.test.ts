// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@contract';
import TheEnvironmentBanner from '@/components/layout/TheEnvironmentBanner.vue';
import { useSessionStore } from '@/stores/session';
import { awsSession } from '../support/fixtures';
import { mountWithApp } from '../support/mount';
import { installFakeCore, type FakeCore } from '../support/fake-api';

const aws = awsSession as Extract<SessionInfo, { mode: 'aws' }>;

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});

describe('TheEnvironmentBanner fixes', () => {
  it('starts SSO sign-in and shows where to enter the code, then retries', async () => {
    useSessionStore().setSession({ ...aws, credentialState: 'sso-expired', credentialHint: 'aws sso login --profile prod' });
    core.answer('session.ssoLogin', () => ({ verificationUri: 'https://device.sso.us-east-1.amazonaws.com/', userCode: 'ABCD-EFGH', expiresAt: '2026-01-01T00:10:00Z' }));
    core.answer('session.retry', () => ({ ...aws, credentialState: 'connected' }));
    const wrapper = mountWithApp(TheEnvironmentBanner);
    await wrapper.get('[data-testid="sso-login"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="sso-prompt"]').text()).toBe('Open https://device.sso.us-east-1.amazonaws.com/ and enter ABCD-EFGH');
    await wrapper.get('[data-testid="credential-retry"]').trigger('click');
    await flushPromises();
    expect(core.requests.map((r) => r.channel)).toEqual(['session.ssoLogin', 'session.retry']);
  });

  it('asks for the MFA code when the role needs one', async () => {
    useSessionStore().setSession({ ...aws, credentialState: 'mfa-required' });
    core.answer('session.retry', () => ({ ...aws, credentialState: 'connected' }));
    const wrapper = mountWithApp(TheEnvironmentBanner);
    await wrapper.get('[data-testid="mfa-code"]').setValue('123456');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(core.requests).toEqual([{ channel: 'session.retry', payload: { mfaCode: '123456' } }]);
  });

  it('tells a problem by its code, translated, never the raw SDK text; names the chain link and labels a non-AWS endpoint', () => {
    useSessionStore().setSession({
      ...aws,
      profile: '(default chain)',
      credentialState: 'error',
      credentialMessage: `Unexpected token '<', "<!doctype "... is not valid JSON`,
      problem: { code: 'endpoint.notAws', params: { endpoint: 'http://127.0.0.1:4566', status: '200' } },
      credentialSource: 'container',
      customEndpoint: 'http://127.0.0.1:4566',
      customEndpointFrom: 'env',
    });
    const wrapper = mountWithApp(TheEnvironmentBanner);
    const text = wrapper.text();
    expect(text).toContain('Environment / default chain');
    expect(text).toContain('http://127.0.0.1:4566 did not answer as AWS does (HTTP 200).');
    expect(text).not.toContain('Unexpected token');
    expect(wrapper.get('[data-testid="credential-source"]').text()).toBe('credentials from container endpoint (ECS/EKS)');
    expect(wrapper.get('[data-testid="custom-endpoint"]').text()).toBe('Endpoint http://127.0.0.1:4566 — not AWS (AWS_ENDPOINT_URL, applies to every profile)');
  });

  it('shows a failing credential_process\'s stderr as the core passed it (bounded and redacted in main)', () => {
    useSessionStore().setSession({ ...aws, credentialState: 'error', problem: { code: 'credentials.processFailed', params: { profile: 'vault', stderr: 'corp-login: session expired' } } });
    expect(mountWithApp(TheEnvironmentBanner).text()).toContain('The credential_process of profile vault failed: corp-login: session expired');
  });
});
