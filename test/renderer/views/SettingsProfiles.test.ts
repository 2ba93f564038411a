// @vitest-environment happy-dom
/** Issue 11, items 1 and 5 in the profile list: the default-chain entry, and every partition region with opt-in marked. */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import SettingsProfiles from '@/views/settings/SettingsProfiles.vue';
import { mountWithApp } from '../support/mount';
import { installFakeCore, type FakeCore } from '../support/fake-api';


const listing = {
  profiles: [
    { name: '(default chain)', kind: 'default-chain', region: 'ap-northeast-2', credentialSource: 'container', customEndpoint: 'http://127.0.0.1:5000', customEndpointFrom: 'env' },
    { name: 'prod', kind: 'static', region: 'eu-west-1' },
  ],
  defaultProfile: '(default chain)',
  configFile: '/home/jane/.aws/config',
  credentialsFile: '/home/jane/.aws/credentials',
  regions: [
    { name: 'eu-west-1', description: 'Europe (Ireland)', optIn: false },
    { name: 'ap-northeast-2', description: 'Asia Pacific (Seoul)', optIn: false },
    { name: 'me-central-1', description: 'Middle East (UAE)', optIn: true },
  ],
};

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  core.answer('profiles.list', () => listing);
  core.answer('settings.get', () => ({ settings: { version: 1, profiles: {} } }));
});

describe('SettingsProfiles', () => {
  it('lists the standard chain first, with the link expected to answer and its labelled endpoint', async () => {
    const wrapper = mountWithApp(SettingsProfiles);
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="profile-row"]');
    expect(rows.map((r) => r.attributes('data-profile'))).toEqual(['(default chain)', 'prod']);
    expect(rows[0]!.get('[data-testid="default-chain"]').text()).toBe('Environment / default chain');
    expect(rows[0]!.text()).toContain('expected: container endpoint (ECS/EKS)');
    expect(rows[0]!.text()).toContain('Endpoint http://127.0.0.1:5000 — not AWS (AWS_ENDPOINT_URL, applies to every profile)');
  });

  it('offers every region of the partition, the profile\'s own first, opt-in ones marked, and connects with the one chosen', async () => {
    core.answer('session.switch', () => ({ mode: 'aws', profile: 'prod', region: 'me-central-1', credentialState: 'connecting', readOnly: false }));
    const wrapper = mountWithApp(SettingsProfiles);
    await flushPromises();
    const row = wrapper.findAll('[data-testid="profile-row"]')[1]!;
    const options = row.findAll('option').map((o) => o.text());
    expect(options).toEqual(['eu-west-1 — Europe (Ireland)', 'ap-northeast-2 — Asia Pacific (Seoul)', 'me-central-1 — Middle East (UAE) (opt-in)']);
    await row.get('select').setValue('me-central-1');
    await row.get('[data-testid="switch-prod"]').trigger('click');
    await flushPromises();
    expect(core.requests.find((r) => r.channel === 'session.switch')?.payload).toEqual({ mode: 'aws', profile: 'prod', region: 'me-central-1' });
  });

  it('Korean: region names as the AWS Korean console writes them; one ko.ts does not know keeps the core\'s name', async () => {
    core.answer('profiles.list', () => ({ ...listing, regions: [...listing.regions, { name: 'xx-new-1', description: 'Somewhere (New)', optIn: true }] }));
    const wrapper = mountWithApp(SettingsProfiles, { locale: 'ko' });
    await flushPromises();
    const options = wrapper.findAll('[data-testid="profile-row"]')[1]!.findAll('option').map((o) => o.text());
    expect(options[1]).toBe('ap-northeast-2 — 아시아 태평양(서울)');
    expect(options[0]).toContain('유럽(아일랜드)');
    expect(options[3]).toContain('Somewhere (New)');
  });
});
