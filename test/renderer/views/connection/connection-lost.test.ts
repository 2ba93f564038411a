// @vitest-environment happy-dom
/**
 * Operator review of web mode: with `flightdeck serve` killed, the stale page still said "Running ·
 * ×10" and every tile stayed green "Healthy" (docs/health.md: missing or old data is Unknown, never
 * Healthy), and opening another view said "Something went wrong… the data source keeps running".
 * While the wire is down every verdict reads Unknown with when the connection was lost, the header
 * says the connection is lost, and a view that cannot be fetched says why and opens when it returns.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));
import { DEFAULT_HEALTH_THRESHOLDS, type HealthReport } from '@contract';
import { setApi } from '@/api';
import TheConnectionBanner from '@/components/layout/TheConnectionBanner.vue';
import TheModeIndicator from '@/components/layout/TheModeIndicator.vue';
import TheViewLoadFailure from '@/components/layout/TheViewLoadFailure.vue';
import ServiceHealthBadge from '@/components/status/ServiceHealthBadge.vue';
import { resourceItems } from '@/components/palette/palette-items';
import { useHealthStore } from '@/stores/health';
import { useInventoryStore } from '@/stores/inventory';
import { useLiveStore } from '@/stores/live';
import { useSessionStore } from '@/stores/session';
import { reasonText } from '@/utils/health-text';
import { failedView, isViewLoadFailure } from '@/view-load';
import OverviewView from '@/views/overview/OverviewView.vue';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { START, TG_ARN, clock, fullInventory, simSession, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

/** 18:04:05 UTC on the wall clock: when the connection drops in these tests. */
const LOST_AT = Date.UTC(2026, 11, 7, 18, 4, 5);

function healthyReport(): HealthReport {
  return {
    evaluatedAt: new Date(START).toISOString(),
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    resources: [{ kind: 'targetGroup', id: TG_ARN, name: 'web', status: 'ok', reasons: [] }],
    services: (['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'] as const).map((service) => ({ service, status: 'ok' as const, total: 1, counts: {}, reasons: [] })),
  };
}

const english = (key: string, params: Record<string, unknown>) => `${key} ${JSON.stringify(params)}`;

let core: FakeCore;
beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  failedView.value = null;
});
afterEach(() => {
  useLiveStore().stop();
  setApi(undefined);
  vi.useRealTimers();
});

/** A live page with a healthy snapshot applied, then the server gone. */
async function liveThenLost(): Promise<void> {
  core.answer('snapshot.get', snapshot({ session: simSession, clock: clock(10), inventory: fullInventory(), health: healthyReport(), healthVersion: 1 }));
  useLiveStore().start();
  await flushPromises();
  expect(useHealthStore().service('elbv2')?.status).toBe('ok');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LOST_AT);
  core.setState('closed');
  vi.useRealTimers();
}

describe('while the connection to the core is lost', () => {
  it('every verdict the store hands out reads Unknown, saying since when, judged or not; Healthy again only from the fresh snapshot', async () => {
    await liveThenLost();
    const health = useHealthStore();
    expect(health.service('elbv2')?.status).toBe('unknown');
    expect(health.service('elbv2')?.total).toBe(1);
    expect(health.resource('targetGroup', TG_ARN)?.status).toBe('unknown');
    // A resource core never judged is not left to the view's own (just as old) guess either.
    expect(health.resource('loadBalancer', 'arn:never-judged')?.status).toBe('unknown');
    const reason = health.service('elbv2')!.reasons[0]!;
    expect(reasonText(english, reason)).toBe('connectionLost.reason {"cause":"connection","since":"18:04:05","who":""}');

    // Back, but the snapshot has not arrived yet: still old data.
    let answer: (value: unknown) => void = () => {};
    core.answer('snapshot.get', () => new Promise((resolve) => (answer = resolve)));
    core.setState('open');
    await flushPromises();
    expect(health.service('elbv2')?.status).toBe('unknown');
    answer(snapshot({ session: simSession, clock: clock(12), inventory: fullInventory(), health: healthyReport(), healthVersion: 3 }));
    await flushPromises();
    expect(health.service('elbv2')?.status).toBe('ok');
    expect(health.resource('targetGroup', TG_ARN)?.status).toBe('ok');
    expect(useSessionStore().lostSince).toBeNull();
  });

  it('the header says the connection is lost instead of Running, and the banner says since when', async () => {
    await liveThenLost();
    const header = mountWithApp(TheModeIndicator);
    expect(header.find('[data-testid="sim-state"]').exists()).toBe(false);
    expect(header.text()).not.toContain('Running');
    expect(header.get('[data-testid="connection-lost"]').text()).toBe('Connection lost since 18:04:05 UTC');
    const banner = mountWithApp(TheConnectionBanner);
    expect(banner.text()).toContain('Connection to Flightdeck lost at 18:04:05 UTC');
    expect(banner.text()).toContain('Unknown');
  });

  it('the Overview tiles, every request-path node, view headers and the palette read Unknown with the reason', async () => {
    await liveThenLost();
    const overview = mountWithApp(OverviewView);
    await nextTick();
    const tiles = overview.findAll('[data-testid="service-tile"]');
    expect(tiles.length).toBe(6);
    expect(tiles.map((tile) => tile.attributes('data-status'))).toEqual(Array(6).fill('unknown'));
    expect(overview.text()).not.toContain('Healthy');
    expect(tiles[0]!.get('[data-testid="service-tile-reason"]').text()).toBe('No connection to Flightdeck since 18:04:05 UTC: health unknown');
    const nodes = overview.findAll('[data-testid="path-node"]');
    expect(nodes.length).toBeGreaterThan(5);
    expect(new Set(nodes.map((node) => node.attributes('data-status')))).toEqual(new Set(['unknown']));
    expect(new Set(nodes.map((node) => node.attributes('data-tone')))).toEqual(new Set(['neutral']));

    const badge = mountWithApp(ServiceHealthBadge, { props: { service: 'elbv2' } });
    expect(badge.get('[data-testid="service-health"]').attributes('data-status')).toBe('unknown');
    const items = resourceItems(useInventoryStore().inventory, useHealthStore().resource);
    const judged = items.filter((item) => item.health);
    expect(judged.length).toBeGreaterThan(3);
    expect(judged.every((item) => item.health?.status === 'unknown')).toBe(true);
  });
});

describe('a view that cannot be fetched', () => {
  it('is a load failure, not a bug, when the browser could not fetch its chunk or its CSS', () => {
    expect(isViewLoadFailure(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:5130/assets/LambdaView-x.js'))).toBe(true);
    expect(isViewLoadFailure(new Error('Unable to preload CSS for /assets/LambdaView-x.css'))).toBe(true);
    expect(isViewLoadFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
  });

  it('says it cannot load without the connection, and opens when the connection returns', async () => {
    await liveThenLost();
    failedView.value = { fullPath: '/overview', name: 'overview', titleKey: 'nav.overview', message: 'Failed to fetch dynamically imported module' };
    const wrapper = mountWithApp(TheViewLoadFailure);
    const router = wrapper.vm.$router;
    const push = vi.spyOn(router, 'push');
    expect(wrapper.get('[data-testid="view-load-failure"]').text()).toBe('The Overview view cannot be loaded: there is no connection to Flightdeck. It opens as soon as the connection returns.');
    expect(wrapper.text()).not.toContain('Something went wrong');
    core.answer('snapshot.get', snapshot({ session: simSession, clock: clock(12), inventory: fullInventory(), health: healthyReport() }));
    core.setState('open');
    await flushPromises();
    expect(push).toHaveBeenCalledWith('/overview');
    expect(failedView.value).toBeNull();
  });
});
