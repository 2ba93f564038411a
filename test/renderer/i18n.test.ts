// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import ko from '@/i18n/ko';
import { localeFromLanguage } from '@/i18n/locale';

/** Every leaf key as a dotted path, with its message. */
function leaves(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** The {named} parameters a message uses. */
const params = (message: unknown): string[] => [...String(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message files', () => {
  const enLeaves = leaves(en);
  const koLeaves = leaves(ko);

  it('have the same keys in English and Korean', () => {
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('use the same parameters in both languages, and no empty messages', () => {
    for (const [key, message] of enLeaves) {
      expect(typeof message, key).toBe('string');
      expect(String(message).length, key).toBeGreaterThan(0);
      expect(params(koLeaves.get(key)), key).toEqual(params(message));
    }
  });

  it('avoid vue-i18n syntax characters that would be read as linked messages or plurals', () => {
    for (const [key, message] of [...enLeaves, ...koLeaves]) expect(String(message), key).not.toMatch(/[@|$]/);
  });

  it('use the Korean console terms', () => {
    expect(ko.nav.loadBalancers).toBe('로드 밸런서');
    expect(ko.targetGroups.title).toBe('대상 그룹');
    expect(ko.autoScaling.desiredCapacity).toBe('원하는 용량');
    expect(ko.route53.empty).toContain('호스팅 영역');
    expect(ko.rds.detail).toContain('읽기 전용 복제본 승격');
  });
});

describe('language detection', () => {
  it('maps any Korean system language to ko and everything else to en', () => {
    expect(localeFromLanguage('ko')).toBe('ko');
    expect(localeFromLanguage('ko-KR')).toBe('ko');
    expect(localeFromLanguage('en-US')).toBe('en');
    expect(localeFromLanguage('ja')).toBe('en');
    expect(localeFromLanguage(undefined)).toBe('en');
  });
});
