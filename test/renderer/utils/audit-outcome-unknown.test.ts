/** The Activity view words an `outcome-unknown` record (a control action that may have run) in both languages. */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messages } from '@/i18n';
import { auditMessageText, auditOutcomeText } from '@/utils/audit-text';

function words(locale: 'en' | 'ko') {
  const i18n = createI18n({ legacy: false, locale, messages });
  return { t: i18n.global.t as (key: string, params?: Record<string, unknown>) => string, te: i18n.global.te as (key: string) => boolean };
}

describe('an audit record whose outcome is unknown', () => {
  it.each([
    ['en', 'Outcome unknown', 'Outcome unknown: RebootDBInstance: InternalFailure'],
    ['ko', '결과 알 수 없음', '결과 알 수 없음: RebootDBInstance: InternalFailure'],
  ] as const)('%s: its outcome and its message', (locale, outcome, message) => {
    const { t, te } = words(locale);
    expect(auditOutcomeText(t, 'outcome-unknown')).toBe(outcome);
    expect(auditOutcomeText(t, 'failed')).toBe(t('activity.outcomes.failed'));
    const text = auditMessageText(t, te, { action: 'RebootDBInstance', message: 'english', text: { code: 'outcomeUnknown', params: { error: 'RebootDBInstance: InternalFailure' } } });
    expect(text.startsWith(message)).toBe(true);
  });
});
