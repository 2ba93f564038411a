// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import LambdaView from '@/views/lambda/LambdaView.vue';
import { fullOptions } from '../../support/echarts-mock';
import { clock, emptyInventory, fullInventory, minutes } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

beforeEach(() => {
  setActivePinia(createPinia());
  vi.clearAllMocks();
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(fullInventory());
  const dimensions = { FunctionName: 'thumbnailer' };
  useMetricsStore().load([
    { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions, stat: 'Sum', period: 60, points: minutes(0, 10, () => 100_000) },
    { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions, stat: 'Average', period: 60, points: minutes(0, 10, () => 500) },
  ]);
});

describe('LambdaView', () => {
  it('lists functions with memory, timeout and reserved concurrency, and estimates their cost (LAM-6)', () => {
    const wrapper = mountWithApp(LambdaView);
    const row = wrapper.get('[data-testid="lambda-function-row"][data-name="thumbnailer"]');
    expect(row.text()).toContain('1024');
    expect(row.text()).toContain('30 s');
    expect(row.text()).toContain('50');
    // 1,000,000 requests × $0.20/M + 1,000,000 × 0.5 s × 1 GB × $0.0000166667 = 0.20 + 8.33
    expect(row.get('[data-testid="lambda-cost"]').text()).toBe('$8.53');
    expect(wrapper.get('[data-testid="lambda-account"]').text()).toContain('1000');
  });

  it('LAM-7: the cost note quotes both GB-second rates the estimate uses, x86_64 and arm64, in both languages', () => {
    const note = mountWithApp(LambdaView).get('.cost-note').text();
    expect(note).toContain('0.20 USD per million requests');
    expect(note).toContain('0.0000166667 USD per GB-second on x86_64');
    expect(note).toContain('0.0000133334 USD on arm64');
    const korean = mountWithApp(LambdaView, { locale: 'ko' }).get('.cost-note').text();
    expect(korean).toContain('0.0000133334 USD(arm64)');
  });

  it('charts invocations, errors, throttles, duration and concurrency for the selected function', () => {
    mountWithApp(LambdaView);
    expect(fullOptions().map((option) => option.series.filter((s) => s.id !== '__markers').map((s) => s.id))).toEqual([
      ['invocations', 'errors', 'throttles'],
      ['p50', 'p99', 'avg', 'max'],
      ['concurrency'],
    ]);
    // Errors and throttles are orders of magnitude below invocations: they get the right-hand axis.
    const invocations = fullOptions()[0]!.series as unknown as { id: string; yAxisIndex: number }[];
    expect(invocations.filter((s) => s.id !== '__markers').map((s) => [s.id, s.yAxisIndex])).toEqual([
      ['invocations', 0],
      ['errors', 1],
      ['throttles', 1],
    ]);
  });

  it('shows the selected function\'s triggers (API Gateway routes, S3 bucket events and filter) and charts its HTTP API and asynchronous events', () => {
    const inventory = fullInventory();
    inventory.lambdaFunctions[0]!.triggers = [
      { kind: 'apiGateway', apiId: 'a1b2c3d4e5', apiName: 'shop', routeKeys: ['GET /items/{id}'], stages: ['$default'] },
      { kind: 's3', bucket: 'photo-uploads', events: ['s3:ObjectCreated:*'], prefix: 'uploads/', suffix: '.jpg' },
    ];
    useInventoryStore().replace(inventory);
    const wrapper = mountWithApp(LambdaView);
    const triggers = wrapper.findAll('[data-testid="lambda-trigger"]');
    expect(triggers.map((t) => t.attributes('data-kind'))).toEqual(['apiGateway', 's3']);
    expect(triggers[0]!.text()).toContain('GET /items/{id}');
    expect(triggers[1]!.text()).toContain('photo-uploads');
    expect(triggers[1]!.text()).toContain('prefix uploads/');
    expect(triggers[1]!.text()).toContain('asynchronous invocation');
    const ids = fullOptions().map((option) => option.series.filter((s) => s.id !== '__markers').map((s) => s.id));
    expect(ids).toContainEqual(['received', 'dropped']);
    expect(ids).toContainEqual(['count', '4xx', '5xx']);
    expect(ids).toContainEqual(['latency', 'integration']);
  });

  it('says when the triggers are unknown (AWS mode without lambda:GetPolicy) and when there are none', () => {
    const wrapper = mountWithApp(LambdaView);
    expect(wrapper.get('[data-testid="lambda-triggers-unknown"]').text()).toContain('lambda:GetPolicy');
    const inventory = fullInventory();
    inventory.lambdaFunctions[0]!.triggers = [];
    useInventoryStore().replace(inventory);
    const none = mountWithApp(LambdaView);
    expect(none.find('[data-testid="lambda-triggers-none"]').exists()).toBe(true);
  });

  it('has an honest empty state', () => {
    useInventoryStore().replace(emptyInventory());
    const wrapper = mountWithApp(LambdaView);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('No functions');
  });
});
