/** Which language to start in: the saved choice, else the system language (ko, ko-KR … → ko). */
import { readSetting } from '@/utils/local-setting';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_SETTING = 'flightdeck.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function localeFromLanguage(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function initialLocale(): Locale {
  const saved = readSetting(LOCALE_SETTING);
  if (isLocale(saved)) return saved;
  return localeFromLanguage(globalThis.navigator?.language);
}
