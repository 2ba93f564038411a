// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import App from '@/App.vue';
import { usePreferencesStore } from '@/stores/preferences';
import { installFakeCore } from './support/fake-api';
import { mountWithApp } from './support/mount';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  installFakeCore();
});
afterEach(() => setApi(undefined));

describe('App', () => {
  it('applies language and theme to the document and follows changes', async () => {
    const wrapper = mountWithApp(App);
    await flushPromises();
    const preferences = usePreferencesStore();
    preferences.setLocale('ko');
    preferences.setTheme('dark');
    await flushPromises();
    expect(document.documentElement.lang).toBe('ko');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(wrapper.get('nav').text()).toContain('개요');
  });
});
