// @vitest-environment happy-dom
/**
 * The "Healthy and unhealthy hosts" chart (operator review): every target group that publishes the
 * counts is drawn, each in its own colour; a group with health checks off publishes neither metric
 * (ALB-13, load-balancer-cloudwatch-metrics) and is named, not given a legend entry; a chart with
 * nothing to draw says why instead of waiting forever.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadBalancer } from '@contract';
import MetricChart from '@/components/charts/MetricChart.vue';
import type { MetricChartSeries } from '@/components/charts/metric-option';
import LoadBalancerPanelCharts from '@/views/load-balancers/LoadBalancerPanelCharts.vue';
import { planHostCountChart, type HostCountGroup } from '@/views/load-balancers/host-count-groups';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

const lb: LoadBalancer = {
  loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/shop/1',
  loadBalancerName: 'shop',
  dnsName: 'shop-1.us-east-1.elb.amazonaws.com',
  scheme: 'internet-facing',
  state: 'active',
  availabilityZones: [],
  listeners: [],
};
const tg = (name: string, targetType: HostCountGroup['targetType'] = 'instance', enabled?: boolean): HostCountGroup => ({
  targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/${name}/1`,
  targetGroupName: name,
  targetType,
  ...(enabled === undefined ? {} : { healthCheck: { enabled } }),
});
const shop = [tg('shop-image-resize', 'lambda', false), tg('shop-web', 'instance', true), tg('shop-api', 'instance', true), tg('shop-images', 'ip', true)];

beforeEach(() => setActivePinia(createPinia()));

async function hostsChart(targetGroups: HostCountGroup[]) {
  const wrapper = mountWithApp(LoadBalancerPanelCharts, { props: { loadBalancer: lb, targetGroups } });
  await flushPromises();
  return wrapper.findAllComponents(MetricChart).find((c) => c.props('title') === 'Healthy and unhealthy hosts')!;
}

describe('healthy and unhealthy hosts chart', () => {
  it('ALB-13: charts every group that publishes (the 4th too), none with health checks off, each group in its own colour', async () => {
    const chart = await hostsChart(shop);
    const series = chart.props('series') as MetricChartSeries[];
    expect(series.map((s) => s.name)).toEqual([
      'shop-web · healthy',
      'shop-web · unhealthy',
      'shop-api · healthy',
      'shop-api · unhealthy',
      'shop-images · healthy',
      'shop-images · unhealthy',
    ]);
    expect(series.some((s) => s.query.dimensions.TargetGroup?.includes('shop-image-resize'))).toBe(false);
    const healthyColours = series.filter((s) => s.query.metricName === 'HealthyHostCount').map((s) => s.color);
    expect(new Set(healthyColours).size).toBe(3);
    expect(series.every((s) => s.tone === undefined)).toBe(true);
    expect(chart.get('[data-testid="metric-chart-note"]').text()).toContain('health checks off, no host counts: shop-image-resize');
  });

  it('ALB-13: a Lambda-only load balancer says health checks are off instead of waiting for datapoints', async () => {
    const chart = await hostsChart([tg('shop-thumbs', 'lambda', false)]);
    expect(chart.props('series')).toEqual([]);
    expect(chart.text()).toContain('Health checks are off for shop-thumbs');
    expect(chart.text()).not.toContain('Waiting for the first datapoints');
  });

  it('a Lambda group with health checks on is charted; without the flag read, Lambda means off', () => {
    expect(planHostCountChart([tg('fn', 'lambda', true)]).charted.map((g) => g.targetGroupName)).toEqual(['fn']);
    expect(planHostCountChart([tg('fn', 'lambda')]).silent.map((g) => g.targetGroupName)).toEqual(['fn']);
  });

  it('names the groups over the cap visibly (+N more), never drops them silently', async () => {
    const many = Array.from({ length: 8 }, (_, i) => tg(`tg-${i}`));
    const chart = await hostsChart(many);
    expect((chart.props('series') as MetricChartSeries[]).length).toBe(12);
    expect(chart.get('[data-testid="metric-chart-note"]').text()).toContain('+2 more target groups not charted: tg-6, tg-7');
  });
});
