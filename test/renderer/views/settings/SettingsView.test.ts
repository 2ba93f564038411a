// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePreferencesStore } from '@/stores/preferences';
import SettingsView from '@/views/settings/SettingsView.vue';
import { mountWithApp } from '../../support/mount';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('SettingsView', () => {
  it('switches language and theme and remembers both', async () => {
    const wrapper = mountWithApp(SettingsView);
    await wrapper.get('[data-testid="settings-language"] input[value="ko"]').setValue(true);
    await wrapper.get('[data-testid="settings-theme"] input[value="dark"]').setValue(true);
    expect(usePreferencesStore()).toMatchObject({ locale: 'ko', theme: 'dark' });
    expect(localStorage.getItem('flightdeck.locale')).toBe('ko');
    expect(localStorage.getItem('flightdeck.theme')).toBe('dark');

    // A fresh start (new Pinia) reads them back.
    setActivePinia(createPinia());
    expect(usePreferencesStore()).toMatchObject({ locale: 'ko', theme: 'dark' });
  });
});
