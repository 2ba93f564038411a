// @vitest-environment happy-dom
/**
 * Issue 15 item 4, views that scale: master–detail lists (one detail, selection in the address,
 * keyboard), virtualised target tables, charts drawn at most once per frame and not while out of
 * view, and lookups built once per inventory.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Inventory } from '@contract';
import { resetDisplayClocks } from '@/composables/display-clock';
import MetricChart from '@/components/charts/MetricChart.vue';
import { provideChartGroup } from '@/composables/use-chart-group';
import { buildInventoryIndex } from '@/composables/use-inventory-index';
import { selectedFromQuery } from '@/composables/use-route-selection';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import LambdaView from '@/views/lambda/LambdaView.vue';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import RdsView from '@/views/rds/RdsView.vue';
import { defineComponent, h } from 'vue';
import { buildRequestPath, summarisePath } from '@/views/overview/request-path';
import { chart } from '../../support/echarts-mock';
import { capacityQueries, capacitySeries, clock, fullInventory, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

/** Mounted at the view's own route, as the app shows it (the test router starts at no route). */
async function mountAt<C extends Parameters<typeof mountWithApp>[0]>(component: C, path: string, query: Record<string, string> = {}) {
  const wrapper = mountWithApp(component);
  await wrapper.vm.$router.replace({ path, query });
  await flushPromises();
  return wrapper;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
const GROUPS = 300;
const name = (i: number) => `asg-${String(i).padStart(3, '0')}`;

/** The fixture's inventory with 300 groups and one target group of 1,500 targets. */
function bigInventory(): Inventory {
  const base = snapshot().inventory;
  const group = base.autoScalingGroups[0]!;
  const tg = base.targetGroups[0]!;
  return {
    ...base,
    autoScalingGroups: Array.from({ length: GROUPS }, (_, i) => ({ ...group, autoScalingGroupName: name(i), desiredCapacity: (i % 7) + 1 })),
    targetGroups: [
      { ...tg, targets: Array.from({ length: 1500 }, (_, i) => ({ targetId: `i-${i}`, port: 80, availabilityZone: 'us-east-1a', state: i % 10 === 0 ? ('unhealthy' as const) : ('healthy' as const) })) },
      { ...tg, targetGroupArn: `${tg.targetGroupArn}-b`, targetGroupName: 'web-b', targets: [] },
    ],
  };
}

beforeEach(() => {
  // Live values and charts share the page's display tick (composables/display-clock): each test starts on a quiet page.
  resetDisplayClocks();
  setActivePinia(createPinia());
  vi.clearAllMocks();
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(bigInventory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Auto Scaling master–detail (issue 15 item 4)', () => {
  it('lists 300 groups virtualised and shows one group, with its two charts only', () => {
    const wrapper = mountWithApp(AutoScalingView);
    const table = wrapper.get('[data-testid="asg-master-detail"] [data-testid="virtual-table"]');
    expect(table.attributes('data-row-count')).toBe(String(GROUPS));
    expect(table.attributes('role')).toBe('grid');
    expect(wrapper.findAll('[data-testid="asg-list-row"]').length).toBeLessThan(40);
    expect(wrapper.findAll('[data-testid="asg-panel"]').map((panel) => panel.attributes('data-group'))).toEqual([name(0)]);
    expect(chart.init).toHaveBeenCalledTimes(2);
    const selected = wrapper.findAll('[data-testid="asg-list-row"][aria-selected="true"]');
    expect(selected.map((row) => row.attributes('data-group'))).toEqual([name(0)]);
    expect(selected[0]!.attributes('tabindex')).toBe('0');
  });

  it('keeps the selection in the address: a click writes ?group=, a reload (or link) with it selects that group', async () => {
    const wrapper = await mountAt(AutoScalingView, '/auto-scaling');
    await wrapper.findAll('[data-testid="asg-list-row"]')[3]!.trigger('click');
    await flushPromises();
    expect(wrapper.vm.$route.query.group).toBe(name(3));
    expect(wrapper.get('[data-testid="asg-panel"]').attributes('data-group')).toBe(name(3));

    const reloaded = await mountAt(AutoScalingView, '/auto-scaling', { group: name(250) });
    expect(reloaded.get('[data-testid="asg-panel"]').attributes('data-group')).toBe(name(250));
    // Scrolled to it: the selected row is rendered although it is row 251 of 300.
    expect(reloaded.get('[data-testid="asg-list-row"][aria-selected="true"]').attributes('data-group')).toBe(name(250));
  });

  it('follows a focus link from the palette, then the operator’s own choice', async () => {
    const wrapper = mountWithApp(AutoScalingView);
    await wrapper.vm.$router.replace({ path: '/auto-scaling', query: { focus: name(42) } });
    await flushPromises();
    expect(wrapper.get('[data-testid="asg-panel"]').attributes('data-group')).toBe(name(42));
    await wrapper.get('[data-testid="asg-list-row"][aria-selected="true"]').trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(wrapper.vm.$route.query).toEqual({ group: name(43) });
    expect(wrapper.get('[data-testid="asg-panel"]').attributes('data-group')).toBe(name(43));
  });

  it('moves the selection with the keyboard (arrows, Home, End) and sorts and filters the list', async () => {
    const wrapper = await mountAt(AutoScalingView, '/auto-scaling');
    const key = async (k: string) => {
      await wrapper.get('[data-testid="asg-list-row"][aria-selected="true"]').trigger('keydown', { key: k });
      await flushPromises();
      return wrapper.get('[data-testid="asg-panel"]').attributes('data-group');
    };
    expect(await key('ArrowDown')).toBe(name(1));
    expect(await key('End')).toBe(name(GROUPS - 1));
    expect(await key('ArrowUp')).toBe(name(GROUPS - 2));
    expect(await key('Home')).toBe(name(0));

    await wrapper.get('[data-testid="sort-desired"]').trigger('click');
    await wrapper.get('[data-testid="sort-desired"]').trigger('click'); // descending: 7 first
    await flushPromises();
    // The selection (asg-000, desired 1) moved to the end and is kept in view; scroll back to the top.
    expect(wrapper.get('[data-testid="asg-list-row"][aria-selected="true"]').attributes('data-row-index')).toBe(String(GROUPS - 43));
    const viewport = wrapper.get('[data-testid="asg-master-detail"] .vtable__viewport');
    (viewport.element as HTMLElement).scrollTop = 0;
    await viewport.trigger('scroll');
    await nextFrame();
    expect(wrapper.get('[data-testid="asg-list-row"][data-row-index="0"]').attributes('data-group')).toBe(name(6));
    await wrapper.get('[data-testid="table-filter"]').setValue('asg-29');
    expect(wrapper.get('[data-testid="asg-master-detail"] [data-testid="virtual-table"]').attributes('data-row-count')).toBe('10');
  });
});

describe('Load balancers master–detail (issue 15 item 4)', () => {
  it('renders a target group of 1,500 targets as a virtualised table', async () => {
    const wrapper = mountWithApp(LoadBalancersView);
    const targets = wrapper.get('[data-testid="tg-master-detail"] [data-testid="target-group"] [data-testid="virtual-table"]');
    expect(targets.attributes('data-row-count')).toBe('1500');
    expect(wrapper.findAll('[data-testid="target-row"]').length).toBeLessThan(30);
    // Sorting by health puts the unhealthy targets first.
    await targets.get('[data-testid="sort-state"]').trigger('click');
    expect(wrapper.get('[data-testid="target-row"]').attributes('data-state')).toBe('unhealthy');
  });

  it('selects a target group by ?tg= and a load balancer by ?lb=, independently', async () => {
    const wrapper = mountWithApp(LoadBalancersView);
    await wrapper.vm.$router.replace({ path: '/load-balancers', query: { tg: 'web-b', lb: 'shop-alb' } });
    await flushPromises();
    expect(wrapper.get('[data-testid="target-group"]').attributes('data-name')).toBe('web-b');
    expect(wrapper.get('[data-testid="load-balancer"]').attributes('data-name')).toBe('shop-alb');
  });
});

describe('RDS and Lambda master–detail (issue 15 item 4)', () => {
  beforeEach(() => {
    const full = fullInventory();
    const db = full.dbInstances[0]!;
    // 200 standalone instances beside the fixture's primary and replica.
    const many = Array.from({ length: 200 }, (_, i) => ({ ...db, dbInstanceIdentifier: `db-${String(i).padStart(3, '0')}`, readReplicaDBInstanceIdentifiers: [] }));
    useInventoryStore().replace({ ...full, dbInstances: [...full.dbInstances, ...many] });
  });

  it('lists DB instances virtualised and shows only the selected instance’s cluster', async () => {
    const wrapper = await mountAt(RdsView, '/rds');
    expect(wrapper.get('[data-testid="db-master-detail"] [data-testid="virtual-table"]').attributes('data-row-count')).toBe('202');
    expect(wrapper.findAll('[data-testid="db-list-row"]').length).toBeLessThan(30);
    expect(wrapper.findAll('[data-testid="db-instance"]').map((card) => card.attributes('data-identifier'))).toEqual(['shop-db', 'shop-db-replica-1']);
    await wrapper.vm.$router.replace({ path: '/rds', query: { db: 'db-150' } });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="db-instance"]').map((card) => card.attributes('data-identifier'))).toEqual(['db-150']);
    expect(wrapper.get('[data-testid="db-list-row"][aria-selected="true"]').attributes('data-identifier')).toBe('db-150');
  });

  it('selects the replica being promoted, so the detail follows it when it becomes standalone', async () => {
    const wrapper = await mountAt(RdsView, '/rds');
    await wrapper.get('[data-testid="db-promote"]').trigger('click');
    await flushPromises();
    expect(wrapper.vm.$route.query.db).toBe('shop-db-replica-1');
  });

  it('keeps the selected function in the address (?fn=)', async () => {
    const wrapper = await mountAt(LambdaView, '/lambda', { fn: 'thumbnailer' });
    expect(wrapper.get('[data-testid="lambda-function-row"][aria-selected="true"]').attributes('data-name')).toBe('thumbnailer');
  });
});

describe('charts draw at most once per frame, and only in view (issue 15 item 4)', () => {
  const { desired } = capacityQueries('web-asg');
  const Host = defineComponent({
    setup() {
      provideChartGroup();
      return () => h(MetricChart, { title: 'Capacity', series: [{ id: 'desired', name: 'Desired', query: desired }] });
    },
  });
  const sentSeries = () => chart.setOption.mock.calls.filter((call) => call[0]?.series?.some((s: { id: string }) => s.id === 'desired')).length;

  it('coalesces a burst of metric pushes into one draw', async () => {
    useMetricsStore().load(capacitySeries(0, 5));
    mountWithApp(Host);
    chart.setOption.mockClear();
    for (let minute = 5; minute < 10; minute++) useMetricsStore().append([capacitySeries(minute, 1)[0]!]);
    await flushPromises();
    await nextFrame();
    expect(sentSeries()).toBe(1);
  });

  it('keeps counting but does not draw while out of view, and redraws when scrolled back in', async () => {
    const observers: { callback: (entries: { isIntersecting: boolean }[]) => void }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(public callback: (entries: { isIntersecting: boolean }[]) => void) {
          observers.push(this);
        }
        observe() {}
        disconnect() {}
      },
    );
    useMetricsStore().load(capacitySeries(0, 5));
    const wrapper = mountWithApp(Host);
    observers[0]!.callback([{ isIntersecting: false }]);
    chart.setOption.mockClear();
    useMetricsStore().append([capacitySeries(5, 3)[0]!]);
    await flushPromises();
    await nextFrame();
    expect(sentSeries()).toBe(0);
    expect(wrapper.get('[data-testid="metric-chart"]').attributes('data-point-count')).toBe('8');
    observers[0]!.callback([{ isIntersecting: true }]);
    await nextFrame();
    expect(sentSeries()).toBe(1);
  });
});

describe('lookups built once per inventory', () => {
  it('indexes load balancers, target groups (also per load balancer) and groups', () => {
    const inventory = bigInventory();
    const index = buildInventoryIndex(inventory.loadBalancers, inventory.targetGroups, inventory.autoScalingGroups);
    const lb = inventory.loadBalancers[0]!.loadBalancerArn;
    expect(index.targetGroupsByLoadBalancer.get(lb)!.map((tg) => tg.targetGroupName)).toEqual(['web', 'web-b']);
    expect(index.groupsByName.get(name(299))?.desiredCapacity).toBe((299 % 7) + 1);
    expect(index.targetGroupsByArn.size).toBe(2);
  });

  it('selects from the query: focus, then the view’s parameter, then the first; unknown ids ignored', () => {
    const ids = new Set(['a', 'b', 'c']);
    expect(selectedFromQuery({ focus: 'c', group: 'b' }, 'group', ids, 'a')).toBe('c');
    expect(selectedFromQuery({ focus: 'x', group: 'b' }, 'group', ids, 'a')).toBe('b');
    expect(selectedFromQuery({ group: 'gone' }, 'group', ids, 'a')).toBe('a');
    expect(selectedFromQuery({}, 'group', new Set(), undefined)).toBeNull();
  });
});

describe('the Overview summarises at scale (issue 15 item 4)', () => {
  it('keeps the worst nodes of a long column and one "+N more" node that takes their edges', () => {
    const inventory = bigInventory();
    // Every group at capacity but two: those must stay in view.
    inventory.autoScalingGroups = inventory.autoScalingGroups.map((group) => ({
      ...group,
      desiredCapacity: 2,
      instances: group.instances.map((instance) => ({ ...instance, lifecycleState: 'InService' as const })),
    }));
    inventory.autoScalingGroups[120] = { ...inventory.autoScalingGroups[120]!, desiredCapacity: 9 };
    inventory.autoScalingGroups[250] = { ...inventory.autoScalingGroups[250]!, instances: [] };
    const full = buildRequestPath(inventory);
    expect(full.nodes.filter((n) => n.kind === 'autoScalingGroup')).toHaveLength(GROUPS);
    const path = summarisePath(full, 8);
    const groups = path.nodes.filter((n) => n.kind === 'autoScalingGroup');
    expect(groups).toHaveLength(8);
    expect(groups.slice(0, 7).map((n) => n.label)).toContain(name(120));
    expect(groups.slice(0, 7).map((n) => n.label)).toContain(name(250));
    const more = groups[7]!;
    expect(more.hidden).toBe(GROUPS - 7);
    expect(more.route).toBe('auto-scaling');
    const ids = new Set(path.nodes.map((n) => n.id));
    expect(path.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    expect(path.edges.some((e) => e.to === more.id)).toBe(true);
    // Small columns are untouched.
    expect(summarisePath(buildRequestPath(fullInventory()), 8)).toEqual(buildRequestPath(fullInventory()));
  });
});
