// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '@contract';
import TheSettingsFileBanner from '@/components/layout/TheSettingsFileBanner.vue';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';


const FILE = '/home/op/.config/flightdeck/settings.json';
const blocked: SettingsView = {
  settings: { version: 1, profiles: {} },
  status: 'blocked',
  file: FILE,
  diagnostics: [{ code: 'newer-version', severity: 'blocking', params: { file: FILE, version: 2, supported: 1 } }],
};

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});

describe('TheSettingsFileBanner', () => {
  it('says the file could not be used, where it is, and that every profile is read-only; reload asks the core', async () => {
    core.answer('settings.get', () => blocked);
    core.answer('settings.resolve', () => blocked);
    const wrapper = mountWithApp(TheSettingsFileBanner);
    await flushPromises();
    const banner = wrapper.get('[data-testid="settings-file-banner"]');
    expect(banner.attributes('data-code')).toBe('newer-version');
    expect(banner.text()).toContain('every AWS profile is read-only until you decide');
    expect(banner.text()).toContain('written by a newer Flightdeck (version 2; this one reads version 1)');
    expect(banner.text()).toContain(`The file is kept as it is: ${FILE}`);
    await wrapper.get('[data-testid="settings-file-reload"]').trigger('click');
    await flushPromises();
    expect(core.requests.map((r) => r.channel)).toEqual(['settings.get', 'settings.resolve']);
    expect(core.requests[1]!.payload).toEqual({ action: 'reload' });
  });

  it('starts over only on a second, confirming click, then reports where the old file went', async () => {
    const copy = `${FILE}.reset-2026-01-02T03-04-05-000Z`;
    core.answer('settings.get', () => blocked);
    core.answer('settings.resolve', () => ({ settings: { version: 1, profiles: { prod: { readOnly: true, nonProduction: false } } }, status: 'ok', file: FILE, diagnostics: [{ code: 'reset', severity: 'info', params: { file: FILE, copy } }] }));
    const wrapper = mountWithApp(TheSettingsFileBanner);
    await flushPromises();
    await wrapper.get('[data-testid="settings-file-reset"]').trigger('click');
    await flushPromises();
    expect(core.requests.map((r) => r.channel)).toEqual(['settings.get']);
    expect(wrapper.get('[data-testid="settings-file-reset"]').text()).toBe('Confirm: start over');
    await wrapper.get('[data-testid="settings-file-reset"]').trigger('click');
    await flushPromises();
    expect(core.requests[1]).toEqual({ channel: 'settings.resolve', payload: { action: 'reset' } });
    expect(wrapper.find('[data-testid="settings-file-banner"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="settings-file-notes"]').text()).toContain(`previous file is kept at ${copy}`);
  });

  it('names the profile and field of a repaired entry, in Korean too', async () => {
    core.answer('settings.get', () => ({
      ...blocked,
      status: 'ok',
      diagnostics: [{ code: 'entry-invalid', severity: 'warning', params: { file: FILE, profile: 'dev', field: 'environmentColour', outcome: 'dropped' } }],
    }));
    const wrapper = mountWithApp(TheSettingsFileBanner);
    await flushPromises();
    expect(wrapper.find('[data-testid="settings-file-banner"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="settings-file-notes"]').text()).toContain('profile "dev", environmentColour was invalid, so it is ignored');
    const korean = mountWithApp(TheSettingsFileBanner, { locale: 'ko' });
    await flushPromises();
    expect(korean.get('[data-testid="settings-file-notes"]').text()).toContain('프로필 "dev"의 environmentColour 값이 잘못되어 무시');
  });

  it('shows nothing in a host without settings (the simulator only)', async () => {
    core.answer('settings.get', () => {
      throw new Error('NotSupported');
    });
    const wrapper = mountWithApp(TheSettingsFileBanner);
    await flushPromises();
    expect(wrapper.html()).not.toContain('settings-file');
  });
});
