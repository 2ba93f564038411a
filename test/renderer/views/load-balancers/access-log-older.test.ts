// @vitest-environment happy-dom
/**
 * The access log opens with the newest entries only (the view asks for the newest 25; issue 15):
 * the host counts the older ones it holds and the table loads them when asked, after those it
 * holds, without repeating the ones at the page's first instant.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import type { AccessLogEntry, LiveHistory, OlderPage } from '@contract';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { START, clock, fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

const LB = 'app/shop-alb/1';
const entry = (second: number): AccessLogEntry => ({
  time: new Date(START + second * 1000).toISOString(),
  loadBalancerName: 'shop-alb',
  request: `GET http://${LB}:80/item/${second} HTTP/1.1`,
  targetGroupName: 'web',
  target: 'i-1',
  elbStatusCode: 200,
  targetProcessingTimeSeconds: 0.02,
  traceId: `Root=1-00000000-${String(second).padStart(24, '0')}`,
});

let core: FakeCore;
beforeEach(() => {
  setActivePinia(createPinia());
  useSessionStore().setClock(clock(5));
  useInventoryStore().replace(fullInventory());
  core = installFakeCore();
  // Seconds 10–34 come (the newest 25); 10 older are held.
  core.answer('live.subscribe', (payload: { lists?: string[] }): LiveHistory => (payload.lists?.includes('accessLog') ? { metrics: [], accessLog: Array.from({ length: 25 }, (_, i) => entry(10 + i)), older: { accessLog: 10 } } : { metrics: [] }));
});

describe('access log: older entries on demand', () => {
  it('counts the older entries and loads them after those shown', async () => {
    core.answer('live.older', (payload: { lists: string[]; before: { time: string } }): OlderPage => {
      expect(payload.lists).toEqual(['accessLog']);
      expect(payload.before.time).toBe(entry(10).time);
      // The page repeats the entry at its first instant (second 10): it is not listed twice.
      return { accessLog: Array.from({ length: 11 }, (_, i) => entry(i)), older: { accessLog: 0 } };
    });
    const wrapper = mountWithApp(LoadBalancersView);
    await flushPromises();
    const table = () => wrapper.findAll('[data-testid="virtual-table"]').find((t) => t.find('[data-testid="access-log-row"]').exists())!;
    expect(table().attributes('data-row-count')).toBe('25');
    await wrapper.get('[data-testid="load-older-events"]').trigger('click');
    await flushPromises();
    await new Promise((done) => setTimeout(done, 1100));
    await flushPromises();
    expect(table().attributes('data-row-count')).toBe('35');
    expect(wrapper.find('[data-testid="load-older-events"]').exists()).toBe(false);
  });
});
