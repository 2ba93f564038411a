// @vitest-environment happy-dom
/**
 * What a push re-renders (issue 15, renderer main thread at ×3600): a push that changes nothing a
 * component shows must not re-render it. At scale-1000 every push brings a new health report and new
 * target group objects (target health), four a second; the lists, panels and charts re-rendered for
 * each (counted in the product: the Auto Scaling list's health badges 150 renders a second, the load
 * balancer's charts 27). Counted with a mixin on every component's `updated` hook: deterministic counts.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, type HealthReport, type Inventory } from '@contract';
import { useAccessLogStore } from '@/stores/access-log';
import { useHealthStore } from '@/stores/health';
import { useInstanceCpuStore } from '@/stores/instance-cpu';
import { useInventoryStore } from '@/stores/inventory';
import { useSkippedStore } from '@/stores/skipped';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import OverviewView from '@/views/overview/OverviewView.vue';
import { GROUP, START, TG_ARN, clock, fullInventory } from '../../support/fixtures';
import { installFakeCore } from '../../support/fake-api';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

/** Longer than a display pace (composables/use-display-rate): anything throttled has shown by then. */
const pace = () => new Promise((resolve) => setTimeout(resolve, 1200));

const renders = new Map<string, number>();
const countRenders = {
  updated(this: { $options: { __name?: string; name?: string } }) {
    const name = this.$options.__name ?? this.$options.name ?? '?';
    renders.set(name, (renders.get(name) ?? 0) + 1);
  },
};
const rendered = (...names: string[]) => Object.fromEntries(names.map((name) => [name, renders.get(name) ?? 0]));

/** A report as the host sends it with each push: new objects, the same verdicts, counts that moved. */
function report(requests: number): HealthReport {
  const capacity = { code: 'asg.launching' as const, status: 'ok' as const, subject: GROUP, params: { desired: 2, inService: 1 } };
  const errors = { code: 'lb.http5xx' as const, status: 'degraded' as const, subject: 'shop-alb', params: { percent: 2, errors: 20, requests, elb: 20, target: 0, minutes: 5 } };
  return {
    evaluatedAt: new Date(START + requests).toISOString(),
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    resources: [
      { kind: 'autoScalingGroup', id: GROUP, name: GROUP, status: 'ok', reasons: [capacity] },
      { kind: 'targetGroup', id: TG_ARN, name: 'web', status: 'ok', reasons: [] },
      { kind: 'loadBalancer', id: 'shop-alb', name: 'shop-alb', status: 'degraded', reasons: [errors] },
    ],
    services: [
      { service: 'autoscaling', status: 'ok', total: 1, counts: { groups: 1 }, reasons: [{ ...capacity }] },
      { service: 'elbv2', status: 'degraded', total: 1, counts: { loadBalancers: 1 }, reasons: [{ ...errors, params: { ...errors.params, requests: 1000 } }] },
    ],
  };
}

/** The next push's inventory: every target group a new object (a target's health moved), groups and load balancers as they were. */
function withTargetsMoved(inventory: Inventory, minute: number): Inventory {
  return {
    ...inventory,
    targetGroups: inventory.targetGroups.map((tg) => ({ ...tg, targets: tg.targets.map((target, i) => (i === 0 ? { ...target, description: `moved ${minute}` } : target)) })),
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  installFakeCore();
  renders.clear();
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(fullInventory());
  useHealthStore().replace(report(100));
});

async function push(minute: number): Promise<void> {
  const inventory = useInventoryStore();
  inventory.replace(withTargetsMoved(inventory.inventory, minute));
  useHealthStore().replace(report(100 + minute));
  // The host left entries out of this frame (stores/skipped.ts): counted under the tables.
  useSkippedStore().add({ accessLog: 50, timeline: 20, scalingActivities: 5 });
  await flushPromises();
}

describe('what a push re-renders (issue 15)', () => {
  it('Auto Scaling: a new health report with the same verdicts and moved targets re-render neither the list nor the open group', async () => {
    const wrapper = mountWithApp(AutoScalingView, { global: { mixins: [countRenders] } });
    await flushPromises();
    await pace();
    expect(wrapper.find(`[data-testid="asg-list-row"][data-group="${GROUP}"]`).exists()).toBe(true);
    renders.clear();
    for (let minute = 1; minute <= 4; minute++) await push(minute);
    await pace();
    await flushPromises();
    expect(rendered('AutoScalingView', 'AutoScalingGroupList', 'BaseVirtualTable', 'ListHealthBadge', 'BaseBadge', 'ServiceHealthBadge', 'MetricChart', 'AutoScalingGroupPanelCharts', 'AutoScalingGroupPanelAlarms')).toEqual({
      AutoScalingView: 0,
      AutoScalingGroupList: 0,
      BaseVirtualTable: 0,
      ListHealthBadge: 0,
      BaseBadge: 0,
      ServiceHealthBadge: 0,
      MetricChart: 0,
      AutoScalingGroupPanelCharts: 0,
      AutoScalingGroupPanelAlarms: 0,
    });
    wrapper.unmount();
  });

  it('Load balancers: moved targets re-render the target group list at most once a pace, and neither the load balancer panel nor its charts', async () => {
    const wrapper = mountWithApp(LoadBalancersView, { global: { mixins: [countRenders] } });
    await flushPromises();
    await pace();
    renders.clear();
    for (let minute = 1; minute <= 4; minute++) await push(minute);
    await pace();
    await flushPromises();
    const counts = rendered('LoadBalancersView', 'LoadBalancerPanelCharts', 'MetricChart', 'LoadBalancerPanelListeners', 'ServiceHealthBadge', 'TargetGroupList', 'ListHealthBadge');
    expect(counts.TargetGroupList).toBeLessThanOrEqual(2);
    expect(counts.LoadBalancersView).toBeLessThanOrEqual(2);
    // Panels whose content moves (the open target group, the access log's count): at most twice a pace each, not per push.
    expect(renders.get('BasePanel') ?? 0).toBeLessThanOrEqual(4);
    // The count of entries left out grows with each push; said at most twice a pace, the newest last.
    expect(wrapper.get('[data-testid="access-log-not-listed"]').text()).toContain('200');
    expect({ ...counts, TargetGroupList: 0, LoadBalancersView: 0 }).toEqual({
      LoadBalancersView: 0,
      LoadBalancerPanelCharts: 0,
      MetricChart: 0,
      LoadBalancerPanelListeners: 0,
      ServiceHealthBadge: 0,
      TargetGroupList: 0,
      ListHealthBadge: 0,
    });
    wrapper.unmount();
  });

  it('Load balancers: the target groups and the access log scrolled out of view hold still, and show the newest as they come back', async () => {
    // At scale-1000 they sit below the load balancer's charts: the page re-rendered, laid out and
    // painted them every second (a thousand layout objects a second), unseen (issue 15).
    const observers: { callback: (entries: { isIntersecting: boolean }[]) => void; target?: Element }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        target?: Element;
        constructor(public callback: (entries: { isIntersecting: boolean }[]) => void) {
          observers.push(this);
        }
        observe(target: Element) {
          this.target = target;
        }
        disconnect() {}
      },
    );
    try {
      const wrapper = mountWithApp(LoadBalancersView, { global: { mixins: [countRenders] } });
      await flushPromises();
      await pace();
      const targetGroups = observers.find((o) => o.target?.querySelector('[data-testid="tg-master-detail"]'));
      const accessLog = observers.find((o) => o.target?.classList.contains('panel'));
      expect(targetGroups && accessLog).toBeTruthy();
      targetGroups!.callback([{ isIntersecting: false }]);
      accessLog!.callback([{ isIntersecting: false }]);
      await flushPromises();
      renders.clear();
      for (let minute = 1; minute <= 4; minute++) await push(minute);
      await pace();
      await flushPromises();
      expect(rendered('TargetGroupList', 'TargetGroupListItem', 'AccessLogTable', 'BaseVirtualTable')).toEqual({ TargetGroupList: 0, TargetGroupListItem: 0, AccessLogTable: 0, BaseVirtualTable: 0 });
      expect(wrapper.find('[data-testid="target-group"]').text()).not.toContain('moved');
      // (The count's first entries show at once: it starts from none, as after a snapshot.)
      expect(wrapper.find('[data-testid="access-log-not-listed"]').text()).not.toContain('200');

      // Scrolled back: the newest at once, without waiting for the next push or tick.
      targetGroups!.callback([{ isIntersecting: true }]);
      accessLog!.callback([{ isIntersecting: true }]);
      await flushPromises();
      expect(wrapper.get('[data-testid="target-group"]').text()).toContain('moved 4');
      expect(wrapper.get('[data-testid="access-log-not-listed"]').text()).toContain('200');
      wrapper.unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('Load balancers: an access log out of view still fills once when the view opened before its entries came (the page keeps its height)', async () => {
    const observers: { callback: (entries: { isIntersecting: boolean }[]) => void; target?: Element }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        target?: Element;
        constructor(public callback: (entries: { isIntersecting: boolean }[]) => void) {
          observers.push(this);
        }
        observe(target: Element) {
          this.target = target;
        }
        disconnect() {}
      },
    );
    const entry = (i: number) => ({ time: new Date(START + i * 1000).toISOString(), loadBalancerName: 'shop-alb', request: `GET http://shop/${i} HTTP/1.1`, elbStatusCode: 200, targetProcessingTimeSeconds: 0.01, traceId: `Root=1-00000000-${String(i).padStart(24, '0')}` });
    try {
      const wrapper = mountWithApp(LoadBalancersView, { global: { mixins: [countRenders] } });
      await flushPromises();
      observers.find((o) => o.target?.classList.contains('panel'))!.callback([{ isIntersecting: false }]);
      await flushPromises();
      useAccessLogStore().append([entry(1), entry(2)]);
      await flushPromises();
      await pace();
      await flushPromises();
      expect(wrapper.findAll('[data-testid="access-log-row"]').length).toBe(2);
      // Filled, it holds still again.
      renders.clear();
      for (let i = 3; i <= 6; i++) {
        useAccessLogStore().append([entry(i)]);
        await flushPromises();
      }
      await pace();
      await flushPromises();
      expect(rendered('AccessLogTable').AccessLogTable).toBe(0);
      expect(wrapper.findAll('[data-testid="access-log-row"]').length).toBe(2);
      wrapper.unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('Overview: eight pushes within a pace merge the recent events and draw the map at most twice, and re-render no service tile', async () => {
    const wrapper = mountWithApp(OverviewView, { global: { mixins: [countRenders] } });
    await flushPromises();
    await pace();
    expect(wrapper.findAll('[data-testid="service-tile"]').length).toBe(6);
    renders.clear();
    for (let minute = 1; minute <= 8; minute++) await push(minute);
    await pace();
    await flushPromises();
    const counts = rendered('OverviewView', 'OverviewServiceHealth', 'RecentEventsTable', 'RequestPathMap', 'RouterLink');
    // Once at the first push (after a quiet pace), once for the newest at the end of the pace.
    expect(counts.RecentEventsTable).toBeLessThanOrEqual(2);
    expect(counts.RequestPathMap).toBeLessThanOrEqual(2);
    expect(wrapper.get('[data-testid="events-not-listed"]').text()).toContain('200');
    expect(counts.OverviewView).toBeLessThanOrEqual(2);
    // The request path and recent events panels (the count under the table): at most twice a pace each, not per push.
    expect(renders.get('BasePanel') ?? 0).toBeLessThanOrEqual(4);
    expect(counts.OverviewServiceHealth).toBe(0);

    // Numbers that do move (requests behind a verdict) show at most twice a pace, the newest last.
    renders.clear();
    for (let minute = 1; minute <= 8; minute++) {
      const next = report(1000 + minute);
      useHealthStore().replace({ ...next, services: next.services.map((s) => ({ ...s, counts: { ...s.counts, loadBalancers: minute } })) });
      await flushPromises();
    }
    await pace();
    await flushPromises();
    expect(renders.get('OverviewServiceHealth') ?? 0).toBeLessThanOrEqual(2);
    expect(renders.get('OverviewServiceHealth') ?? 0).toBeGreaterThanOrEqual(1);
    wrapper.unmount();
  });

  it('Auto Scaling: the open group\'s instance CPU, pushed with every frame, re-renders its table at most once a pace and shows the newest', async () => {
    const wrapper = mountWithApp(AutoScalingView, { global: { mixins: [countRenders] } });
    await flushPromises();
    await pace();
    const instanceId = useInventoryStore().autoScalingGroups[0]!.instances[0]!.instanceId;
    renders.clear();
    for (let value = 1; value <= 6; value++) {
      useInstanceCpuStore().merge({ [GROUP]: { [instanceId]: value * 10 } });
      await flushPromises();
    }
    await pace();
    await flushPromises();
    // Once at the first push (after a quiet pace), once for the newest at the end of the pace.
    expect(rendered('BaseVirtualTable').BaseVirtualTable).toBeLessThanOrEqual(2);
    expect(wrapper.get(`[data-testid="asg-instance"][data-instance-id="${instanceId}"]`).text()).toContain('60');
    wrapper.unmount();
  });
});
