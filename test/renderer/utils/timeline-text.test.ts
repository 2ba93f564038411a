/**
 * Timeline entries from codes (utils/timeline-text.ts): target-health and health-check changes are
 * worded by the window, in English and Korean, with AWS's codes and the figures as values.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messages } from '@/i18n';
import { timelineMessage, timelineText } from '@/utils/timeline-text';

function translator(locale: 'en' | 'ko') {
  const { global } = createI18n({ legacy: false, locale, messages });
  return { t: (key: string, params?: Record<string, unknown>) => global.t(key, params ?? {}), te: (key: string) => global.te(key) };
}

describe('timeline entries from codes', () => {
  it('a target-health change names the state in the operator’s words and keeps the reason code', () => {
    const text = { code: 'target.stateReason' as const, params: { target: 'i-0abc', group: 'web', state: 'unhealthy', reason: 'Target.FailedHealthChecks' } };
    const en = translator('en');
    const ko = translator('ko');
    expect(timelineText(en.t, en.te, text)).toBe('Target i-0abc in web is now Unhealthy (Target.FailedHealthChecks)');
    expect(timelineText(ko.t, ko.te, text)).toBe('web의 대상 i-0abc이(가) 이제 비정상 상태입니다(Target.FailedHealthChecks)');
    expect(timelineText(en.t, en.te, { code: 'target.state', params: { target: 'i-0abc', group: 'web', state: 'healthy' } })).toBe('Target i-0abc in web is now Healthy');
  });

  it('a health-check change gives its checkers’ share, the last failure and inversion', () => {
    const en = translator('en');
    const ko = translator('ko');
    const text = {
      code: 'healthCheck.checkers' as const,
      params: { check: 'EuHealth', id: 'hc-1', status: 'Unhealthy', healthy: 3, checkers: 24, percent: 12.5, lastFailure: 'Failure: connection timed out', inverted: 1 },
    };
    expect(timelineText(en.t, en.te, text)).toBe(
      'Health check EuHealth (hc-1) is now Unhealthy: 3 of 24 checkers (12.5 %) report the endpoint healthy; more than 18 % makes it healthy; last failure: Failure: connection timed out (inverted)',
    );
    expect(timelineText(ko.t, ko.te, text)).toContain('상태 확인 EuHealth(hc-1)이(가) 이제 비정상입니다');
    expect(timelineText(en.t, en.te, { code: 'healthCheck.children', params: { check: 'All', id: 'hc-2', status: 'Healthy', healthy: 2, children: 3, threshold: 2 } })).toBe(
      'Health check All (hc-2) is now Healthy: 2 of 3 child health checks are healthy; HealthThreshold is 2',
    );
  });

  it('an entry without a code shows core’s message', () => {
    const en = translator('en');
    expect(timelineMessage(en.t, en.te, { message: 'Invoke: throttled' })).toBe('Invoke: throttled');
  });
});
