/**
 * vue-i18n in composition mode. Messages are plain objects compiled at runtime by vue-i18n's
 * JIT compiler, which does not use eval, so the strict CSP (no 'unsafe-eval') holds.
 */
import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import ko from './ko';
import { initialLocale, type Locale } from './locale';

export type { MessageSchema } from './en';
export { LOCALES, type Locale } from './locale';

export const messages: Record<Locale, MessageSchema> = { en, ko };

export function createAppI18n(locale: Locale = initialLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
