/**
 * DescribeTargetHealth's fixed descriptions are shown in the window's language by reason code
 * (pseudo-locale e2e: "Health checks are disabled" came through as AWS's English); one with details
 * of its own stays as AWS wrote it.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '@/i18n/en';
import ko from '@/i18n/ko';

const i18n = (locale: 'en' | 'ko') => createI18n({ legacy: false, locale, messages: { en, ko } }).global;

describe('target reason descriptions', () => {
  it('resolves the dotted AWS reason codes as message paths in both languages', () => {
    for (const reason of ['Elb.RegistrationInProgress', 'Elb.InitialHealthChecking', 'Elb.InternalError', 'Target.FailedHealthChecks', 'Target.Timeout', 'Target.NotRegistered', 'Target.DeregistrationInProgress', 'Target.HealthCheckDisabled']) {
      expect(i18n('en').te(`targetReasons.${reason}`), reason).toBe(true);
      expect(i18n('ko').te(`targetReasons.${reason}`), reason).toBe(true);
    }
    expect(i18n('ko').t('targetReasons.Target.HealthCheckDisabled')).toBe('상태 확인이 비활성화되어 있습니다');
    // Details of its own (the stopped or terminated state, the codes a check got): AWS's text.
    expect(i18n('en').te('targetReasons.Target.InvalidState')).toBe(false);
    expect(i18n('en').te('targetReasons.Target.ResponseCodeMismatch')).toBe(false);
  });
});
