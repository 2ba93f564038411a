// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAccessLogStore } from '@/stores/access-log';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import { fullOptions } from '../../support/echarts-mock';
import { START, clock, fullInventory, minutes } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

const LB = 'app/shop-alb/1';

beforeEach(() => {
  setActivePinia(createPinia());
  vi.clearAllMocks();
  useSessionStore().setClock(clock(5));
  useInventoryStore().replace(fullInventory());
  useMetricsStore().load([
    { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: { LoadBalancer: LB }, stat: 'Sum', period: 60, points: minutes(0, 5, () => 600) },
    { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: { LoadBalancer: LB }, stat: 'p99', period: 60, points: minutes(0, 5, () => 0.25) },
  ]);
  useAccessLogStore().load(
    Array.from({ length: 3 }, (_, i) => ({
      time: new Date(START + i * 1000).toISOString(),
      loadBalancerName: 'shop-alb',
      request: `GET http://${LB}:80/item/${i} HTTP/1.1`,
      targetGroupName: 'web',
      target: 'i-1',
      elbStatusCode: i === 2 ? 502 : 200,
      targetProcessingTimeSeconds: 0.02,
      traceId: `Root=1-00000000-00000000000000000000000${i}`,
    })),
  );
});

describe('LoadBalancersView', () => {
  it('lists listener rules in evaluation order, default last', () => {
    const wrapper = mountWithApp(LoadBalancersView);
    expect(wrapper.findAll('[data-testid="listener-rule"]').map((rule) => rule.attributes('data-priority'))).toEqual(['10', 'default']);
    expect(wrapper.get('[data-testid="listener-rule"]').text()).toContain('/api/*');
  });

  it('shows per-target health with reason codes', () => {
    const wrapper = mountWithApp(LoadBalancersView);
    const rows = wrapper.findAll('[data-testid="target-row"]');
    expect(rows.map((row) => row.attributes('data-state'))).toEqual(['healthy', 'unhealthy']);
    expect(rows[1]!.text()).toContain('Target.FailedHealthChecks');
  });

  it('charts the ALB metrics on the LoadBalancer dimension, response time in milliseconds', () => {
    mountWithApp(LoadBalancersView);
    const options = fullOptions();
    expect(options.map((option) => option.series.filter((s) => s.id !== '__markers').map((s) => s.id))).toEqual([
      ['requests'],
      ['avg', 'p99'],
      ['target5xx', 'elb5xx'],
      [`healthy:arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1`, `unhealthy:arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1`],
    ]);
    const p99 = options[1]!.series.find((s) => s.id === 'p99')!.data as [number, number][];
    expect(p99[0]![1]).toBe(250);
  });

  it('shows sampled requests newest first with their trace ids, filterable', async () => {
    const wrapper = mountWithApp(LoadBalancersView);
    const rows = () => wrapper.findAll('[data-testid="access-log-row"]');
    expect(rows().map((row) => row.attributes('data-trace-id')!.slice(-1))).toEqual(['2', '1', '0']);
    const table = wrapper.findAll('[data-testid="virtual-table"]').at(-1)!;
    await table.get('[data-testid="table-filter"]').setValue('502');
    await flushPromises();
    expect(rows().map((row) => row.attributes('data-status'))).toEqual(['502']);
  });

  it('uses the Korean console terms', () => {
    const wrapper = mountWithApp(LoadBalancersView, { locale: 'ko' });
    expect(wrapper.text()).toContain('대상 그룹');
    expect(wrapper.text()).toContain('리스너 및 규칙');
    expect(wrapper.text()).toContain('정상');
  });
});
