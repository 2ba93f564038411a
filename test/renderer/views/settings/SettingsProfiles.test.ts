// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import SettingsProfiles from '@/views/settings/SettingsProfiles.vue';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';


let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});

describe('SettingsProfiles', () => {
  it('shows every profile read-only, and offers no change, while the settings file cannot be used', async () => {
    const file = '/cfg/flightdeck/settings.json';
    core.answer('profiles.list', () => ({ profiles: [{ name: 'prod', kind: 'static' }], configFile: '/c', credentialsFile: '/k' }));
    core.answer('settings.get', () => ({ settings: { version: 1, profiles: { prod: { readOnly: false, nonProduction: true } } }, status: 'blocked', file, diagnostics: [{ code: 'empty', severity: 'blocking', params: { file } }] }));
    const wrapper = mountWithApp(SettingsProfiles);
    await flushPromises();
    const row = wrapper.get('[data-testid="profile-row"][data-profile="prod"]');
    const [readOnly, nonProduction] = row.findAll('input[type="checkbox"]');
    expect((readOnly!.element as HTMLInputElement).checked).toBe(true);
    expect((nonProduction!.element as HTMLInputElement).checked).toBe(false);
    expect(readOnly!.attributes('disabled')).toBeDefined();
    expect(row.get('input[type="color"]').attributes('disabled')).toBeDefined();
  });

  it('shows a credential_process profile by its program name only (all the core sends)', async () => {
    core.answer('profiles.list', () => ({ profiles: [{ name: 'vault', kind: 'credential-process', credentialProgram: 'vault-creds' }], configFile: '/c', credentialsFile: '/k' }));
    core.answer('settings.get', () => ({ settings: { version: 1, profiles: {} }, status: 'ok', file: '/cfg/settings.json', diagnostics: [] }));
    const wrapper = mountWithApp(SettingsProfiles);
    await flushPromises();
    expect(wrapper.get('[data-profile="vault"] [data-testid="credential-program"]').text()).toBe('vault-creds');
  });
});
