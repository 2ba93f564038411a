// @vitest-environment happy-dom
/**
 * CSV export carries the chart's unit (operator review): TargetResponseTime is charted in ms
 * (CloudWatch stores seconds) and was exported as 0.063716 under a bare "Average"; Lambda Duration
 * (ms in CloudWatch) was exported with no unit either. The file now holds the values as drawn and
 * names the unit in each header.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import MetricChart from '@/components/charts/MetricChart.vue';
import { csvColumns } from '@/components/charts/metric-option';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import * as csv from '@/utils/csv';
import { mountWithApp } from '../support/mount';

vi.mock('echarts/core', () => import('../support/echarts-mock'));
vi.mock('@/utils/csv', async (original) => ({ ...(await original<typeof csv>()), downloadFile: vi.fn() }));

const T0 = Date.UTC(2026, 10, 20, 13, 0);
const LB = { LoadBalancer: 'app/shop/1' };

beforeEach(() => setActivePinia(createPinia()));

describe('CSV export units match the chart', () => {
  it('exports TargetResponseTime in ms with the unit in the header, as charted', async () => {
    useSessionStore().setClock({ now: T0 + 3 * 60_000, startedAt: T0 - 3_600_000, running: true, speed: 1 } as never);
    useMetricsStore().load([
      { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: LB, stat: 'Average', period: 60, points: [[T0 / 1000, 0.063716], [T0 / 1000 + 60, 0.05]] },
    ]);
    const wrapper = mountWithApp(MetricChart, {
      props: {
        title: 'TargetResponseTime',
        series: [{ id: 'avg', name: 'Average', query: { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: LB, stat: 'Average' }, scale: 1000 }],
        axes: [{ name: 'ms', unit: ' ms' }],
      },
    });
    await flushPromises();
    (wrapper.vm as unknown as { exportCsv: () => void }).exportCsv();
    const text = vi.mocked(csv.downloadFile).mock.calls.at(-1)![1];
    const [header, first, second] = text.split('\r\n');
    expect(header).toBe('time_utc,Average (ms)');
    expect(Number(first!.split(',')[1])).toBeCloseTo(63.716, 6);
    expect(Number(second!.split(',')[1])).toBeCloseTo(50, 6);
  });

  it('names the unit of an unscaled series (Lambda Duration in ms) and of a count (the axis name)', () => {
    const points: [number, number][] = [[T0, 120.5]];
    const duration = { id: 'd', name: 'Duration p99', query: { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: {}, stat: 'p99' as const } };
    expect(csvColumns([duration], [{ name: 'ms', unit: ' ms' }], () => points)).toEqual([{ name: 'Duration p99 (ms)', points }]);
    const requests = { id: 'r', name: 'Requests', query: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: {}, stat: 'Sum' as const } };
    expect(csvColumns([requests], [{ name: 'per minute' }], () => points)[0]!.name).toBe('Requests (per minute)');
    expect(csvColumns([requests], [], () => points)[0]!.name).toBe('Requests');
    // A right-hand count axis: its unit, not its name's "(right)".
    const errors = { ...requests, id: 'e', name: 'Errors', yAxis: 1 as const };
    expect(csvColumns([errors], [{ name: 'per minute' }, { name: 'errors per minute (right)', csvUnit: 'per minute' }], () => points)[0]!.name).toBe('Errors (per minute)');
  });
});
