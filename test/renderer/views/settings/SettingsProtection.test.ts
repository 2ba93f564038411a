// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '@contract';
import { loosening } from '@/stores/profiles';
import SettingsProfiles from '@/views/settings/SettingsProfiles.vue';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { mountWithApp } from '../../support/mount';

let core: FakeCore;
let saved: SettingsView;

function view(profiles: SettingsView['settings']['profiles']): SettingsView {
  return { settings: { version: 1, profiles }, status: 'ok', file: '/h/.config/flightdeck/settings.json', diagnostics: [] };
}

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
  core = installFakeCore();
  saved = view({ prod: { readOnly: true, nonProduction: false } });
  core.answer('profiles.list', { profiles: [{ name: 'prod', kind: 'static' }], configFile: '/h/.aws/config', credentialsFile: '/h/.aws/credentials' });
  core.answer('settings.get', () => saved);
  core.answer('settings.update', ({ profile: _profile, ...flags }: { profile: string; readOnly?: boolean; nonProduction?: boolean }) => {
    saved = view({ prod: { ...saved.settings.profiles.prod!, ...flags } });
    return saved;
  });
  core.answer('settings.protection.prepare', (change: object) => ({ nonce: 'n-1', change, current: { readOnly: true, nonProduction: false }, typedConfirmation: 'prod', expiresAt: '2026-12-07T03:00:00.000Z' }));
  core.answer('settings.protection.execute', () => {
    saved = view({ prod: { readOnly: false, nonProduction: false } });
    return saved;
  });
});

const dialog = () => document.body.querySelector('[data-testid="protection-dialog"]');
const box = (wrapper: ReturnType<typeof mountWithApp>, id: string) => wrapper.get<HTMLInputElement>(`[data-testid="${id}"]`);

describe('loosening a profile in Settings', () => {
  it('decides loosening like the core: read-only off or not-production on; tightening and colours are not', () => {
    expect(loosening({ readOnly: true, nonProduction: false }, { profile: 'p', readOnly: false })).toEqual({ profile: 'p', readOnly: false });
    expect(loosening({ readOnly: false, nonProduction: false }, { profile: 'p', nonProduction: true, readOnly: false })).toEqual({ profile: 'p', nonProduction: true });
    expect(loosening({ readOnly: false, nonProduction: true }, { profile: 'p', readOnly: true, nonProduction: false })).toBeUndefined();
    expect(loosening({ readOnly: true, nonProduction: false }, { profile: 'p', environmentColour: '#ff0000' })).toBeUndefined();
  });

  it('unticking read-only opens the confirmation; only the typed profile name applies it, via the protection channels', async () => {
    const wrapper = mountWithApp(SettingsProfiles, { attachTo: document.body });
    await flushPromises();
    const readOnly = box(wrapper, 'read-only-prod');
    expect(readOnly.element.checked).toBe(true);
    await readOnly.setValue(false);
    await flushPromises();
    // The box still shows the saved setting; nothing was sent as a plain settings.update.
    expect(readOnly.element.checked).toBe(true);
    expect(core.requests.map((r) => r.channel)).not.toContain('settings.update');
    expect(core.requests.at(-1)).toEqual({ channel: 'settings.protection.prepare', payload: { profile: 'prod', readOnly: false } });
    expect(dialog()!.querySelector('[data-testid="protection-writable"]')).not.toBeNull();
    const confirm = () => document.body.querySelector<HTMLButtonElement>('[data-testid="protection-confirm"]')!;
    const typed = document.body.querySelector<HTMLInputElement>('[data-testid="protection-typed"]')!;
    expect(confirm().disabled).toBe(true);
    typed.value = 'Prod';
    typed.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(confirm().disabled).toBe(true);
    typed.value = 'prod';
    typed.dispatchEvent(new Event('input'));
    await flushPromises();
    confirm().click();
    await flushPromises();
    expect(core.requests.at(-1)).toEqual({ channel: 'settings.protection.execute', payload: { nonce: 'n-1', confirmation: 'prod' } });
    expect(dialog()).toBeNull();
    expect(readOnly.element.checked).toBe(false);
    wrapper.unmount();
  });

  it('cancelling leaves the profile protected; tightening applies at once without a dialog', async () => {
    const wrapper = mountWithApp(SettingsProfiles, { attachTo: document.body });
    await flushPromises();
    await box(wrapper, 'non-production-prod').setValue(true);
    await flushPromises();
    expect(dialog()!.querySelector('[data-testid="protection-non-production"]')).not.toBeNull();
    document.body.querySelector<HTMLButtonElement>('[data-testid="protection-cancel"]')!.click();
    await flushPromises();
    expect(dialog()).toBeNull();
    expect(box(wrapper, 'non-production-prod').element.checked).toBe(false);
    expect(core.requests.map((r) => r.channel)).not.toContain('settings.protection.execute');

    saved = view({ prod: { readOnly: false, nonProduction: false } });
    await wrapper.unmount();
    const again = mountWithApp(SettingsProfiles, { attachTo: document.body });
    await flushPromises();
    await box(again, 'read-only-prod').setValue(true);
    await flushPromises();
    expect(dialog()).toBeNull();
    expect(core.requests.at(-1)).toEqual({ channel: 'settings.update', payload: { profile: 'prod', readOnly: true } });
    expect(box(again, 'read-only-prod').element.checked).toBe(true);
    again.unmount();
  });

  it('shows the core refusing (a wrong name, an expired nonce) with its message', async () => {
    core.refuse('settings.protection.execute', 'Unauthorized', 'Type the profile name prod exactly to confirm.');
    const wrapper = mountWithApp(SettingsProfiles, { attachTo: document.body });
    await flushPromises();
    await box(wrapper, 'read-only-prod').setValue(false);
    await flushPromises();
    const typed = document.body.querySelector<HTMLInputElement>('[data-testid="protection-typed"]')!;
    typed.value = 'prod';
    typed.dispatchEvent(new Event('input'));
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="protection-confirm"]')!.click();
    await flushPromises();
    expect(document.body.querySelector('[data-testid="protection-error"]')!.textContent).toContain('Type the profile name prod exactly');
    expect(box(wrapper, 'read-only-prod').element.checked).toBe(true);
    wrapper.unmount();
  });
});
