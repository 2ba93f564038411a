/**
 * vue-i18n in composition mode. Messages are plain objects compiled at runtime by vue-i18n's
 * JIT compiler, which does not use eval, so the strict CSP (no 'unsafe-eval') holds.
 */
import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import ko from './ko';
import { initialLocale, type Locale } from './locale';
import { PSEUDO_LOCALE, pseudoLocaleActive, pseudoMessages } from './pseudo';

export type { MessageSchema } from './en';
export { LOCALES, type Locale } from './locale';

export const messages: Record<Locale, MessageSchema> = { en, ko };

export function createAppI18n(locale: Locale = initialLocale()) {
  // The pseudo locale exists only behind its test hook (i18n/pseudo.ts); users are offered en and ko.
  const pseudo = pseudoLocaleActive();
  const all = pseudo ? ({ ...messages, [PSEUDO_LOCALE]: pseudoMessages(en) } as Record<Locale, MessageSchema>) : messages;
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale: pseudo ? (PSEUDO_LOCALE as Locale) : locale,
    fallbackLocale: 'en',
    messages: all,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
