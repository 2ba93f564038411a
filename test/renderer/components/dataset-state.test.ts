// @vitest-environment happy-dom
/** States that never lie (issue 11 item 7): the header's worst state, one error shown once, "none" only after an answer. */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetStatuses } from '@contract';
import TheStalenessIndicator from '@/components/layout/TheStalenessIndicator.vue';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { awsSession, emptyInventory } from '../support/fixtures';
import { mountWithApp } from '../support/mount';

vi.mock('echarts/core', () => import('../support/echarts-mock'));

const OFFLINE = {
  code: 'NetworkingError',
  message: 'Cannot reach AWS: connect ECONNREFUSED 127.0.0.1:4566',
  hint: 'Check the network, a VPN or proxy, or the endpoint settings.',
  problem: { code: 'network.unreachable', params: { code: 'ECONNREFUSED' } },
};
const ALL = ['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'] as const;

beforeEach(() => {
  setActivePinia(createPinia());
  useSessionStore().setSession(awsSession);
  useInventoryStore().replace(emptyInventory());
});

describe('the header shows the worst dataset state', () => {
  it('says Error, not Fresh, while datasets are in error and the rest still loading', () => {
    useSessionStore().setDatasets({ elbv2: { state: 'error', error: OFFLINE }, rds: { state: 'error', error: OFFLINE }, lambda: { state: 'loading' } });
    const badge = mountWithApp(TheStalenessIndicator).get('[data-testid="staleness"]');
    expect(badge.attributes('data-state')).toBe('error');
    expect(badge.text()).toBe('Error · 2 of 3');
  });

  it('says Loading while any dataset loads and none failed, and Fresh only when every dataset is', () => {
    const now = Date.now();
    useSessionStore().setDatasets({ elbv2: { state: 'ok', fetchedAt: now }, rds: { state: 'loading' } });
    expect(mountWithApp(TheStalenessIndicator).get('[data-testid="staleness"]').attributes('data-state')).toBe('loading');
    useSessionStore().setDatasets({ elbv2: { state: 'ok', fetchedAt: now }, rds: { state: 'ok', fetchedAt: now } });
    expect(mountWithApp(TheStalenessIndicator).get('[data-testid="staleness"]').text()).toMatch(/^Fresh/);
  });
});

describe('one error, shown once', () => {
  it('shows an error shared by every dataset once on the Overview, naming the datasets it affects', () => {
    useSessionStore().setDatasets(Object.fromEntries(ALL.map((s) => [s, { state: 'error', error: OFFLINE }])) as DatasetStatuses);
    const overview = mountWithApp(OverviewView);
    const banners = overview.findAll('[data-testid="dataset-error"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]!.text()).toContain('Load balancing');
    expect(banners[0]!.text()).toContain('Lambda');
    expect(overview.text().split('ECONNREFUSED').length - 1).toBe(1);
  });

  it('shows the translated problem, never the core\'s English or the SDK\'s parser text (issue 11 item 6)', () => {
    const raw = 'ListFunctions: Unexpected token \'<\', "<!doctype "... is not valid JSON';
    const error = { code: 'SyntaxError', message: raw, hint: 'raw hint', problem: { code: 'endpoint.notAws', params: { endpoint: 'http://127.0.0.1:4566', status: '200', service: 'lambda' } } };
    useSessionStore().setDatasets({ lambda: { state: 'error', error } });
    const en = mountWithApp(OverviewView).get('[data-testid="dataset-error"]');
    expect(en.attributes('data-problem')).toBe('endpoint.notAws');
    expect(en.get('[data-testid="dataset-error-message"]').text()).toBe('http://127.0.0.1:4566 did not answer as AWS does (HTTP 200).');
    expect(en.text()).not.toMatch(/Unexpected token|doctype|not valid JSON|raw hint/);
    const ko = mountWithApp(OverviewView, { locale: 'ko' }).get('[data-testid="dataset-error"]');
    expect(ko.text()).toContain('http://127.0.0.1:4566');
    expect(ko.text()).not.toMatch(/Unexpected token|doctype|did not answer/);
  });

  it('names the missing permission of a denied dataset, with the fix', () => {
    const error = { code: 'AccessDenied', message: 'DescribeDBInstances was denied: missing rds:DescribeDBInstances', problem: { code: 'service.accessDenied', params: { operation: 'DescribeDBInstances', permission: 'rds:DescribeDBInstances' } } };
    useSessionStore().setDatasets({ rds: { state: 'error', error } });
    const banner = mountWithApp(OverviewView).get('[data-testid="dataset-error"]');
    expect(banner.get('[data-testid="dataset-error-message"]').text()).toBe('DescribeDBInstances was denied: this identity lacks rds:DescribeDBInstances.');
    expect(banner.get('[data-testid="dataset-error-fix"]').text()).toContain('Grant rds:DescribeDBInstances');
  });

  it('an error without a problem code says only that the data could not be loaded', () => {
    useSessionStore().setDatasets({ rds: { state: 'error', error: { code: 'SyntaxError', message: 'Unexpected token \'<\'' } } });
    const banner = mountWithApp(OverviewView).get('[data-testid="dataset-error"]');
    expect(banner.get('[data-testid="dataset-error-message"]').text()).toBe('Could not load this data.');
    expect(banner.text()).not.toContain('Unexpected token');
  });

  it('keeps distinct errors apart', () => {
    useSessionStore().setDatasets({ elbv2: { state: 'error', error: OFFLINE }, rds: { state: 'error', error: { code: 'AccessDenied', message: 'DescribeDBInstances was denied', hint: 'Add rds:DescribeDBInstances' } } });
    expect(mountWithApp(OverviewView).findAll('[data-testid="dataset-error"]')).toHaveLength(2);
  });
});

describe('"not in this account or region" only after a successful empty answer', () => {
  it('says nothing about absence while the groups were never read, and says it once an empty answer came', () => {
    useSessionStore().setDatasets({ autoscaling: { state: 'error', error: OFFLINE }, cloudwatch: { state: 'error', error: OFFLINE } });
    const unreachable = mountWithApp(AutoScalingView);
    expect(unreachable.text()).not.toContain('No Auto Scaling groups');
    expect(mountWithApp(OverviewView).text()).not.toContain('Not in this scenario or region');
    useSessionStore().setDatasets({ autoscaling: { state: 'ok', fetchedAt: Date.now() }, cloudwatch: { state: 'ok', fetchedAt: Date.now() } });
    expect(mountWithApp(AutoScalingView).text()).toContain('No Auto Scaling groups');
  });
});
