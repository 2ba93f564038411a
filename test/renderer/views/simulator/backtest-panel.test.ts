// @vitest-environment happy-dom
/** Issue 17 item 4: the Backtest panel of the Simulator view. */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '@/api';
import { useSessionStore } from '@/stores/session';
import SimulatorBacktestPanel from '@/views/simulator/SimulatorBacktestPanel.vue';
import type { BacktestFigures, BacktestResult } from '@contract';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { fullOptions } from '../../support/echarts-mock';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

const EXAMPLE = 'Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: 40\n';
const figures = (instanceHours: number, minutesAboveTarget: number, more: Partial<BacktestFigures> = {}): BacktestFigures => ({ instanceHours, costUsd: instanceHours * 0.085, minutesAboveTarget, minutesWithoutCpuData: 0, requestsServed: 90_000, requestsFailed: 0, http5xx: 0, p99LatencySeconds: 0.25, worstMinuteP99Seconds: 0.4, scalingActivities: 4, ...more });

function result(observed = false): BacktestResult {
  const base = figures(6, 21);
  const changed = figures(7.5, 5);
  return {
    scenario: 'shop',
    seed: 42,
    startTime: '2026-11-20T14:00:00.000Z',
    durationSeconds: 180,
    minutes: 3,
    changedPaths: ['Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValue'],
    changeWarnings: [],
    base,
    changed,
    delta: { instanceHours: { delta: 1.5, ratio: 1.25 }, costUsd: { delta: 0.1275, ratio: 1.25 }, minutesAboveTarget: { delta: -16, ratio: 0.238 }, http5xx: { delta: 0, ratio: null }, p99LatencySeconds: { delta: 0, ratio: 1 }, worstMinuteP99Seconds: { delta: 0, ratio: 1 }, scalingActivities: { delta: 0, ratio: 1 } },
    groups: [
      {
        name: 'shop-web-asg',
        instanceType: { base: 'c5.large', changed: 'c5.large' },
        cpuThreshold: 50,
        thresholdSource: 'targetTracking',
        capacity: { base: [2, 2, 3], changed: [2, 3, 4], ...(observed ? { observed: [2, null, 3] } : {}) },
        cpu: { base: [40, 55, 60], changed: [40, 45, 42] },
        base,
        changed,
      },
    ],
    ...(observed ? { observed: { instanceHours: 5.5, minutesAboveTarget: 12, matchedSeries: 1 } } : {}),
    unmatchedObserved: [],
  };
}

let core: FakeCore;
beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  useSessionStore().setSession(simSession);
  core.answer('sim.backtest.example', { change: EXAMPLE, durationSeconds: 7200 });
});
afterEach(() => setApi(undefined));

describe('SimulatorBacktestPanel', () => {
  it('prefills the example, runs with progress, then shows base / change / Δ and one chart with the capacity curves', async () => {
    let finish!: (value: BacktestResult) => void;
    core.answer('sim.backtest.run', () => new Promise<BacktestResult>((resolve) => (finish = resolve)));
    const wrapper = mountWithApp(SimulatorBacktestPanel);
    await flushPromises();
    expect((wrapper.get('[data-testid="backtest-change"]').element as HTMLTextAreaElement).value).toBe(EXAMPLE);
    expect((wrapper.get('[data-testid="backtest-duration"]').element as HTMLInputElement).value).toBe('2');

    await wrapper.get('[data-testid="backtest-duration"]').setValue('0.5');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(core.requests.find((r) => r.channel === 'sim.backtest.run')!.payload).toEqual({ change: EXAMPLE, durationSeconds: 1800 });
    expect(wrapper.get('[data-testid="backtest-run"]').attributes('disabled')).toBeDefined();
    core.emit('sim.backtest.progress', { run: 'changed', fraction: 0.4 });
    await flushPromises();
    expect(wrapper.get('[data-testid="backtest-progress"]').text()).toBe('Simulating the changed run… 40 %');

    finish(result());
    await flushPromises();
    expect(wrapper.find('[data-testid="backtest-progress"]').exists()).toBe(false);
    const row = (key: string) => wrapper.get(`[data-testid="backtest-row-${key}"]`).findAll('th, td').map((cell) => cell.text());
    expect(row('instanceHours')).toEqual(['Instance-hours', '6.00', '7.50', '+1.50']);
    expect(row('minutesAboveTarget')).toEqual(['Minutes above CPU target', '21', '5', '-16']);
    expect(row('p99LatencySeconds')).toEqual(['p99 latency (ms)', '250.0', '250.0', '0.0']);
    expect(wrapper.text()).toContain('shop-web-asg: above 50 % (its target tracking target)');
    expect(wrapper.find('[data-testid="backtest-chart"]').exists()).toBe(true);
    const option = fullOptions().at(-1)!;
    expect(option.series.map((s) => s.id)).toEqual(['shop-web-asg (base)', 'shop-web-asg (change)']);
    expect(option.series[1]!.data[0]).toEqual([Date.parse('2026-11-20T14:01:00Z'), 2]);
    // The same chart overlays the groups' CPU instead.
    await wrapper.get('[data-testid="backtest-chart-metric"]').setValue('cpu');
    await flushPromises();
    expect(fullOptions().at(-1)!.series[1]!.data).toEqual([
      [Date.parse('2026-11-20T14:01:00Z'), 40],
      [Date.parse('2026-11-20T14:02:00Z'), 45],
      [Date.parse('2026-11-20T14:03:00Z'), 42],
    ]);
  });

  it('an unreachable service never reads as a saving: the change\'s warnings above the table, requests served and minutes without CPU data in it (en, ko)', async () => {
    const broken = result();
    broken.changed = figures(3, 0, { minutesWithoutCpuData: 7, requestsServed: 0, requestsFailed: 12, p99LatencySeconds: null });
    broken.delta = { ...broken.delta, minutesWithoutCpuData: { delta: 7, ratio: null }, requestsServed: { delta: -90_000, ratio: 0 }, requestsFailed: { delta: 12, ratio: null } };
    broken.changeWarnings = [
      { code: 'scenario.problem', params: { message: 'A alias www.example.com. points to load balancer shop-alb, whose IpAddressType is dualstack-without-public-ipv4 (no public IPv4): A queries get no data' }, file: 'change.yaml', path: 'Resources.ShopRecords.Properties.RecordSets[0].AliasTarget.DNSName', line: 0, column: 0 },
      { code: 'resource.propertyIgnored', params: { property: 'Foo', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' }, file: 'change.yaml', path: 'Resources.ShopLoadBalancer.Properties.Foo', line: 4, column: 7 },
    ];
    core.answer('sim.backtest.run', broken);
    const wrapper = mountWithApp(SimulatorBacktestPanel);
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const warnings = wrapper.get('[data-testid="backtest-change-warnings"]');
    expect(warnings.text()).toContain('Warnings from the change (2): read them before trusting the figures.');
    const items = warnings.findAll('[data-testid="backtest-change-warning"]').map((item) => item.text());
    expect(items[0]).toBe('change.yaml: A alias www.example.com. points to load balancer shop-alb, whose IpAddressType is dualstack-without-public-ipv4 (no public IPv4): A queries get no data (at Resources.ShopRecords.Properties.RecordSets[0].AliasTarget.DNSName)');
    expect(items[1]).toMatch(/^change\.yaml:4:7: .*Foo/);
    // The warnings come before the table.
    const html = wrapper.get('[data-testid="backtest-result"]').html();
    expect(html.indexOf('backtest-change-warnings')).toBeLessThan(html.indexOf('backtest-table'));
    const row = (key: string) => wrapper.get(`[data-testid="backtest-row-${key}"]`).findAll('th, td').map((cell) => cell.text());
    expect(row('requestsServed')).toEqual(['Requests served (2XX, 3XX)', '90000', '0', '-90000']);
    expect(row('requestsFailed')).toEqual(['Requests failed (4XX, 5XX)', '0', '12', '+12']);
    expect(row('minutesWithoutCpuData')).toEqual(['Minutes without CPU data', '0', '7', '+7']);
    // Minutes without CPU data sit right beside minutes above target.
    const keys = wrapper.findAll('[data-testid^="backtest-row-"]').map((r) => r.attributes('data-testid'));
    expect(keys.indexOf('backtest-row-minutesWithoutCpuData')).toBe(keys.indexOf('backtest-row-minutesAboveTarget') + 1);

    const ko = mountWithApp(SimulatorBacktestPanel, { locale: 'ko' });
    await flushPromises();
    await ko.get('form').trigger('submit');
    await flushPromises();
    expect(ko.get('[data-testid="backtest-change-warnings"]').text()).toContain('변경 사항의 경고(2개)');
    expect(ko.get('[data-testid="backtest-row-requestsServed"]').find('th').text()).toBe('처리된 요청(2XX, 3XX)');
    expect(ko.get('[data-testid="backtest-row-minutesWithoutCpuData"]').find('th').text()).toBe('CPU 데이터 없는 시간(분)');
  });

  it('shows no warning block when the change caused none', async () => {
    core.answer('sim.backtest.run', result());
    const wrapper = mountWithApp(SimulatorBacktestPanel);
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="backtest-result"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="backtest-change-warnings"]').exists()).toBe(false);
  });

  it('adds reality beside the runs when the core had observed series', async () => {
    core.answer('sim.backtest.run', result(true));
    const wrapper = mountWithApp(SimulatorBacktestPanel);
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="backtest-row-instanceHours"]').findAll('td').map((c) => c.text())).toEqual(['6.00', '7.50', '+1.50', '5.50']);
    expect(fullOptions().at(-1)!.series.map((s) => s.id)).toContain('shop-web-asg (reality)');
  });

  it('lists a refused change\'s problems translated from their codes, in Korean too', async () => {
    core.refuse('sim.backtest.run', 'InvalidRequest', 'change.yaml:5:21: error: …', {
      problems: [{ severity: 'error', code: 'change.unknownProperty', params: { property: 'TargetValu', type: 'AWS::AutoScaling::ScalingPolicy', known: 'TargetValue' }, file: 'change.yaml', path: 'Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValu', line: 5, column: 21 }],
    });
    const wrapper = mountWithApp(SimulatorBacktestPanel, { locale: 'ko' });
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="backtest-error"]').text()).toContain('변경 사항이 거부되었습니다(문제: 1개).');
    expect(wrapper.get('[data-testid="backtest-problem"]').text()).toBe('change.yaml:5:21: TargetValu은(는) 이 위치에서 AWS::AutoScaling::ScalingPolicy의 속성이 아닙니다 (있는 속성: TargetValue) (위치: Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValu)');
    expect(wrapper.text()).toContain('백테스트');
  });

  it('cancels a running backtest and says so', async () => {
    let refuse!: () => void;
    core.answer('sim.backtest.run', () => new Promise((_, reject) => (refuse = () => reject(new Error('cancelled')))));
    core.answer('sim.backtest.cancel', () => {
      refuse();
      return { cancelled: true };
    });
    const wrapper = mountWithApp(SimulatorBacktestPanel);
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid="backtest-cancel"]').trigger('click');
    await flushPromises();
    expect(core.requests.map((r) => r.channel)).toContain('sim.backtest.cancel');
    expect(wrapper.find('[data-testid="backtest-cancel"]').exists()).toBe(false);
    // The core answers the stopped run with the code Cancelled; Busy when another run holds it.
    core.refuse('sim.backtest.run', 'Cancelled', 'the backtest was cancelled');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="backtest-error"]').text()).toBe('The backtest was cancelled.');
    core.refuse('sim.backtest.run', 'Busy', 'a backtest is already running');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="backtest-error"]').text()).toBe('Another backtest is running; wait for it or cancel it.');
  });
});
