// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));
import { useActivitiesStore } from '@/stores/activities';
import { useEventsStore } from '@/stores/events';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { START, awsSession, activity, emptyInventory, fullInventory, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(fullInventory());
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
    const tiles = Object.fromEntries(wrapper.findAll('[data-testid="service-tile"]').map((tile) => [tile.attributes('data-service'), tile.attributes('data-tone')]));
    // One of two targets unhealthy: degraded, not down. One group short of InService. The failover primary's check is unhealthy.
    expect(tiles).toEqual({ elbv2: 'warn', autoscaling: 'warn', route53: 'bad', rds: 'ok', lambda: 'ok', cloudwatch: 'warn' });
  });

  it('draws the request path from the DNS record to the replica, each node linking to its view', () => {
    const wrapper = mountWithApp(OverviewView);
    const nodes = wrapper.findAll('[data-testid="path-node"]').map((node) => [node.attributes('data-kind'), node.attributes('data-label')]);
    expect(nodes).toEqual([
      ['rule', 'shop-alb :80'],
      ['rule', 'shop-alb :80'],
      ['record', 'www.example.com'],
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
    useSessionStore().setDatasets({ elbv2: { state: 'loading' }, rds: { state: 'error', error: { code: 'AccessDenied', message: 'not authorized to perform rds:DescribeDBInstances' } } });
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
