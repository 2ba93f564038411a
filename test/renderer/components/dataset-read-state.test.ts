// @vitest-environment happy-dom
/**
 * What the review of AWS mode against moto found the window hiding or claiming: a secondary call
 * that failed (alarm history: the dataset is ok with an error) shown nowhere and the header "Fresh";
 * tiles saying "Not in this scenario or region" from an old empty answer after the credentials were
 * revoked; and the reason of stale data saying "too old" when the refresh failed.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, type DatasetStatuses, type HealthReason, type HealthReport, type HealthService, type ServiceHealth } from '@contract';
import TheStalenessIndicator from '@/components/layout/TheStalenessIndicator.vue';
import { useHealthStore } from '@/stores/health';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { awsSession, emptyInventory } from '../support/fixtures';
import { mountWithApp } from '../support/mount';

vi.mock('echarts/core', () => import('../support/echarts-mock'));

const ALL = ['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'] as const;
/** DescribeAlarmHistory answered 500 (moto); the alarms themselves were read (sources/aws/polling/dataset-book.ts `fresh` with `partial`). */
const HISTORY_FAILED = {
  code: 'InternalError',
  message: 'DescribeAlarmHistory failed: InternalError (HTTP 500)',
  problem: { code: 'service.error', params: { operation: 'DescribeAlarmHistory', code: 'InternalError', status: '500', service: 'cloudwatch', unread: 'DescribeAlarmHistory, GetMetricData' } },
};
const REVOKED = {
  code: 'InvalidClientTokenId',
  message: 'The security token included in the request is invalid.',
  problem: { code: 'credentials.invalid', params: { profile: 'revoke' } },
};

const verdict = (service: HealthService, status: ServiceHealth['status'], total: number, reasons: HealthReason[] = []): ServiceHealth => ({ service, status, total, counts: {}, reasons });
const report = (services: ServiceHealth[]): HealthReport => ({ evaluatedAt: new Date().toISOString(), thresholds: DEFAULT_HEALTH_THRESHOLDS, resources: [], services });
const tile = (wrapper: ReturnType<typeof mountWithApp>, service: HealthService) => wrapper.get(`[data-testid="service-tile"][data-service="${service}"]`);

beforeEach(() => {
  setActivePinia(createPinia());
  useSessionStore().setSession(awsSession);
  useInventoryStore().replace(emptyInventory());
});

describe('a dataset read but for a secondary call says so', () => {
  const fresh = (now: number): DatasetStatuses => Object.fromEntries(ALL.map((s) => [s, { state: 'ok', fetchedAt: now }]));

  it('the Overview names the gap: "partly read" with the call that failed, translated', () => {
    const now = Date.now();
    useSessionStore().setDatasets({ ...fresh(now), cloudwatch: { state: 'ok', fetchedAt: now, error: HISTORY_FAILED } });
    const banner = mountWithApp(OverviewView).get('[data-testid="dataset-partial"]');
    expect(banner.attributes('data-service')).toBe('cloudwatch');
    expect(banner.text()).toContain('partly read: alarm history, metric data could not be read:');
    expect(banner.get('[data-testid="dataset-partial-message"]').text()).toBe('DescribeAlarmHistory failed: InternalError (HTTP 500).');
    // Recent changes says what it misses (the review saw no alarm row and no note).
    expect(mountWithApp(OverviewView).get('[data-testid="events-unread"]').text()).toBe('Missing from this list: alarm history could not be read (see the message above).');
    const ko = mountWithApp(OverviewView, { locale: 'ko' }).get('[data-testid="dataset-partial"]');
    expect(ko.text()).toContain('일부만 읽음: 경보 기록, 지표 데이터을(를) 읽을 수 없음:');
  });

  it('the header says "Partly read", not "Fresh"', () => {
    const now = Date.now();
    useSessionStore().setDatasets({ ...fresh(now), cloudwatch: { state: 'ok', fetchedAt: now, error: HISTORY_FAILED } });
    const badge = mountWithApp(TheStalenessIndicator).get('[data-testid="staleness"]');
    expect(badge.attributes('data-state')).toBe('partial');
    expect(badge.text()).toMatch(/^Partly read · 1 of 6/);
  });

  it('a dataset that failed outright is still an error, shown once (not also as partly read)', () => {
    const now = Date.now();
    useSessionStore().setDatasets({ ...fresh(now), rds: { state: 'error', error: HISTORY_FAILED } });
    const overview = mountWithApp(OverviewView);
    expect(overview.findAll('[data-testid="dataset-partial"]')).toHaveLength(0);
    expect(overview.find('[data-testid="events-unread"]').exists()).toBe(false);
    expect(overview.findAll('[data-testid="dataset-error"]')).toHaveLength(1);
  });
});

describe('"not in this region" only while the last read answered', () => {
  it('after the credentials are revoked an old empty answer is not "Not in this scenario or region"', () => {
    const fetchedAt = Date.now() - 3 * 60_000;
    useSessionStore().setDatasets(Object.fromEntries(ALL.map((s) => [s, { state: 'stale', fetchedAt, error: REVOKED }])));
    useHealthStore().replace(report(ALL.map((s) => verdict(s, 'unknown', 0, [{ code: 'data.stale', status: 'unknown', subject: '', params: { cause: 'refreshFailed', since: new Date(fetchedAt).toISOString() } }]))));
    const overview = mountWithApp(OverviewView);
    expect(overview.text()).not.toContain('Not in this scenario or region');
    expect(tile(overview, 'rds').text()).toContain('Could not be read now; none found when last read 3 min ago');
    // The view does not claim it either; the stale banner says old data is shown.
    const view = mountWithApp(AutoScalingView);
    expect(view.text()).not.toContain('No Auto Scaling groups');
    expect(view.find('[data-testid="dataset-stale"]').exists()).toBe(true);
  });

  it('a fresh empty answer still says it', () => {
    useSessionStore().setDatasets(Object.fromEntries(ALL.map((s) => [s, { state: 'ok', fetchedAt: Date.now() }])));
    useHealthStore().replace(report(ALL.map((s) => verdict(s, 'ok', 0))));
    expect(tile(mountWithApp(OverviewView), 'rds').text()).toContain('Not in this scenario or region');
    expect(mountWithApp(AutoScalingView).text()).toContain('No Auto Scaling groups');
  });
});

describe('stale data says why, once, with what was last seen', () => {
  it('a failed refresh is not "too old"; the last verdict is context', () => {
    const fetchedAt = Date.now() - 3 * 60_000;
    useSessionStore().setDatasets(Object.fromEntries(ALL.map((s) => [s, { state: 'stale', fetchedAt, error: REVOKED }])));
    const stale: HealthReason = { code: 'data.stale', status: 'unknown', subject: '', params: { cause: 'refreshFailed', since: '2026-12-07T23:59:15.000Z', last: 'ok' } };
    useHealthStore().replace(report(ALL.map((s) => verdict(s, 'unknown', 2, [stale]))));
    const text = tile(mountWithApp(OverviewView), 'rds').text();
    expect(text).toContain('Data is stale: refreshing it failed; last read at 23:59 UTC; last seen Healthy');
    expect(text).not.toContain('too old');
    expect(tile(mountWithApp(OverviewView, { locale: 'ko' }), 'rds').text()).toContain('새로 고침에 실패했습니다');
  });
});
