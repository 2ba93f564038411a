/**
 * AWS profiles and their per-profile settings (read-only, environment colour, non-production), and
 * switching the session between the simulator and a profile/region. A core without these channels
 * (an older build) makes `available` false and Settings says so.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ProfileListing, SessionInfo, SettingsView, SsoLoginPrompt, type SettingsUpdate } from '@contract';
import { isDeclared, requestDeclared } from '@/api-pending';

/** The profile-list name of the SDK's standard chain (core: credentials/default-chain.ts). */
export const DEFAULT_CHAIN = '(default chain)';

export const useProfilesStore = defineStore('profiles', () => {
  const listing = shallowRef<ProfileListing | null>(null);
  const settings = shallowRef<SettingsView | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  /** SSO device sign-in in progress: what the operator opens and types (the device code stays in main). */
  const ssoPrompt = shallowRef<SsoLoginPrompt | null>(null);
  const retryAvailable = computed(() => isDeclared('session.retry'));
  const ssoAvailable = computed(() => isDeclared('session.ssoLogin'));

  const available = computed(() => isDeclared('profiles.list') && isDeclared('session.switch'));
  const settingsAvailable = computed(() => isDeclared('settings.get') && isDeclared('settings.update'));

  async function guarded(work: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
    } finally {
      busy.value = false;
    }
  }

  const refresh = () =>
    guarded(async () => {
      if (available.value) listing.value = await requestDeclared('profiles.list', {}, ProfileListing);
      if (settingsAvailable.value) settings.value = await requestDeclared('settings.get', {}, SettingsView);
    });

  const update = (change: SettingsUpdate) =>
    guarded(async () => {
      settings.value = await requestDeclared('settings.update', change, SettingsView);
    });

  /** The core answers with the new session and also emits session.changed, which reloads the stores. */
  const switchTo = (target: { mode: 'simulation' } | { mode: 'aws'; profile: string; region?: string }) =>
    guarded(async () => {
      await requestDeclared('session.switch', target, SessionInfo);
    });

  /** After `aws sso login`, new keys, or with an MFA code; session.changed follows with the new state. */
  const retry = (mfaCode?: string) =>
    guarded(async () => {
      await requestDeclared('session.retry', mfaCode ? { mfaCode } : {}, SessionInfo);
    });

  const ssoLogin = () =>
    guarded(async () => {
      ssoPrompt.value = await requestDeclared('session.ssoLogin', {}, SsoLoginPrompt);
    });

  return { listing, settings, error, busy, ssoPrompt, available, settingsAvailable, retryAvailable, ssoAvailable, refresh, update, switchTo, retry, ssoLogin };
});
