// @vitest-environment happy-dom
/** Core's verdicts where the operator looks: a failing request-path node with its reason, a view header, the palette. */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));
import { DEFAULT_HEALTH_THRESHOLDS, type HealthReport } from '@contract';
import TheCommandPalette from '@/components/palette/TheCommandPalette.vue';
import { useHealthStore } from '@/stores/health';
import { useInventoryStore } from '@/stores/inventory';
import { useShellStore } from '@/stores/shell';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { START, fullInventory, TG_ARN } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

const outOfAnswers = { code: 'record.outOfAnswers' as const, status: 'failing' as const, subject: 'www.example.com blue', params: { cause: 'aliasTarget', target: 'shop-alb' } };
const noHealthy = { code: 'tg.noHealthyTargets' as const, status: 'failing' as const, subject: 'web', params: { region: 'us-east-1', unhealthy: 2, total: 2, initial: 0, draining: 0 } };

function report(): HealthReport {
  return {
    evaluatedAt: new Date(START).toISOString(),
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    resources: [
      { kind: 'recordSet', id: 'Z1|www.example.com.|A|blue', name: 'www.example.com blue', status: 'failing', reasons: [outOfAnswers] },
      { kind: 'targetGroup', id: TG_ARN, name: 'web', status: 'failing', reasons: [noHealthy] },
    ],
    services: [{ service: 'elbv2', status: 'failing', total: 1, counts: { loadBalancers: 1, healthy: 0, unhealthy: 2, total: 2 }, reasons: [noHealthy, { ...noHealthy, code: 'lb.http5xx', subject: 'shop-alb', params: { percent: 54, errors: 12000, requests: 22000, elb: 12000, target: 0, minutes: 5 } }] }],
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(fullInventory());
  useHealthStore().replace(report());
});

describe('health verdicts in the renderer', () => {
  it('colours a request-path node by its verdict and says why, in the node and on hover', () => {
    const wrapper = mountWithApp(OverviewView);
    const node = wrapper.get('[data-testid="path-node"][data-kind="record"][data-label="www blue"]');
    expect(node.attributes('data-status')).toBe('failing');
    expect(node.attributes('data-tone')).toBe('bad');
    expect(node.get('[data-testid="path-node-reason"]').text()).toBe('out of answers, alias target shop-alb has no healthy targets');
    expect(node.attributes('title')).toContain('Route 53 record: www blue (www.example.com) — Failing');
    expect(node.attributes('title')).toContain('www.example.com blue: out of answers, alias target shop-alb has no healthy targets');
    const tile = wrapper.get('[data-testid="service-tile"][data-service="elbv2"]');
    expect(tile.attributes('data-status')).toBe('failing');
    expect(tile.findAll('[data-testid="service-tile-reason"]').map((r) => r.text())).toEqual([
      'web (us-east-1): 2 of 2 targets unhealthy, none healthy',
      'shop-alb: 54 % 5XX over 5 min (12,000 of 22,000 requests; ELB 12,000, targets 0)',
    ]);
  });

  it('in Korean too', () => {
    const wrapper = mountWithApp(OverviewView, { locale: 'ko' });
    expect(wrapper.get('[data-testid="service-tile"][data-service="elbv2"]').text()).toContain('web (us-east-1): 대상 2개 중 2개 비정상, 정상 대상 없음');
  });

  it('shows the service verdict and its first reason in the view header', () => {
    const header = mountWithApp(LoadBalancersView).get('[data-testid="service-health"]');
    expect(header.attributes('data-status')).toBe('failing');
    expect(header.text()).toContain('Failing');
    expect(header.text()).toContain('web (us-east-1): 2 of 2 targets unhealthy, none healthy');
    expect(header.text()).toContain('+1 more');
  });

  it('marks failing resources in the command palette, and finds them by "failing"', async () => {
    const wrapper = mountWithApp(TheCommandPalette, { attachTo: document.body });
    useShellStore().openPalette();
    await flushPromises();
    const input = document.querySelector<HTMLInputElement>('[data-testid="palette-input"]')!;
    input.value = 'failing';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    const items = [...document.querySelectorAll('[data-testid="palette-item"]')];
    expect(items.map((item) => item.getAttribute('data-kind'))).toEqual(['targetGroup']);
    expect(items[0]!.querySelector('[data-testid="palette-health"]')!.textContent!.trim()).toBe('Failing');
    expect(items[0]!.textContent).toContain('2 of 2 targets unhealthy');
    wrapper.unmount();
  });
});
