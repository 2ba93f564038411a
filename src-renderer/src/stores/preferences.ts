/**
 * Per-machine preferences, remembered in localStorage: language, theme and desktop notifications on
 * alarm state changes. (A "refresh interval" here once set only the window's staleness threshold:
 * core never polled by it. Core's schedule per service is shown in Settings instead.)
 * Profile settings (read-only, environment colour) live in main (settings.get/update), not here.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { initialLocale, LOCALE_SETTING, type Locale } from '@/i18n/locale';
import { readSetting, writeSetting } from '@/utils/local-setting';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const THEME_SETTING = 'flightdeck.theme';
export const NOTIFY_SETTING = 'flightdeck.notifications';

function initialTheme(): Theme {
  const saved = readSetting(THEME_SETTING);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(initialLocale());
  const theme = ref<Theme>(initialTheme());
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

  function setNotifications(on: boolean): void {
    notifications.value = on;
    writeSetting(NOTIFY_SETTING, on ? 'on' : 'off');
  }

  return { locale, theme, notifications, setLocale, setTheme, toggleTheme, setNotifications };
});
