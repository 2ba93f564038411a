/**
 * Pre-flight check texts word the AWS values they quote as the rest of the window does (operator
 * review: the Korean promote dialog said "상태: available" beside "사용 가능" everywhere else).
 */
import { describe, expect, it } from 'vitest';
import type { PreflightCheck } from '@contract';
import { checkDetail } from '@/components/actions/action-text';
import { createAppI18n } from '@/i18n';

const translator = (locale: 'en' | 'ko') => {
  const i18n = createAppI18n(locale);
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
};
const check = (status: string): PreflightCheck => ({ code: 'status-available.ok', status: 'pass', params: { status } });

describe('check texts translate the AWS values they quote', () => {
  it('Korean: the DB status reads 사용 가능, as in the RDS view', () => {
    expect(checkDetail(translator('ko'), check('available'))).toBe('상태: 사용 가능');
    expect(checkDetail(translator('ko'), { ...check('backing-up'), code: 'status-available.not', status: 'fail' })).toContain('상태: 백업 중');
  });

  it('English: the console word; a status with no translation as AWS spells it', () => {
    expect(checkDetail(translator('en'), check('available'))).toBe('Status: Available');
    expect(checkDetail(translator('ko'), check('some-new-status'))).toBe('상태: some-new-status');
  });
});
