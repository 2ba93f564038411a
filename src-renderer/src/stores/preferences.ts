/**
 * Per-machine preferences, remembered in localStorage: language, theme, refresh interval (AWS mode
 * polling and the staleness threshold) and desktop notifications on alarm state changes.
 * Profile settings (read-only, environment colour) live in main (settings.get/update), not here.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { initialLocale, LOCALE_SETTING, type Locale } from '@/i18n/locale';
import { readSetting, writeSetting } from '@/utils/local-setting';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const THEME_SETTING = 'flightdeck.theme';
export const REFRESH_SETTING = 'flightdeck.refreshSeconds';
export const NOTIFY_SETTING = 'flightdeck.notifications';
/** CloudWatch's basic resolution is one minute; polling faster mostly re-reads the same period. */
export const REFRESH_INTERVALS = [15, 30, 60, 120, 300] as const;
export const DEFAULT_REFRESH_SECONDS = 60;

function initialTheme(): Theme {
  const saved = readSetting(THEME_SETTING);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function initialRefresh(): number {
  const saved = Number(readSetting(REFRESH_SETTING));
  return (REFRESH_INTERVALS as readonly number[]).includes(saved) ? saved : DEFAULT_REFRESH_SECONDS;
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(initialLocale());
  const theme = ref<Theme>(initialTheme());
  const refreshSeconds = ref<number>(initialRefresh());
  const notifications = ref<boolean>(readSetting(NOTIFY_SETTING) === 'on');

  function setLocale(next: Locale): void {
    locale.value = next;
    writeSetting(LOCALE_SETTING, next);
  }

  function setTheme(next: Theme): void {
    theme.value = next;
    writeSetting(THEME_SETTING, next);
  }

  function toggleTheme(): void {
    setTheme(theme.value === 'dark' ? 'light' : 'dark');
  }

  function setRefreshSeconds(next: number): void {
    if (!(REFRESH_INTERVALS as readonly number[]).includes(next)) return;
    refreshSeconds.value = next;
    writeSetting(REFRESH_SETTING, String(next));
  }

  function setNotifications(on: boolean): void {
    notifications.value = on;
    writeSetting(NOTIFY_SETTING, on ? 'on' : 'off');
  }

  return { locale, theme, refreshSeconds, notifications, setLocale, setTheme, toggleTheme, setRefreshSeconds, setNotifications };
});
