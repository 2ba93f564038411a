/**
 * AWS profiles and their per-profile settings (read-only, environment colour, non-production), and
 * switching the session between the simulator and a profile/region.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { PreparedProtectionChange, ProfileListing, SettingsView, SsoLoginPrompt, ProfileSettings, ProtectionChange, SettingsResolve, SettingsUpdate } from '@contract';
import { api } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

/**
 * Whether a settings change loosens a profile's protection (read-only off, or marked not
 * production). Only chooses the confirmation dialog: the core decides, and refuses a plain
 * settings.update that loosens.
 */
export function loosening(current: Pick<ProfileSettings, 'readOnly' | 'nonProduction'>, change: SettingsUpdate): ProtectionChange | undefined {
  const writable = change.readOnly === false && current.readOnly;
  const nonProduction = change.nonProduction === true && !current.nonProduction;
  if (!writable && !nonProduction) return undefined;
  return { profile: change.profile, ...(writable ? { readOnly: false as const } : {}), ...(nonProduction ? { nonProduction: true as const } : {}) };
}

/** The profile-list name of the SDK's standard chain (core: credentials/default-chain.ts). */
export const DEFAULT_CHAIN = '(default chain)';

export const useProfilesStore = defineStore('profiles', () => {
  const listing = shallowRef<ProfileListing | null>(null);
  const settings = shallowRef<SettingsView | null>(null);
  const error = ref<RequestFailure | null>(null);
  const busy = ref(false);
  /** SSO device sign-in in progress: what the operator opens and types (the device code stays in main). */
  const ssoPrompt = shallowRef<SsoLoginPrompt | null>(null);

  async function guarded(work: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (caught) {
      error.value = requestFailure(caught);
    } finally {
      busy.value = false;
    }
  }

  const refresh = () =>
    guarded(async () => {
      listing.value = await api.request('profiles.list', {});
      settings.value = await api.request('settings.get', {});
    });

  /**
   * Only the settings' status, for the shell's banner (every view, not just Settings): asked at
   * start and after each session change. A host without settings (simulator only) has nothing to
   * report, so its NotSupported answer is not an error here.
   */
  async function loadSettings(): Promise<void> {
    try {
      settings.value = await api.request('settings.get', {});
    } catch {
      // Settings shows the error when opened; the banner only reports what the core could say.
    }
  }

  /** The operator's decision about a settings file that could not be used. */
  const resolveSettings = (action: SettingsResolve['action']) =>
    guarded(async () => {
      settings.value = await api.request('settings.resolve', { action });
    });

  /** A loosening change being confirmed: asked for, then prepared by the core (nonce, text to type). */
  const protectionChange = shallowRef<ProtectionChange | null>(null);
  const protection = shallowRef<PreparedProtectionChange | null>(null);
  const protectionError = ref<RequestFailure | null>(null);
  const protectionBusy = ref(false);

  function currentSettings(profile: string): Pick<ProfileSettings, 'readOnly' | 'nonProduction'> {
    return settings.value?.settings.profiles[profile] ?? { readOnly: false, nonProduction: false };
  }

  /** Tightening and colours apply at once; loosening opens the confirmation (typed profile name). */
  const update = (change: SettingsUpdate) => {
    const loosened = loosening(currentSettings(change.profile), change);
    if (loosened) return requestProtection(loosened);
    return guarded(async () => {
      settings.value = await api.request('settings.update', change);
    });
  };

  async function requestProtection(change: ProtectionChange): Promise<void> {
    protectionChange.value = change;
    protection.value = null;
    protectionError.value = null;
    protectionBusy.value = true;
    try {
      protection.value = await api.request('settings.protection.prepare', change);
    } catch (caught) {
      protectionError.value = requestFailure(caught);
    } finally {
      protectionBusy.value = false;
    }
  }

  async function confirmProtection(typed: string): Promise<void> {
    const prepared = protection.value;
    if (!prepared) return;
    protectionBusy.value = true;
    protectionError.value = null;
    try {
      settings.value = await api.request('settings.protection.execute', { nonce: prepared.nonce, confirmation: typed.trim() });
      protection.value = null;
      protectionChange.value = null;
    } catch (caught) {
      // The nonce is spent either way: a new attempt prepares again.
      protection.value = null;
      protectionError.value = requestFailure(caught);
    } finally {
      protectionBusy.value = false;
    }
  }

  function cancelProtection(): void {
    protectionChange.value = null;
    protection.value = null;
    protectionError.value = null;
  }

  /** The core answers with the new session and also emits session.changed, which reloads the stores. */
  const switchTo = (target: { mode: 'simulation' } | { mode: 'aws'; profile: string; region?: string }) =>
    guarded(async () => {
      await api.request('session.switch', target);
    });

  /** After `aws sso login`, new keys, or with an MFA code; session.changed follows with the new state. */
  const retry = (mfaCode?: string) =>
    guarded(async () => {
      await api.request('session.retry', mfaCode ? { mfaCode } : {});
    });

  const ssoLogin = () =>
    guarded(async () => {
      ssoPrompt.value = await api.request('session.ssoLogin', {});
    });

  return {
    listing,
    settings,
    error,
    busy,
    ssoPrompt,
    refresh,
    loadSettings,
    resolveSettings,
    update,
    switchTo,
    retry,
    ssoLogin,
    protectionChange,
    protection,
    protectionError,
    protectionBusy,
    requestProtection,
    confirmProtection,
    cancelProtection,
  };
});
