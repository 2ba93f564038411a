// @vitest-environment happy-dom
/** The pseudo locale: brackets and accents every message, keeps placeholders, and is off unless the test hook is set. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import { PSEUDO_SETTING, pseudoMessage, pseudoMessages } from '@/i18n/pseudo';

afterEach(() => localStorage.removeItem(PSEUDO_SETTING));

describe('pseudo locale', () => {
  it('accents letters outside placeholders and brackets the message', () => {
    expect(pseudoMessage('Load {name} now')).toBe('⟦Lóád {name} ñów⟧');
    expect(pseudoMessages({ a: { b: 'x {n}' } })).toEqual({ a: { b: '⟦x {n}⟧' } });
  });

  it('is used only behind its test hook', () => {
    expect(createAppI18n('en').global.t('nav.settings')).toBe('Settings');
    localStorage.setItem(PSEUDO_SETTING, 'on');
    const i18n = createAppI18n('en');
    expect(i18n.global.locale.value).toBe('xx');
    expect(i18n.global.t('nav.settings')).toBe('⟦Šéttíñgš⟧');
    expect(i18n.global.t('simulator.loaded', { name: 'shop' })).toBe('⟦shop íš rúññíñg.⟧');
  });
});
