/**
 * A pseudo locale for tests, never offered to users: every English message accented and wrapped in
 * ⟦ ⟧, so a test can tell text that came through i18n from text that did not (e2e
 * test/e2e/pseudo-locale.e2e.ts). It is switched on only by the test hook below, a localStorage key
 * no settings screen writes.
 */
import { readSetting } from '@/utils/local-setting';

export const PSEUDO_LOCALE = 'xx';
/** The test hook: localStorage `flightdeck.pseudoLocale` = `on`. */
export const PSEUDO_SETTING = 'flightdeck.pseudoLocale';
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoLocaleActive(): boolean {
  return readSetting(PSEUDO_SETTING) === 'on';
}

const ACCENTED: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', y: 'ý', s: 'š', z: 'ž',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', Y: 'Ý', S: 'Š', Z: 'Ž',
};

/** `Load {name}` → `⟦Łóáð {name}⟧`: letters accented outside `{placeholders}`, the whole bracketed. */
export function pseudoMessage(message: string): string {
  const accented = message
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? part : part.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter)))
    .join('');
  return `${PSEUDO_OPEN}${accented}${PSEUDO_CLOSE}`;
}

export function pseudoMessages<T>(tree: T): T {
  if (typeof tree === 'string') return pseudoMessage(tree) as T;
  if (tree && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudoMessages(value)])) as T;
  return tree;
}
