/** Language and theme, remembered per machine in localStorage. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { initialLocale, LOCALE_SETTING, type Locale } from '@/i18n/locale';
import { readSetting, writeSetting } from '@/utils/local-setting';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const THEME_SETTING = 'flightdeck.theme';

function initialTheme(): Theme {
  const saved = readSetting(THEME_SETTING);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(initialLocale());
  const theme = ref<Theme>(initialTheme());

  function setLocale(next: Locale): void {
    locale.value = next;
    writeSetting(LOCALE_SETTING, next);
  }

  function setTheme(next: Theme): void {
    theme.value = next;
    writeSetting(THEME_SETTING, next);
  }

  return { locale, theme, setLocale, setTheme };
});
