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

  it('a Lambda entry: throttling with its limit, dropped events, a missing function (issue 9: no English sentence in Korean)', () => {
    const en = translator('en');
    const ko = translator('ko');
    const throttling = { code: 'lambda.throttlingStarted' as const, params: { function: 'api', throttled: 1500, offered: 2500, concurrency: 20, limit: 'reserved', value: 20 } };
    // The CLI's words for the same entry (lambda-service.test.ts pins them).
    expect(timelineText(en.t, en.te, throttling)).toBe('api is throttling: 1,500 of 2,500 invocations refused (429 TooManyRequestsException) at 20 concurrent executions, limited by its reserved concurrency of 20');
    expect(timelineText(ko.t, ko.te, throttling)).toBe('api 제한 중: 동시 실행 20개에서 호출 2,500건 중 1,500건이 거부됨(429 TooManyRequestsException), 원인: 예약된 동시성 20');
    expect(timelineText(en.t, en.te, { code: 'lambda.throttlingStarted', params: { ...throttling.params, limit: 'scaling', value: 1000 } })).toContain('limited by the scaling rate of 1,000 new execution environments per 10 s');
    expect(timelineText(ko.t, ko.te, { code: 'lambda.eventsExpired', params: { function: 'worker', count: 100, seconds: 21600 } })).toBe('worker에 대한 비동기 이벤트 100건이 이벤트 대기열에서 21600초(MaximumEventAgeInSeconds) 동안 대기한 후 삭제됨');
    expect(timelineText(en.t, en.te, { code: 'lambda.eventsRetriesExhausted', params: { function: 'flaky', count: 100, retries: 2 } })).toBe('100 asynchronous events to flaky were dropped after 2 retries (MaximumRetryAttempts) of function errors');
    expect(timelineText(ko.t, ko.te, { code: 'lambda.invokeFunctionNotFound', params: { function: 'missing' } })).toBe('Invoke: ResourceNotFoundException: Function not found: missing');
  });

  it('an entry without a code shows core’s message', () => {
    const en = translator('en');
    expect(timelineMessage(en.t, en.te, { message: 'Invoke: throttled' })).toBe('Invoke: throttled');
  });

  it('a scheduled action refused with its problem code: the refusal worded by the window, not the simulated API’s English', () => {
    const text = { code: 'action.refused' as const, params: { kind: 'PromoteReadReplica', path: 'Actions[1]', error: 'DB instance shop-db is not a read replica.', errorCode: 'refusal.not-a-replica', 'error.id': 'shop-db' } };
    const ko = translator('ko');
    const shown = timelineText(ko.t, ko.te, text);
    expect(shown).toContain('DB 인스턴스 shop-db은(는) 읽기 전용 복제본이 아닙니다.');
    expect(shown).not.toContain('is not a read replica');
    // Without a code (an older core) the English travels as the entry's error.
    expect(timelineText(ko.t, ko.te, { code: 'action.refused', params: { kind: 'PromoteReadReplica', path: 'Actions[1]', error: 'DB instance shop-db is not a read replica.' } })).toContain('is not a read replica');
  });
});
