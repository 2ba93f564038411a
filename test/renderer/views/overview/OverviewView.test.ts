// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));
import { useActivitiesStore } from '@/stores/activities';
import { useEventsStore } from '@/stores/events';
import { useHealthStore } from '@/stores/health';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { START, awsSession, activity, emptyInventory, fullInventory, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { DEFAULT_HEALTH_THRESHOLDS, type DatasetStatuses, type HealthReason, type HealthReport, type HealthService, type ResourceHealth, type ServiceHealth } from '@contract';

const reason = (code: HealthReason['code'], status: HealthReason['status'], subject: string, params: HealthReason['params'] = {}): HealthReason => ({ code, status, subject, params });
const verdict = (service: HealthService, status: ServiceHealth['status'], total: number, counts: Record<string, number>, reasons: HealthReason[] = []): ServiceHealth => ({ service, status, total, counts, reasons });

/** What core's health model (test/unit/core/health) answers for fullInventory(). */
function fullReport(): HealthReport {
  const tg: ResourceHealth = { kind: 'targetGroup', id: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1', name: 'web', status: 'degraded', reasons: [reason('tg.unhealthyTargets', 'degraded', 'web', { unhealthy: 1, total: 2 })] };
  return {
    evaluatedAt: new Date(START).toISOString(),
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    resources: [tg],
    services: [
      verdict('elbv2', 'degraded', 1, { loadBalancers: 1, healthy: 1, unhealthy: 1, total: 2 }, tg.reasons),
      verdict('autoscaling', 'ok', 1, { groups: 1, inService: 1, desired: 2 }, [reason('asg.launching', 'ok', 'web-asg', { inService: 1, desired: 2, launching: 1 })]),
      verdict('route53', 'degraded', 1, { zones: 1, records: 4, unhealthy: 1, checks: 1 }, [reason('hc.unhealthy', 'degraded', '192.0.2.1', { records: 1, recordNames: 'api.example.com primary' })]),
      verdict('rds', 'ok', 2, { instances: 2, available: 2, replicas: 1 }),
      verdict('lambda', 'ok', 1, { functions: 1, throttled: 0, failing: 0 }),
      verdict('cloudwatch', 'ok', 2, { alarms: 2, inAlarm: 0, scaling: 1 }, [reason('alarm.scaling', 'ok', 'AlarmHigh', { direction: 'high' })]),
    ],
  };
}

function emptyReport(datasets: Partial<Record<HealthService, 'unknown'>>): HealthReport {
  const services = (['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'] as const).map((s) => verdict(s, datasets[s] ?? 'ok', 0, {}, datasets[s] ? [reason('data.missing', 'unknown', '', { state: 'loading' })] : []));
  return { evaluatedAt: new Date(START).toISOString(), thresholds: DEFAULT_HEALTH_THRESHOLDS, resources: [], services };
}

beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(fullInventory());
  useHealthStore().replace(fullReport());
  useActivitiesStore().load(snapshot().scalingActivities);
  useEventsStore().load({
    alarmHistory: [{ alarmName: 'TargetTracking-web-asg-AlarmHigh-12345678-1234-1234-1234-123456789012', timestamp: new Date(START + 7 * 60_000).toISOString(), oldState: 'OK', newState: 'ALARM', reason: 'Threshold Crossed' }],
    rdsEvents: [{ sourceIdentifier: 'shop-db-replica-1', sourceType: 'db-instance', date: new Date(START + 8 * 60_000).toISOString(), message: 'Replica lag exceeded', eventCategories: ['notification'] }],
    timeline: [{ time: new Date(START + 9 * 60_000).toISOString(), service: 'elbv2', kind: 'TargetHealth', resource: 'web/i-2', message: 'Target i-2 in web is now unhealthy', severity: 'warning' }],
  });
});

describe('OverviewView', () => {
  it('shows every service with its health at a glance', () => {
    const wrapper = mountWithApp(OverviewView);
    const tiles = Object.fromEntries(wrapper.findAll('[data-testid="service-tile"]').map((tile) => [tile.attributes('data-service'), tile.attributes('data-status')]));
    // One of two targets unhealthy: degraded, not down. One instance Pending: capacity on its way.
    // The failover primary's check is unhealthy: the secondary answers (degraded). The alarm in
    // ALARM belongs to a target-tracking policy: scaling state, not degradation.
    expect(tiles).toEqual({ elbv2: 'degraded', autoscaling: 'ok', route53: 'degraded', rds: 'ok', lambda: 'ok', cloudwatch: 'ok' });
    // And why, in words.
    const why = wrapper.get('[data-testid="service-tile"][data-service="elbv2"]').findAll('[data-testid="service-tile-reason"]').map((line) => line.text());
    expect(why[0]).toBe('web: 1 of 2 targets unhealthy');
  });

  it('draws the request path from the DNS record to the replica, each node linking to its view', () => {
    const wrapper = mountWithApp(OverviewView);
    const nodes = wrapper.findAll('[data-testid="path-node"]').map((node) => [node.attributes('data-kind'), node.attributes('data-label')]);
    expect(nodes).toEqual([
      ['rule', 'shop-alb :80'],
      ['rule', 'shop-alb :80'],
      ['record', 'www blue'],
      ['targetGroup', 'web'],
      ['autoScalingGroup', 'web-asg'],
      ['function', 'thumbnailer'],
      ['dbInstance', 'shop-db'],
      ['dbReplica', 'shop-db-replica-1'],
    ]);
    const record = wrapper.get('[data-testid="path-node"][data-kind="record"]');
    expect(record.attributes('href')).toBe('#/route53?focus=www.example.com.');
  });

  it('merges alarm changes, scaling activities, RDS events and timeline entries, newest first', async () => {
    const wrapper = mountWithApp(OverviewView);
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="recent-event"]').map((row) => row.attributes('data-service'));
    expect(rows).toEqual(['elbv2', 'rds', 'cloudwatch', 'autoscaling', 'autoscaling']);
    useActivitiesStore().upsert([activity('a3', 10)]);
    await flushPromises();
    expect(wrapper.findAll('[data-testid="recent-event"]')[0]!.attributes('data-service')).toBe('autoscaling');
  });
});

describe('OverviewView in AWS mode while data loads or fails', () => {
  it('says "loading" or shows the error instead of "not in this account"', () => {
    useSessionStore().setSession(awsSession);
    useInventoryStore().replace(emptyInventory());
    const datasets: DatasetStatuses = { elbv2: { state: 'loading' }, rds: { state: 'error', error: { code: 'AccessDenied', message: 'not authorized to perform rds:DescribeDBInstances', problem: { code: 'service.accessDenied', params: { operation: 'DescribeDBInstances', permission: 'rds:DescribeDBInstances' } } } } };
    useSessionStore().setDatasets(datasets);
    useHealthStore().replace(emptyReport({ elbv2: 'unknown', rds: 'unknown' }));
    const wrapper = mountWithApp(OverviewView);
    const tile = (service: string) => wrapper.get(`[data-testid="service-tile"][data-service="${service}"]`);
    expect(tile('elbv2').attributes('data-tone')).toBe('info');
    expect(tile('elbv2').text()).toContain('Loading');
    expect(tile('rds').attributes('data-tone')).toBe('bad');
    // The error is told once, in the banner above the tiles; the tile points to it.
    expect(tile('rds').text()).toContain('see the message above');
    expect(wrapper.get('[data-testid="dataset-error"]').text()).toContain('rds:DescribeDBInstances');
    // No answer for Lambda yet: absence is not known, so it is not claimed.
    expect(tile('lambda').text()).not.toContain('Not in this scenario or region');
    expect(tile('lambda').text()).toContain('Not known yet');
  });

  it('keeps a view from claiming "no load balancers" while they are still loading', () => {
    useInventoryStore().replace(emptyInventory());
    useSessionStore().setDatasets({ elbv2: { state: 'loading' } });
    expect(mountWithApp(LoadBalancersView).find('[data-testid="empty-state"]').exists()).toBe(false);
    useSessionStore().setDatasets({ elbv2: { state: 'ok', fetchedAt: Date.now() } });
    expect(mountWithApp(LoadBalancersView).find('[data-testid="empty-state"]').exists()).toBe(true);
  });
});
